// The moment a lock exists but is not written yet: a second run that reads it then must still say whose
// it is (the concurrency test once caught "another awg run" with no process named).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { lockFolder } from '../../src/write/lock.js';
import { tmpDir } from '../helpers/run.js';

it('a lock made but not yet written is read again until it names its run', async () => {
  const root = tmpDir('awg-lock-race-');
  const lock = path.join(root, '.out.awg-lock');
  fs.writeFileSync(lock, '');
  const holder = { pid: 424242, host: 'elsewhere.example', command: 'awg schedule', started: '2026-12-03T12:00:00.000Z' };
  // Another process writes the holder 150 ms later, as the run that made the lock would.
  const writer = spawn(process.execPath, ['-e', `setTimeout(() => require('fs').writeFileSync(${JSON.stringify(lock)}, ${JSON.stringify(JSON.stringify(holder))}), 150)`]);
  await new Promise((r) => setTimeout(r, 30));
  let message = '';
  try {
    lockFolder(path.join(root, 'out'), 'awg schedule', () => {});
  } catch (err) {
    message = (err as Error).message;
  }
  writer.kill();
  expect(message).toContain('process 424242 on elsewhere.example');
});
