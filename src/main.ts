// Entry point of bin/awg: runs the command line and sets the exit code (it never calls process.exit,
// so output still being flushed is not cut off).
import fs from 'node:fs';
import { useColor } from './render/problems.js';
import { runCli } from './run.js';
import type { Output } from './commands/shared.js';

const out: Output = {
  stdout: (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  // A progress line only on a terminal: piped or redirected stderr gets none (loaded only then). One
  // that reports no width cannot hold a redrawn line.
  ...(process.stderr.isTTY && process.stderr.columns > 0 ? { progress: async () => (await import('./progress-terminal.js')).terminalProgress(process.stderr) } : {}),
};

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

// No top-level await: the bundle is CommonJS, for V8's code cache (see launch.ts).
void runCli(process.argv.slice(2), out, { version: version(), color: useColor(process.stderr), debug: Boolean(process.env.AWG_DEBUG) }).then((code) => {
  process.exitCode = code;
});
