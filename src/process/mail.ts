// Email drafts (.eml, RFC 5322) through nodemailer's MailComposer. Never sent: the organizer opens them
// in their mail program. Everything that would vary from run to run (Message-ID, Date, MIME
// boundaries) is derived from the message itself, so the same schedule gives byte-identical files.
import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';

export interface Draft {
  from: { name: string; address: string };
  to: Array<{ name: string; address: string }>;
  cc?: Array<{ name: string; address: string }>;
  subject: string;
  text: string;
  /** Fixed date for the Date header (a draft's date is replaced when it is sent). */
  date: Date;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
}

const valid = (a: { address: string }) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(a.address);

export async function composeEml(d: Draft): Promise<Buffer> {
  const hash = createHash('sha256').update(JSON.stringify([d.from, d.to, d.cc, d.subject, d.text, d.attachments?.map((a) => a.content)])).digest('hex').slice(0, 24);
  const domain = d.from.address.split('@')[1] || 'awg.invalid';
  const composer = new MailComposer({
    // A draft with no address of the organizer still needs a From line: it names them, and the domain is .invalid.
    from: valid(d.from) ? d.from : { name: d.from.name || 'Organizers', address: 'organizers@awg.invalid' },
    to: d.to.filter(valid),
    ...(d.cc?.filter(valid).length ? { cc: d.cc.filter(valid) } : {}),
    subject: d.subject,
    text: d.text,
    date: d.date,
    messageId: `<${hash}@${valid(d.from) ? domain : 'awg.invalid'}>`,
    baseBoundary: hash.slice(0, 16),
    headers: { 'X-Unsent': '1' },
    ...(d.attachments?.length ? { attachments: d.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })) } : {}),
  });
  return composer.compile().build();
}
