// Colour is decided once, by the entry point (a terminal, no NO_COLOR), and handed to the commands:
// none of them looks at the process to decide it.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/run.js';
import path from 'node:path';
import { fx, tmpDir } from '../helpers/run.js';

async function stderrOf(args: string[], color: boolean): Promise<string> {
  let stderr = '';
  await runCli(args, { stdout: () => undefined, stderr: (t) => (stderr += `${t}\n`) }, { color });
  return stderr;
}

const ESC = '\u001b[';
const inputs = ['--rsvps', fx('rsvps-google-forms.csv'), '--targets', fx('targets.xlsx')];

describe('colour on stderr', () => {
  it.each([
    ['validate', ['validate', ...inputs]],
    ['schedule', ['schedule', ...inputs, '--out', path.join(tmpDir(), 'out'), '--force']],
  ])('%s colours its problems only when runCli is told to', async (_name, args) => {
    const plain = await stderrOf(args, false);
    const coloured = await stderrOf(args, true);
    expect(plain.length).toBeGreaterThan(0);
    expect(plain).not.toContain(ESC);
    expect(coloured).toContain(ESC);
    // The same words either way.
    expect(coloured.split(ESC).map((part, i) => (i ? part.replace(/^[0-9;]*m/, '') : part)).join('')).toBe(plain);
  });
});
