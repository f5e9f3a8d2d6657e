// Email drafts (.eml, RFC 5322) through nodemailer's MailComposer. Never sent: the organizer opens them
// in their mail program. Everything that would vary from run to run (Message-ID, Date, MIME
// boundaries) is derived from the message itself, so the same schedule gives byte-identical files.
import { hash as digest } from 'node:crypto';
import { Encoder as Base64Encoder } from 'nodemailer/lib/base64';
import MailComposer from 'nodemailer/lib/mail-composer';
import MimeNode from 'nodemailer/lib/mime-node';
import { Encoder as QpEncoder } from 'nodemailer/lib/qp';

/**
 * MimeNode spells a header's name anew (three regular expressions) each time a header is set, read or
 * written, a dozen times a part: a fifth of a draft's CPU. The spelling depends on the name alone, so each
 * name is spelled once by nodemailer itself and kept (a draft has a dozen names; the same ones every draft).
 */
const proto = MimeNode.prototype as unknown as { _normalizeHeaderKey?: (key: unknown) => string };
const spell = proto._normalizeHeaderKey;
const spelled = new Map<string, string>();
// An internal method of nodemailer's: a version without it is left as it is (slower, never broken).
if (typeof spell === 'function') proto._normalizeHeaderKey = function normalizeOnce(this: MimeNode, key: unknown): string {
  if (typeof key !== 'string') return spell.call(this, key);
  let name = spelled.get(key);
  if (name === undefined) {
    name = spell.call(this, key);
    if (spelled.size < 1000) spelled.set(key, name);
  }
  return name;
};

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

/** nodemailer's message tree for the draft (MailComposer decides every header, part and encoding). */
export function composeTree(d: Draft): MimeNode {
  const hash = digest('sha256', JSON.stringify([d.from, d.to, d.cc, d.subject, d.text, d.attachments?.map((a) => a.content)])).slice(0, 24);
  const domain = d.from.address.split('@')[1] || 'awg.invalid';
  return new MailComposer({
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
  }).compile();
}

/** The parts of MimeNode that its stream() reads, not all in its declared type. */
interface Node {
  content?: unknown; _raw?: unknown; _transforms: unknown[]; _processFuncs: unknown[]; newline?: string;
  contentType?: string; multipart?: string | false; boundary?: string | false; childNodes: Node[];
  getTransferEncoding(): string | false; buildHeaders(): string;
}
/** nodemailer's encoder streams, driven by hand: one whole chunk in, as its stream is fed, then the end. */
interface Encoder { _transform(chunk: Buffer, encoding: string, done: () => void): void; _flush(done: () => void): void; push(chunk: unknown): boolean }

const plainContent = (n: Node) => n.content === undefined || typeof n.content === 'string';

/** Whether the tree has only what emlOf writes exactly as nodemailer's streams do (text and string attachments). */
function writable(n: Node): boolean {
  return !n._raw && !n._transforms.length && !n._processFuncs.length && !n.newline && plainContent(n) && n.childNodes.every(writable);
}

/**
 * The message of the tree, the bytes MimeNode.build() gives, without its streams: build() pipes each part
 * through PassThrough streams and waits on setImmediate between parts, which cost more than the message
 * (0.3 ms of CPU per draft at 1,000 RSVPs). The order of the walk is MimeNode.stream()'s: the part's
 * headers, its content through nodemailer's own encoder (fed as its stream feeds it: the whole content in
 * one chunk), then each child between boundary lines; at the end the final line break LastNewline adds.
 */
function emlOf(root: Node): Buffer {
  // The message as one string, made into bytes once: every piece but a part's content is ASCII, and a content
  // stands between a header's and a boundary's line breaks, so the UTF-8 of the whole is that of its pieces.
  let eml = '';
  const write = (s: string | Buffer) => void (eml += typeof s === 'string' ? s : s.toString('latin1'));
  const walk = (n: Node) => {
    const encoding = n.getTransferEncoding();
    eml += `${n.buildHeaders()}\r\n\r\n`;
    const content = n.content as string | Buffer | undefined;
    if (content) {
      if (encoding === 'quoted-printable' || encoding === 'base64') {
        const encoder = (encoding === 'base64' ? new Base64Encoder({}) : new QpEncoder({ binary: !/^text\//i.test(n.contentType || '') })) as unknown as Encoder;
        // The encoders give ASCII (base64 as a Buffer of it).
        encoder.push = (chunk) => (write(chunk as string | Buffer), true);
        encoder._transform(Buffer.from(content), 'buffer', () => {});
        encoder._flush(() => {});
      } else eml += content;
    }
    if (n.multipart) {
      n.childNodes.forEach((child, i) => {
        eml += `${i ? '\r\n' : ''}--${n.boundary}\r\n`;
        walk(child);
      });
      eml += `\r\n--${n.boundary}--\r\n`;
    }
  };
  walk(root);
  return Buffer.from(eml.endsWith('\n') ? eml : `${eml}${eml.endsWith('\r') ? '\n' : '\r\n'}`);
}

export function composeEml(d: Draft): Buffer | Promise<Buffer> {
  const tree = composeTree(d);
  // Anything beyond text and string attachments goes through nodemailer's own streams.
  return writable(tree as unknown as Node) ? emlOf(tree as unknown as Node) : tree.build();
}
