// A draft's header names are kept once spelled (src/process/mail.ts): a mail program reads them by name, so
// the thousandth draft must spell every header as the first does, and as nodemailer does, whatever case the
// code that set them used.
import { describe, expect, it } from 'vitest';
import { composeEml, type Draft } from '../../src/process/mail.js';

const draft = (i: number): Draft => ({
  from: { name: 'Org', address: 'org@example.org' }, to: [{ name: `Person ${i}`, address: `p${i}@example.org` }], cc: [{ name: '', address: 'cc@example.org' }],
  subject: `Your meetings ${i} — café`, text: `Dear Person ${i},\nSee you there.\n`, date: new Date(Date.UTC(2026, 5, 1, 16)),
  attachments: [{ filename: `p${i}.ics`, content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }],
});
const headerNames = (eml: Buffer) => eml.toString().split('\r\n').filter((l) => /^[A-Za-z-]+: /.test(l)).map((l) => l.slice(0, l.indexOf(':')));

describe('.eml drafts', () => {
  it('spell every header the same in the first and the thousandth draft, as mail programs expect them', async () => {
    const first = headerNames(await composeEml(draft(1)));
    expect(first).toEqual(expect.arrayContaining(['Content-Type', 'From', 'To', 'Cc', 'Subject', 'Message-ID', 'Date', 'MIME-Version', 'X-Unsent', 'Content-Transfer-Encoding', 'Content-Disposition']));
    for (let i = 2; i < 1000; i++) await composeEml(draft(i));
    expect(headerNames(await composeEml(draft(1000)))).toEqual(first);
  });
});
