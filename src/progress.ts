// Where a long run is. Commands name their stages (`stage('matching')`) and pass the files they write
// through `countFiles`; each stage is a User Timing mark (`awg:matching`, which `npm run bench` reads)
// and, when the entry point installed a display (a terminal, without --quiet or --json), a status line.
import { inPieces } from './render/table.js';

export interface ProgressDisplay {
  stage(name: string): void;
  count(done: number): void;
  end(): void;
}

let display: ProgressDisplay | undefined;

/** Installs the display for the command about to run (undefined: none). */
export function showProgress(d: ProgressDisplay | undefined): void {
  display = d;
}

/** Resident memory now, in MB (the benchmark reports each stage's peak). */
const rssMB = () => process.memoryUsage.rss() / 1048576;
/** The process's highest resident memory so far (worker threads included), in MB: a counter the kernel keeps. */
const peakMB = () => process.resourceUsage().maxRSS / 1024;

export function stage(name: string): void {
  performance.mark(`awg:${name}`, { detail: { rssMB: rssMB() } });
  display?.stage(name);
}

/** What a file of the output folder belongs to, for the benchmark's per-renderer times. */
function renderer(file: string): string {
  if (file === 'schedule.xlsx') return 'workbook';
  if (/^(rosters|meeting-sheets|itineraries|accompaniers|calendar)\b/.test(file)) return 'pages and calendars';
  if (/^(requests|offices)\b/.test(file)) return 'requests';
  if (/^notices\b/.test(file)) return 'notices';
  return 'tables';
}

/**
 * The files as they are made, counted on the display. Files are made one at a time as the writer asks for
 * them, so the time until a file arrives is its rendering and the time until the next is asked for is its
 * writing: both are measured (`awg:render:workbook`, `awg:write`) for the benchmark, with the memory in use as each
 * renderer's files are made (where the peak is).
 */
/** The pieces of a file, with the time spent making each one told to `add`. */
function* timed<P>(pieces: Iterable<P>, add: (ms: number) => void): Generator<P> {
  const it = pieces[Symbol.iterator]();
  for (;;) {
    const t0 = performance.now();
    const next = it.next();
    add(performance.now() - t0);
    if (next.done) return;
    yield next.value;
  }
}

export async function* countFiles<T extends readonly [string, unknown]>(files: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  const rendering = new Map<string, number>();
  const peak = new Map<string, number>();
  let writing = 0;
  let n = 0;
  let t = performance.now();
  // Memory is read where the renderer changes (about ten times a run), not as files come (30-40 reads of the
  // resident memory in the everyday run, each a system call: 1-3 ms apiece on the loaded VM): a renderer's
  // figure is what was in use at its first file, or the process's peak where that rose while it made its
  // files (which also catches a large file's pieces, made between two reads).
  let current: string | undefined;
  let peakSoFar = peakMB();
  const ran = () => {
    const now = peakMB();
    if (current !== undefined && now > peakSoFar) peak.set(current, Math.max(peak.get(current)!, now));
    peakSoFar = now;
  };
  for await (const f of files) {
    const made = performance.now();
    const r = renderer(f[0]);
    rendering.set(r, (rendering.get(r) ?? 0) + made - t);
    if (r !== current) {
      ran();
      if (!peak.has(r)) peak.set(r, rssMB());
      current = r;
    }
    // A file given in pieces is made as the writer takes them: the time spent making its pieces is its renderer's.
    let madeInPieces = 0;
    const content = f[1];
    if (inPieces(content)) {
      yield [f[0], timed(content, (ms) => (madeInPieces += ms))] as unknown as T;
    } else yield f;
    t = performance.now();
    rendering.set(r, rendering.get(r)! + madeInPieces);
    writing += t - made - madeInPieces;
    display?.count(++n);
  }
  ran();
  for (const [r, ms] of rendering) performance.measure(`awg:render:${r}`, { start: 0, duration: ms, detail: { rssMB: peak.get(r) } });
  performance.measure('awg:write', { start: 0, duration: writing });
}
