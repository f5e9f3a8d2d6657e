// The wording of meeting requests and notices: built-in templates, which the organizer can replace with
// their own text files (config `templates.*`). A template is a "Subject: …" line, a blank line, then
// the body; {{placeholders}} are filled from the schedule. The README lists every placeholder.
import type { Problem } from '../problems.js';

export interface Template {
  subject: string;
  body: string;
}

export type TemplateName = 'request' | 'notice' | 'noticeChange' | 'noticeDigital';

/** The placeholders each template is given (what the README documents). */
export const PLACEHOLDERS: Record<TemplateName, readonly string[]> = {
  request: ['event_name', 'member', 'office', 'scheduler_name', 'proposed', 'alternatives', 'attendees', 'attendee_count', 'asks', 'reply_by',
    'meeting_id', 'how', 'where_note', 'organizer_name', 'organizer_email', 'organizer_organization', 'organizer_phone'],
  notice: ['event_name', 'name', 'meetings', 'asks', 'training', 'organizer_name', 'organizer_email', 'organizer_organization', 'organizer_phone'],
  noticeChange: ['event_name', 'name', 'changes', 'meetings', 'asks', 'organizer_name', 'organizer_email', 'organizer_organization', 'organizer_phone'],
  noticeDigital: ['event_name', 'name', 'reason', 'toolkit', 'asks', 'organizer_name', 'organizer_email', 'organizer_organization', 'organizer_phone'],
};

const SIGNATURE = `{{organizer_name}}
{{organizer_organization}}
{{organizer_email}}  {{organizer_phone}}`;

export const DEFAULT_TEMPLATES: Record<TemplateName, string> = {
  request: `Subject: Meeting request: constituents of {{office}} for {{event_name}}

Dear {{scheduler_name}},

{{attendee_count}} constituents of {{member}} would like to meet with the office {{how}} during {{event_name}}, about:

{{asks}}

We propose {{proposed}}.
If that does not suit, these times also work for everyone:
{{alternatives}}

Who will attend:
{{attendees}}

Could you let us know by {{reply_by}} whether this time works, or which does? {{where_note}}
Please quote {{meeting_id}} in your reply.

Thank you,
${SIGNATURE}
`,
  notice: `Subject: Your {{event_name}} meetings

Dear {{name}},

Thank you for joining {{event_name}}. Here is your schedule (the calendar file attached adds it to your calendar):

{{meetings}}

What we will ask for:
{{asks}}

{{training}}

If you cannot make a meeting, please tell us as soon as you can by replying to this message, so we can let the others and the office know.

${SIGNATURE}
`,
  noticeChange: `Subject: Change to your {{event_name}} schedule

Dear {{name}},

Your schedule for {{event_name}} has changed:

{{changes}}

Your schedule now:
{{meetings}}

The calendar file attached updates the events already in your calendar. If you cannot make a new time, please reply to this message.

${SIGNATURE}
`,
  noticeDigital: `Subject: How to take part in {{event_name}}

Dear {{name}},

Thank you for signing up for {{event_name}}. We could not place you in a meeting with your Members of Congress ({{reason}}), but you can still make a difference: the digital-advocacy toolkit has calls, emails and posts you can send in a few minutes.

Toolkit: {{toolkit}}

What we are asking for:
{{asks}}

${SIGNATURE}
`,
};

/** Splits a template's text into its subject line and body; problems name the file. */
export function parseTemplate(text: string, name: TemplateName, file: string): { template?: Template; problems: Problem[] } {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^subject:[ \t]*(.*)\n\n?([\s\S]*)$/i.exec(clean);
  if (!m) {
    return { problems: [{ code: 'template-no-subject', severity: 'error', file, row: 1, message: `${file} does not start with a "Subject: …" line`, fix: 'Start the template with "Subject: …", then a blank line, then the body.' }] };
  }
  const known = new Set(PLACEHOLDERS[name]);
  const problems: Problem[] = [];
  for (const [, key] of clean.matchAll(/\{\{\s*([\w]+)\s*\}\}/g)) {
    if (key && !known.has(key)) {
      problems.push({ code: 'template-unknown-placeholder', severity: 'warning', file, value: `{{${key}}}`, message: `${file}: {{${key}}} is not a placeholder of the ${name} template; it is left as written`, fix: `Use one of: ${PLACEHOLDERS[name].map((p) => `{{${p}}}`).join(' ')}` });
    }
  }
  return { template: { subject: (m[1] ?? '').trim(), body: m[2] ?? '' }, problems };
}

/** Fills {{placeholders}}; an unknown one stays as written. Lines left empty by a blank value are dropped once. */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (all, key: string) => (Object.hasOwn(values, key) ? values[key]! : all))
    .replace(/\n[ \t]+\n/g, '\n\n')
    .replace(/\n{3,}/g, '\n\n');
}

export function fillTemplate(t: Template, values: Readonly<Record<string, string>>): Template {
  return { subject: fill(t.subject, values).replace(/\s+/g, ' ').trim(), body: fill(t.body, values).trimEnd() + '\n' };
}

/** Messages awg words itself (not yet replaceable from the config): the split-ZIP question and the reminders. */
export type BuiltInName = 'question' | 'reminder';

const BUILT_IN: Record<BuiltInName, string> = {
  question: `Subject: {{event_name}}: which district do you vote in?

Dear {{name}},

Thank you for signing up for {{event_name}}. To place you in a meeting with your Representative we need to know who that is.

{{split}}: who represents you?

You can look it up with your street address at https://www.house.gov/representatives/find-your-representative (or on your voter registration card).

Please reply with your Representative's name or your district (for example {{example}}), and we will place you in a meeting with their office.

${SIGNATURE}
`,
  reminder: `Subject: {{when}}: your {{event_name}} meetings

Dear {{name}},

A reminder of your {{event_name}} meetings {{when_lower}}, {{day}}:

{{meetings}}

{{training}}

Join a few minutes early. If you cannot make it after all, please reply{{call}} so we can tell the others.

${SIGNATURE}
`,
};

export const builtInTemplate = (name: BuiltInName): Template => {
  const m = /^Subject: (.*)\n\n([\s\S]*)$/.exec(BUILT_IN[name])!;
  return { subject: m[1]!, body: m[2]! };
};

export const defaultTemplate = (name: TemplateName): Template => parseTemplate(DEFAULT_TEMPLATES[name], name, 'built-in').template!;
