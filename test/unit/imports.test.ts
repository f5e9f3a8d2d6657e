// The shape of src/: no import cycle (type-only imports included), no stage imports a later one, the
// model imports no stage, and no file outgrows one idea. Walks the relative imports of every module.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? modules(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports and re-exports of a module, static and dynamic, as absolute .ts paths. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);
  return specs.filter((s) => s.startsWith('.')).map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
}

const graph = new Map(modules(SRC).map((f) => [f, importsOf(f)]));
const rel = (f: string) => path.relative(SRC, f);

/** Every cycle found by a depth-first walk, each as the list of modules on it. */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      if (state.get(g) === 'open') found.push([...stack.slice(stack.indexOf(g)), g].map(rel));
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...graph.keys()].sort()) if (!state.has(f)) visit(f);
  return found;
}

describe('the module graph of src/', () => {
  it('reads the imports it checks (a walk that found nothing would pass anything)', () => {
    expect(graph.get(path.join(SRC, 'schedule/scheduler.ts'))).toContain(path.join(SRC, 'schedule/objective.ts'));
    expect(graph.get(path.join(SRC, 'cli.ts'))).toContain(path.join(SRC, 'commands/schedule.ts'));
  });

  it('has no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('never imports a later stage into an earlier one (read → normalize → match → schedule → render → write)', () => {
    const STAGES = ['read', 'normalize', 'match', 'schedule', 'render', 'write'];
    // The modules beside the pipeline (folder, check, process, report, commands) come after it.
    const stageOf = (f: string) => rel(f).split(path.sep)[0]!;
    // rules/ (the hard rules, written once) sits below the scheduler and check: it may be imported by both;
    // campus/ (buildings, rooms, walking minutes: pure facts of the place, like data/) sits below every stage.
    const late = (s: string) => !STAGES.includes(s) && !s.endsWith('.ts') && s !== 'config' && s !== 'data' && s !== 'rules' && s !== 'campus';
    const wrong = [...graph].flatMap(([f, deps]) => {
      const from = STAGES.indexOf(stageOf(f));
      if (from < 0) return [];
      return deps.filter((d) => STAGES.indexOf(stageOf(d)) > from || late(stageOf(d))).map((d) => `${rel(f)} -> ${rel(d)}`);
    });
    expect(wrong).toEqual([]);
  });

  it('keeps the folder reader below the checks: nothing in folder/ imports check/ (check reads the folder, never the other way)', () => {
    const folder = [...graph].filter(([f]) => rel(f).startsWith(`folder${path.sep}`));
    expect(folder.length).toBeGreaterThan(3);
    expect(folder.flatMap(([f, deps]) => deps.filter((d) => rel(d).startsWith(`check${path.sep}`)).map((d) => `${rel(f)} -> ${rel(d)}`))).toEqual([]);
  });

  it('keeps the writer deciding nothing: process/folder.ts takes the change plan and imports no planning step', () => {
    const deps = graph.get(path.join(SRC, 'process/folder.ts'))!.map(rel);
    expect(deps).toContain(path.join('plan', 'change-plan.ts'));
    for (const step of ['process/offices.ts', 'process/previous.ts', 'schedule/plan.ts']) expect(deps).not.toContain(path.join(...step.split('/')));
  });

  it('keeps the rulebook below every stage that uses it: rules/ imports only the model, the event, normalize and the campus', () => {
    const wrong = [...graph].filter(([f]) => rel(f).startsWith(`rules${path.sep}`))
      .flatMap(([f, deps]) => deps.map(rel).filter((d) => !d.startsWith(`rules${path.sep}`) && !d.startsWith(`normalize${path.sep}`) && !d.startsWith(`campus${path.sep}`) && d !== 'model.ts' && d !== 'event.ts').map((d) => `${rel(f)} -> ${d}`));
    expect(wrong).toEqual([]);
  });

  it('keeps the domain types free of every stage: model.ts imports nothing of awg but the campus\'s own types', () => {
    expect(graph.get(path.join(SRC, 'model.ts'))!.map(rel).filter((d) => d !== path.join('campus', 'model.ts'))).toEqual([]);
    // campus/model.ts is types only, and imports nothing itself: the model stays free of every stage.
    expect(graph.get(path.join(SRC, 'campus', 'model.ts'))).toEqual([]);
  });

  it('keeps the objective apart from how solutions are found: it scores walks (schedule/walks.ts), never searches', () => {
    expect(graph.get(path.join(SRC, 'schedule/objective.ts'))!.map(rel)).toEqual([path.join('campus', 'model.ts'), 'model.ts', path.join('schedule', 'walks.ts')]);
    expect(graph.get(path.join(SRC, 'schedule/walks.ts'))!.map(rel).filter((d) => d.startsWith(`schedule${path.sep}`))).toEqual([]);
  });

  it('has no module over 300 lines', () => {
    const long = [...graph.keys()].map((f) => [rel(f), fs.readFileSync(f, 'utf8').split('\n').length] as const)
      .filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });
});
