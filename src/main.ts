// Entry point of bin/awg: runs the command line and sets the exit code (it never calls process.exit,
// so output still being flushed is not cut off).
import fs from 'node:fs';
import { useColor } from './render/problems.js';
import { runCli } from './run.js';

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

process.exitCode = await runCli(process.argv.slice(2), out, { version: version(), color: useColor(process.stderr), debug: Boolean(process.env.AWG_DEBUG) });
