// The progress line on a terminal's stderr (ora), for runs that take more than about a second: the stage,
// and while writing, how many files are written. awg's stages are synchronous, so the spinner's timer
// cannot redraw while one runs: the line is redrawn when the stage or the count changes instead.
import ora, { type Ora } from 'ora';
import type { ProgressDisplay } from './progress.js';

/** Nothing shows before this: a short run prints no progress at all. */
const SHOW_AFTER_MS = 1000;
/** Redraw at most this often while counting files. */
const REDRAW_MS = 100;

export function terminalProgress(stream: NodeJS.WriteStream): ProgressDisplay {
  const began = performance.now();
  let spinner: Ora | undefined;
  let name = '';
  let drawn = 0;
  let ended = false;
  const draw = (text: string) => {
    const now = performance.now();
    if (ended || now - began < SHOW_AFTER_MS) return;
    // discardStdin: false leaves the terminal's Ctrl+C alone (raw mode would swallow it while a stage runs).
    spinner ??= ora({ stream, discardStdin: false }).start();
    spinner.text = `awg: ${text}`;
    spinner.render();
    drawn = now;
  };
  return {
    stage(next) {
      name = next;
      draw(`${name}…`);
    },
    count(done) {
      if (performance.now() - drawn >= REDRAW_MS) draw(`${name}: ${done.toLocaleString('en-US')} file${done === 1 ? '' : 's'} written`);
    },
    end() {
      ended = true;
      spinner?.stop();
    },
  };
}
