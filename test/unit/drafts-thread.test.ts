// Many .eml drafts are composed on a worker thread (the built one, dist/: from source there is no worker to
// start) and must be byte for byte the drafts composed on the main thread, each under its own file name.
import { describe, expect, it } from 'vitest';
import { builtFile } from '../helpers/run.js';
import type { Draft } from '../../src/process/mail.js';

describe('the drafts on a worker thread', () => {
  it('gives each file the same bytes as the main thread, in order, for 400 requests and notices', async () => {
    builtFile('process/mail-worker.js');
    const { draftComposer } = (await import(builtFile('process/drafts.js'))) as typeof import('../../src/process/drafts.js');
    const { composeEml } = (await import(builtFile('process/mail.js'))) as typeof import('../../src/process/mail.js');
    const draft = (i: number): readonly [string, Draft] => [`notices/row-${i}.eml`, {
      from: { name: 'Org', address: 'org@x.org' }, to: i % 9 ? [{ name: `Ana López ${i}`, address: `ana${i}@x.org` }] : [], subject: `Your meetings ${i}`,
      text: `Dear Ana,\n- Wednesday, July 15, 10:30–11:00 am ET\n${'x'.repeat(i % 120)}\n`, date: new Date('2020-06-16T16:00:00Z'),
      attachments: i % 2 ? [{ filename: `ana-${i}.ics`, content: `BEGIN:VCALENDAR\r\nUID:${i}\r\nEND:VCALENDAR\r\n`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }] : [],
    }];
    const requests = Array.from({ length: 150 }, (_, i) => draft(i));
    const notices = Array.from({ length: 250 }, (_, i) => draft(1000 + i));
    const composer = draftComposer(requests.length + notices.length);
    expect(composer.onWorker).toBe(true);
    expect(draftComposer(20).onWorker).toBe(false);
    const made: Array<[string, Uint8Array]> = [];
    try {
      const a = composer.compose(requests);
      const b = composer.compose(notices);
      for await (const f of a) made.push(f);
      for await (const f of b) made.push(f);
    } finally {
      composer.close();
    }
    expect(made.map(([p]) => p)).toEqual([...requests, ...notices].map(([p]) => p));
    for (const [i, [, d]] of [...requests, ...notices].entries()) expect(Buffer.from(made[i]![1]).equals(await composeEml(d))).toBe(true);
  });

  it('takes the worker started ahead for a run with many drafts, not for one with few, with the same bytes', async () => {
    const { draftComposer, warmDraftsWorker } = (await import(builtFile('process/drafts.js'))) as typeof import('../../src/process/drafts.js');
    const { composeEml } = (await import(builtFile('process/mail.js'))) as typeof import('../../src/process/mail.js');
    warmDraftsWorker(350);
    expect(draftComposer(20).onWorker).toBe(false);
    const composer = draftComposer(350);
    expect(composer.onWorker).toBe(true);
    const drafts = Array.from({ length: 350 }, (_, i): readonly [string, Draft] => [`requests/M${i}.eml`, {
      from: { name: 'Org', address: 'org@x.org' }, to: [{ name: `Office ${i}`, address: `s${i}@x.org` }], subject: `Meeting request ${i}`,
      text: `Dear scheduler,\n${'We would like to meet. '.repeat(i % 40)}\n`, date: new Date('2020-06-16T16:00:00Z'),
    }]);
    const made: Array<[string, Uint8Array]> = [];
    try {
      for await (const f of composer.compose(drafts)) made.push(f);
    } finally {
      composer.close();
    }
    expect(made.map(([p]) => p)).toEqual(drafts.map(([p]) => p));
    for (const [i, [, d]] of drafts.entries()) expect(Buffer.from(made[i]![1]).equals(await composeEml(d))).toBe(true);
  });
});
