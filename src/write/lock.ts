// One run at a time per output folder. Two runs writing one folder at once each rename their own copy
// into place and each keep "the earlier folder", so one of them silently loses it; a lock file beside
// the folder (.NAME.awg-lock, made by an exclusive create) lets the second run stop before it reads
// anything, saying who holds it. The lock, and the temporary folder of a run cut short by Ctrl-C or a
// kill, are removed on the way out.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from '../problems.js';
import { ioError } from './out-folder.js';

/**
 * The name the hidden files beside `target` start from: the folder's own name, or, where a name that
 * long would leave no room for `.tmp-…` within the 255 bytes a file system allows, a shortened one
 * made unique by a hash (so `--out` a 250-character name is an ordinary folder, not ENAMETOOLONG).
 */
export function stemOf(target: string): string {
  const base = path.basename(path.resolve(target));
  if (Buffer.byteLength(`.${base}.tmp-000000000000.old-previous`) <= 255) return base;
  let short = base.slice(0, 180);
  while (Buffer.byteLength(short) > 180) short = short.slice(0, -1);
  return `${short}~${crypto.createHash('sha256').update(base).digest('hex').slice(0, 16)}`;
}

/** The temporary folders of runs writing `target` (their own, and those an interrupted run left). */
export const tmpPattern = (stem: string) => new RegExp(`^\\.${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.tmp-[0-9a-f]{12}(\\.old(-previous)?)?$`);
/** Any of awg's hidden files beside a folder: never an organizer's file to keep. */
export const isAwgScratch = (name: string) => /^\..+\.(awg-lock(\.takeover)?|tmp-[0-9a-f]{12}(\.old(-previous)?)?)$/.test(name);

// What to undo when the process is stopped: temporary folders, then locks (the last taken is undone first).
const cleanups = new Set<() => void>();
const heldHere = new Set<string>();

