// The event configuration (awg.config.json): its zod schema, its defaults (from the invitation in
// DOMAIN.md), and the translation of zod issues into messages naming the key path.
import { z } from 'zod';
import { inPersonKeys } from './in-person.js';

const isoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && isRealDate(s), { message: 'is not a date (write YYYY-MM-DD)' });
const hhmm = z
  .string()
  .refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { message: 'is not a time (write HH:MM, 24-hour)' });
const timeZone = z.string().refine(isTimeZone, { message: 'is not a time zone (write e.g. America/New_York)' });

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function isWebAddress(s: string): boolean {
  try {
    return /^https?:\/\/[^\s"'<>`]+$/i.test(s) && /^https?:$/.test(new URL(s).protocol);
  } catch {
    return false;
  }
}

function isTimeZone(s: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: s });
    return true;
  } catch {
    return false;
  }
}

export const DEFAULT_ASKS = [
  'Defund unlawful anti-asylum policies (such as the asylum bans) and safeguard any USCIS appropriations.',
  'Restore asylum protections and end immigrant detentions and deportations.',
  'Cosponsor pro-asylum legislation, such as the Refugee Protection Act (S. 2936 / H.R. 5210) and the Asylum Seeker Protection Act (H.R. 2662).',
];

/** Fields an RSVP column can be mapped to by hand in `columns`. */
export const RSVP_FIELDS = [
  'timestamp', 'firstName', 'lastName', 'fullName', 'email', 'phone', 'organization', 'address', 'city',
  'state', 'zip', 'district', 'availability', 'note', 'lead', 'story', 'needs', 'timeZone', 'status',
  'arrival', 'departure',
] as const;
export type RsvpField = (typeof RSVP_FIELDS)[number];

const eventSchema = z
  .strictObject({
    name: z.string().min(1).default('Virtual Advocacy Days'),
    days: z.array(isoDate).min(1).default(['2020-07-14', '2020-07-15', '2020-07-16']),
    windowStart: hhmm.default('10:00'),
    windowEnd: hhmm.default('16:00'),
    timeZone: timeZone.default('America/New_York'),
    ...inPersonKeys,
    deadline: z
      .string()
      .refine((s) => /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d)?$/.test(s) && isRealDate(s.slice(0, 10)), {
        message: 'is not a date (write YYYY-MM-DD, or YYYY-MM-DDTHH:MM)',
      })
      .nullable()
      .default('2020-07-01'),
    maxGroup: z.number().int().min(1).max(100).default(10),
    minGroup: z.number().int().min(1).max(100).default(1),
    maxMeetingsPerOffice: z.number().int().min(1).max(20).default(1),
    maxMeetingsPerDay: z.number().int().min(1).max(50).default(6),
    /** How late RSVPs are scheduled: after everyone on time, like everyone else, or not at all. */
    lateRsvps: z.enum(['after-on-time', 'same-as-on-time', 'exclude']).default('after-on-time'),
    asks: z.array(z.string().min(1)).default(DEFAULT_ASKS),
    /**
     * The training on legislative meetings the invitation promises before the day, once its date is set: in
     * every first message and reminder from then on (event zone). Until then the messages say it will be sent.
     */
    training: z.strictObject({
      date: isoDate,
      start: hhmm,
      minutes: z.number().int().min(5).max(480).default(60),
      link: z.string().default(''),
    }).optional(),
    /** The report-back form's address, printed on meeting sheets and itineraries beside the meeting ID. */
    reportFormUrl: z.string().refine(isWebAddress, { message: 'is not a web address (write https://…)' }).optional(),
  })
  .refine((e) => e.windowStart < e.windowEnd, { message: 'must start before windowEnd', path: ['windowStart'] })
  .refine((e) => e.minGroup <= e.maxGroup, { message: 'must not exceed maxGroup', path: ['minGroup'] })
  .refine((e) => new Set(e.days).size === e.days.length, { message: 'lists a day twice', path: ['days'] });

/** Who the meeting requests and notices come from (requests/, notices/). */
const organizerSchema = z.strictObject({
  name: z.string().default(''),
  email: z.string().default(''),
  organization: z.string().default(''),
  phone: z.string().default(''),
  /** Where the digital-advocacy toolkit is (a link), named in the notices of people without a meeting. */
  toolkit: z.string().default(''),
});

/** Paths of text files replacing the built-in wording of requests and notices (README: placeholders). */
const templatesSchema = z.strictObject({
  request: z.string().min(1).optional(),
  notice: z.string().min(1).optional(),
  noticeChange: z.string().min(1).optional(),
  noticeDigital: z.string().min(1).optional(),
});

const columnsSchema = z.partialRecord(z.enum(RSVP_FIELDS), z.string().min(1));

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  event: eventSchema.default(() => eventSchema.parse({})),
  /** Hand mappings: field → the header text of the RSVP column that holds it. */
  columns: columnsSchema.default({}),
  /** awg report's hand mappings: field (meetingId, office, followUp, followUpAsked, ask1…) → the header text of the report-back column that holds it. */
  reportColumns: z.record(z.string().regex(/^(timestamp|meetingId|meetingDate|followUpAsked|followUpBy|followUp|reporterEmail|reporter|attended|office|notes|ask[1-9]\d*)$/, { message: 'is not a report field (timestamp, meetingId, meetingDate, office, reporter, reporterEmail, attended, followUpAsked, followUp, followUpBy, notes, ask1, ask2…)' }), z.string().min(1)).default({}),
  organizer: organizerSchema.default(() => organizerSchema.parse({})),
  templates: templatesSchema.default({}),
  /** Days before the event's first day by which offices are asked to reply. */
  replyByDays: z.number().int().min(0).max(120).default(14),
  /** Days before a confirmed meeting on which its office is sent the final attendee list (office-messages.csv's send_on). */
  attendeeListDaysBefore: z.number().int().min(0).max(60).default(3),
  /** Notices beyond this many are in notices.csv only: nobody opens 100,000 drafts, and each costs time to build. */
  maxEmailDrafts: z.number().int().min(0).default(5000),
  /** Rows above which a per-person list (organizations, digital advocacy, priority) is in its CSV file only, not a sheet of schedule.xlsx. */
  workbookMaxRows: z.number().int().min(0).default(20_000),
  /** When the reminder drafts (reminders/) are to go out: the day before each day of meetings, or that morning. */
  reminders: z.enum(['day-before', 'morning-of']).default('day-before'),
  /** Largest input file read, in megabytes. */
  maxInputMB: z.number().positive().default(200),
});

export type Config = z.infer<typeof configSchema>;
export type EventConfig = Config['event'];

export const DEFAULT_CONFIG: Config = configSchema.parse({});

/** `event.days[1]` from a zod path. */
export function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}

export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return cur;
}
