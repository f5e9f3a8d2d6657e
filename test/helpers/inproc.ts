// Runs awg in this process (the same runCli that bin/awg runs), for property tests that need hundreds of runs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/run.js';
import { fx, tmpDir } from './run.js';

export interface InRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export async function awgIn(args: string[]): Promise<InRun> {
  let stdout = '';
  let stderr = '';
  const t0 = performance.now();
  const code = await runCli(args, { stdout: (t) => (stdout += `${t}\n`), stderr: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr, ms: performance.now() - t0 };
}

export const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A folder with clean inputs of every kind; any one of them can then be replaced by a hostile one. */
export function cleanInputs(): Record<'dir' | 'rsvps' | 'targets' | 'zips' | 'staff' | 'confirmed' | 'config', string> {
  const dir = tmpDir('awg-adv-');
  const file = (name: string, text: string | Buffer) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  return {
    dir,
    rsvps: file('rsvps.csv', 'Email,First Name,Last Name,State,ZIP Code,Availability\r\nana@example.org,Ana,López,IL,60614,Tue 10am-12pm\r\nben@example.org,Ben,Okafor,IL,60201,\r\n'),
    targets: file('targets.xlsx', fs.readFileSync(fx('targets.xlsx'))),
    zips: file('zips.csv', fs.readFileSync(fx('zip-districts.csv'))),
    staff: file('staff.csv', fs.readFileSync(fx('staff.csv'))),
    confirmed: file('confirmed.csv', fs.readFileSync(fx('confirmed.csv'))),
    config: file('awg.config.json', '{"event": {"name": "Test days"}}'),
  };
}

export function scheduleArgs(inp: ReturnType<typeof cleanInputs>, out: string): string[] {
  return ['schedule', '--rsvps', inp.rsvps, '--targets', inp.targets, '--zip-districts', inp.zips, '--staff', inp.staff, '--confirmed', inp.confirmed, '--config', inp.config, '--out', out];
}
