// Entry point: runs the CLI and turns errors into messages and exit codes (0 ok, 1 input problems, 2 usage).
import fs from 'node:fs';
import { CommanderError } from 'commander';
import { ZodError } from 'zod';
import { buildProgram } from './cli.js';
import { formatProblems, useColor } from './render/problems.js';
import { InputError, UsageError } from './problems.js';

const out = {
  stdout: (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram(out, (code) => (process.exitCode = code), version());
  try {
    await program.parseAsync(argv);
  } catch (err) {
    process.exitCode = exitCodeFor(err);
  }
}

function exitCodeFor(err: unknown): number {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
  }
  if (err instanceof UsageError) {
    out.stderr(`awg: ${err.message}${err.hint ? `\n  ${err.hint}` : ''}`);
    return 2;
  }
  if (err instanceof InputError) {
    out.stderr(formatProblems(err.problems, useColor(process.stderr)).trimStart());
    return 1;
  }
  if (err instanceof ZodError) {
    out.stderr(`awg: ${err.issues.map((i) => i.message).join('; ')}`);
    return 2;
  }
  out.stderr(`awg: unexpected failure: ${(err as Error)?.message ?? String(err)}\n  This is a bug in awg; please report it with the command you ran.`);
  if (process.env.AWG_DEBUG) out.stderr((err as Error)?.stack ?? '');
  return 2;
}

void main(process.argv);
