// One UID a person in each meeting, and one file name a person: what a calendar app and a mail client
// tell people apart by. Earlier folders' UIDs are kept wherever they still name one person.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarEventRecord } from '../../src/render/calendar.js';
import { assignUids, type UidClaim } from '../../src/render/calendar-uid.js';
import { slug, uniqueStems } from '../../src/render/file-names.js';

const claim = (email: string, meetingId = 'M001'): UidClaim => ({ meetingId, personal: slug(email), identity: email.toLowerCase() });
const record = (uid: string, email: string): CalendarEventRecord =>
  ({ uid, sequence: 0, fingerprint: '', path: 'calendar/participants/x.ics', start: 0, end: 0, title: '', ownerName: '', ownerEmail: email });

describe('calendar UIDs', () => {
  it('stay M001-<slug>@awg for a person nobody else shares it with (every earlier folder\'s events update in place)', () => {
    expect(assignUids([claim('ana@x.org'), claim('ana@x.org', 'M002')], [])).toEqual(['M001-ana-x-org@awg', 'M002-ana-x-org@awg']);
  });

  it('differ for two people whose emails differ only in punctuation', () => {
    const uids = assignUids([claim('pat.lee@x.org'), claim('pat_lee@x.org')], []);
    expect(new Set(uids).size).toBe(2);
    expect(uids.every((u) => u.startsWith('M001-pat-lee-x-org--'))).toBe(true);
  });

  it('keep the usual UID for the one who had it, and give the newcomer their own', () => {
    const uids = assignUids([claim('pat_lee@x.org'), claim('pat.lee@x.org')], [record('M001-pat-lee-x-org@awg', 'Pat.Lee@x.org')]);
    expect(uids[1]).toBe('M001-pat-lee-x-org@awg');
    expect(uids[0]).not.toBe(uids[1]);
  });

  it('never hand someone else\'s earlier event to a newcomer (that event is cancelled instead)', () => {
    expect(assignUids([claim('pat_lee@x.org')], [record('M001-pat-lee-x-org@awg', 'pat.lee@x.org')])).not.toEqual(['M001-pat-lee-x-org@awg']);
  });

  it('are one a person and meeting, whatever the emails, and the same on the next run', () => {
    const emails = fc.uniqueArray(fc.tuple(fc.constantFrom('pat.lee', 'pat_lee', 'pat-lee', 'Pat.Lee', 'pat+lee', 'ana'), fc.constantFrom('@x.org', '@x-org', '@X.org'))
      .map(([a, b]) => a + b), { minLength: 1, maxLength: 6, selector: (e) => e.toLowerCase() });
    fc.assert(fc.property(emails, fc.subarray(['M001', 'M002']), (people, meetings) => {
      const claims = meetings.flatMap((m) => people.map((e) => claim(e, m)));
      const uids = assignUids(claims, []);
      expect(new Set(uids).size).toBe(uids.length);
      const again = assignUids(claims, claims.map((c, i) => record(uids[i]!, c.identity)));
      expect(again).toEqual(uids);
    }));
  });
});

describe('file names of people', () => {
  it('are the slug where nobody else has it, and a hash of who they are where someone does, whatever the order', () => {
    const a = { base: `accompaniers/${slug(`${'A'.repeat(60)} Grant`)}`, identity: 'grant@x.org' };
    const b = { base: `accompaniers/${slug(`${'A'.repeat(60)} Lucero`)}`, identity: 'lucero@x.org' };
    const c = { base: 'accompaniers/rae-morgan', identity: 'rae@x.org' };
    const names = uniqueStems([a, b, c]);
    expect(new Set(names).size).toBe(3);
    expect(names[2]).toBe('accompaniers/rae-morgan');
    expect(uniqueStems([c, b, a])).toEqual([...names].reverse());
    expect(a.base).not.toMatch(/-$/);
  });
});
