// Runs one awg command line and returns its exit code: 0 ok, 1 problems in the inputs, 2 usage or
// unreadable files. Every error becomes a message on `out.stderr`; nothing is thrown.
import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import type { Output } from './commands/shared.js';
import { InputError, UsageError } from './problems.js';

export async function runCli(argv: readonly string[], out: Output, opts: { version?: string; color?: boolean; debug?: boolean } = {}): Promise<number> {
  let code = 0;
  // Commands get the colour decision with their output channels; none of them looks at the process.
  const program = buildProgram({ ...out, color: Boolean(opts.color) }, (c) => (code = c), opts.version ?? '0.0.0');
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    return await exitCodeFor(err, out, opts);
  }
}

// zod and the problems' formatting are loaded only for an error that needs them: `awg --version`, `--help`
// and a usage error start without them (the commands that use them load them).
async function exitCodeFor(err: unknown, out: Output, opts: { color?: boolean; debug?: boolean }): Promise<number> {
  if (err instanceof CommanderError) {
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? 0 : 2;
  }
  if (err instanceof UsageError) {
    out.stderr(`awg: ${err.message}${err.hint ? `\n  ${err.hint}` : ''}`);
    return 2;
  }
  if (err instanceof InputError) {
    const { formatProblems } = await import('./render/problems.js');
    out.stderr(formatProblems(err.problems, Boolean(opts.color)).trimStart());
    return 1;
  }
  const { ZodError } = await import('zod');
  if (err instanceof ZodError) {
    out.stderr(`awg: ${err.issues.map((i) => i.message).join('; ')}`);
    return 2;
  }
  if (err instanceof RangeError && /memory|Invalid (string|array) length/i.test(err.message)) {
    out.stderr(`awg: an input is too large to process (${err.message}).`);
    return 2;
  }
  out.stderr(`awg: unexpected failure: ${(err as Error)?.message ?? String(err)}\n  This is a bug in awg; please report it with the command you ran.`);
  if (opts.debug) out.stderr((err as Error)?.stack ?? '');
  return 2;
}