function runCleanups(): void {
  for (const undo of [...cleanups].reverse()) {
    try {
      undo();
    } catch {
      // Best effort: the process is ending; a stale lock is taken over by the next run.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  runCleanups();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  // Ends as the signal would have ended it (the shell then sees 130 or 143).
  process.kill(process.pid, signal);
}

/** Registers what to undo if the run is stopped; returns the function that unregisters it. */
export function onInterrupt(undo: () => void): () => void {
  if (!cleanups.size) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('exit', runCleanups);
  }
  cleanups.add(undo);
  return () => {
    cleanups.delete(undo);
    if (!cleanups.size) {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      process.removeListener('exit', runCleanups);
    }
  };
}

interface Holder {
  pid?: number;
  host?: string;
  command?: string;
  started?: string;
}

function tryCreate(file: string, text: string, target: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw ioError(err, `cannot write ${target}: its lock file ${file} could not be made`);
  }
  try {
    fs.writeSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function parseHolder(text: string | undefined): Holder | undefined {
  try {
    const h = JSON.parse(text ?? '') as Holder;
    return h && typeof h === 'object' ? h : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who holds a lock, read as a second run sees it. A lock is made, then written: one read in between finds it
 * empty, and the run would be told "another awg run" without whose. A young lock with nothing readable in
 * it is read again for up to half a second before it is taken as it is.
 */
function readHolder(file: string): Holder | undefined {
  return readLock(file).holder;
}

/** The lock's text and holder, read again while it is young and has nothing readable in it yet. */
function readLock(file: string): { text: string | undefined; holder: Holder | undefined } {
  let text = readText(file);
  let holder = parseHolder(text);
  for (let i = 0; i < 25 && !holder && text !== undefined && ageMs(file) < 2_000; i++) {
    Atomics.wait(PAUSE, 0, 0, 20);
    text = readText(file);
    holder = parseHolder(text);
  }
  return { text, holder };
}
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

const ageMs = (file: string) => {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock whose run is known to be gone: its process no longer runs on this machine. */
function isStale(h: Holder | undefined, file: string): boolean {
  // A lock with nothing readable in it is one being made this instant, or left by a crash as it was made.
  if (!h || typeof h.pid !== 'number') return ageMs(file) > 60_000;
  if (h.host !== os.hostname()) return false;
  // Our own process id in a lock this process does not hold: an earlier process had the same id.
  return h.pid === process.pid ? !heldHere.has(file) : !alive(h.pid);
}

const who = (h: Holder | undefined) => h?.pid !== undefined
  ? `${h.command ?? 'awg'} (process ${h.pid} on ${h.host ?? 'an unknown machine'}, since ${h.started ?? 'an unknown time'})`
  : 'another awg run';

function heldError(target: string, file: string, h: Holder | undefined): UsageError {
  return new UsageError(
    `${target} is being written by ${who(h)}; lock file ${file}. Two runs writing one folder would each replace the other's.`,
    `Wait for that run to finish and run again. If it is not running any more${h?.host && h.host !== os.hostname() ? ` (it ran on ${h.host})` : ''}, delete ${file}.`,
  );
}

/** Takes over a stale lock; a second run taking it over at the same moment finds the claim and stops. */
function takeOver(target: string, file: string, text: string, staleText: string | undefined): void {
  const claim = `${file}.takeover`;
  if (!tryCreate(claim, text, target)) {
    if (ageMs(claim) < 60_000) throw heldError(target, file, readHolder(claim));
    fs.rmSync(claim, { force: true });
    if (!tryCreate(claim, text, target)) throw heldError(target, file, readHolder(claim));
  }
  try {
    if (readText(file) !== staleText) throw heldError(target, file, readHolder(file));
    fs.rmSync(file, { force: true });
    if (!tryCreate(file, text, target)) throw heldError(target, file, readHolder(file));
  } finally {
    fs.rmSync(claim, { force: true });
  }
}

/** Removes what interrupted runs left: older temporary folders of this same target (ours to clean while we hold its lock). */
function removeLeftovers(parent: string, stem: string): void {
  const pattern = tmpPattern(stem);
  let names: string[];
  try {
    names = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names.filter((n) => pattern.test(n))) {
    try {
      fs.rmSync(path.join(parent, name), { recursive: true, force: true });
    } catch {
      // A leftover awg cannot remove (another user's) stays; it never holds the new folder.
    }
  }
}

/**
 * Locks the folder `target` for this run (`command`, as the second run will be told). Throws a
 * UsageError naming the holder if another live run has it; takes over, with a warning, a lock whose
 * process is gone. Returns the function that releases it (also run on SIGINT, SIGTERM and exit).
 */
export function lockFolder(target: string, command: string, warn: (text: string) => void): () => void {
  const abs = path.resolve(target);
  const parent = path.dirname(abs);
  let made: string | undefined;
  try {
    made = fs.mkdirSync(parent, { recursive: true });
  } catch (err) {
    throw ioError(err, `could not make the folder ${path.dirname(target)} to hold ${target}`);
  }
  const stem = stemOf(abs);
  const file = path.join(parent, `.${stem}.awg-lock`);
  const text = `${JSON.stringify({ pid: process.pid, host: os.hostname(), command, started: new Date().toISOString() })}\n`;
  if (!tryCreate(file, text, target)) {
    const { text: staleText, holder } = readLock(file);
    if (!isStale(holder, file)) throw heldError(target, file, holder);
    takeOver(target, file, text, staleText);
    warn(`awg: took over the lock ${file}, left by ${who(holder)}, which is no longer running.`);
  }
  heldHere.add(file);
  removeLeftovers(parent, stem);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    unregister();
    heldHere.delete(file);
    if (readText(file) === text) fs.rmSync(file, { force: true });
    // A parent made only to hold the lock goes again if the run wrote nothing there.
    for (let dir = parent; made && dir.length >= made.length; dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        break;
      }
    }
  };
  const unregister = onInterrupt(release);
  return release;
}
