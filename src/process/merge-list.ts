// The notices as a mail merge, where there are too many for .eml drafts (config maxEmailDrafts): the way
// Gmail and Outlook merges (YAMM, Mail Merge for Gmail, Word) take them, a list of fields, one row a person,
// and one template a kind of letter with {{placeholders}} named after the list's columns. At 100,000 RSVPs
// the letters written whole are 84 MB of which 1,879 bodies differ once the greeting is taken out; the list
// holds only what differs. Every row fills its template to the very letter notices.csv would have held
// (test/e2e/merge-list.test.ts): a row whose values a merge could not put in as they are (an empty one, a
// blank line in it) gets the letter written whole, the "as-written" template's {{subject}} and {{body}}.
import type { DataTable } from '../render/table.js';
import type { MergeValues, Notice } from './notices.js';
import { neutralize } from '../formula-guard.js';
import { fill, type Template, type TemplateName } from './templates.js';

/** Each template's values that differ from person to person: the list's columns; the others are the same for all and written into the template. */
const PER_PERSON: Record<Exclude<TemplateName, 'request'>, readonly string[]> = {
  notice: ['name', 'meetings', 'training'],
  noticeChange: ['name', 'changes', 'meetings'],
  noticeDigital: ['name', 'reason'],
};

/**
 * What a list's value starts with that the template holds instead: a cell starting "- " would be written
 * "'- " (the CSV formula guard, render/csv.ts), and a merge would put the apostrophe in the letter.
 */
const LEAD: Readonly<Record<string, string>> = { meetings: '- ', changes: '- ' };
const lead = (f: string) => LEAD[f] ?? '';

/** The `letter` column's value and the template's file name (notices/templates/<letter>.txt). */
const LETTER: Record<Exclude<TemplateName, 'request'>, string> = { notice: 'first-message', noticeChange: 'change', noticeDigital: 'digital-advocacy' };
export const AS_WRITTEN = 'as-written';

export const MERGE_COLUMNS = ['to', 'name', 'first_name', 'letter', 'meetings', 'training', 'changes', 'reason', 'subject', 'body'];

/** Where a letter's template is written. */
export const templateFile = (letter: string) => `notices/templates/${letter}.txt`;

/** What a mail merge does: each {{column}} replaced by the row's value, nothing else. */
export function mergeFill(text: string, row: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (all, key: string) => (Object.hasOwn(row, key) ? row[key]! : all));
}

/** A template as the organizer's merge takes it: "Subject: …", a blank line, the body (the config's template format). */
export const templateText = (t: Template) => `Subject: ${t.subject}\n\n${t.body}`;

/**
 * A value a merge puts in as it is gives the same letter as fillTemplate: fill's clean-up (a line left blank
 * dropped, blank lines run together, the subject's spaces) then never touches it or the text around it.
 */
const fitsAsIs = (v: string, inSubject: boolean) => v !== '' && v === v.trim() && !/\n[ \t]*\n/.test(v) && (!inSubject || !/\s\s|[\r\n\t]/.test(v));
/** A value that goes in the list: it starts with its lead (which the template has), fits as it is, and its cell is written as it is. */
const fits = (f: string, v: string, inSubject: boolean) => {
  const rest = v.slice(lead(f).length);
  return v.startsWith(lead(f)) && fitsAsIs(rest, inSubject) && neutralize(rest) === rest;
};

interface Letter {
  name: string;
  template: Template;
  fields: readonly string[];
  /** Whether the first row that fits filled to its letter (a template of the organizer's own could still surprise); undefined until one is tried. */
  ok?: boolean;
}

/** The merge list's rows and, once they are all taken, the templates of the letters they named. */
export function mergeList(notices: Iterable<Notice>): { rows: Iterable<string[]>; templates: () => Array<[string, string]> } {
  const letters = new Map<TemplateName, Letter>();
  const used = new Set<string>();
  const letterOf = (n: Notice): Letter | undefined => {
    const m = n.merge;
    if (!m || m.letter === 'request') return undefined;
    let l = letters.get(m.letter);
    if (!l) {
      const fields = PER_PERSON[m.letter];
      // The values the same for everyone are written in; the per-person ones stay, as {{name}} (however spaced in the template).
      const values = { ...m.shared, ...m.own, ...Object.fromEntries(fields.map((f) => [f, `${lead(f)}{{${f}}}`])) };
      const template = { subject: fill(m.template.subject, values).replace(/\s+/g, ' ').trim(), body: fill(m.template.body, values).trimEnd() + '\n' };
      l = { name: LETTER[m.letter], template, fields };
      letters.set(m.letter, l);
    }
    const t = l.template;
    if (l.ok === false || !l.fields.every((f) => fits(f, m.own[f] ?? '', t.subject.includes(`{{${f}}}`)))) return undefined;
    if (l.ok === undefined) {
      const row = Object.fromEntries(l.fields.map((f) => [f, listed(m, f)]));
      // A {{placeholder}} of the organizer's own template that is not one of the letter's fields stays as
      // written in the letter, but a merge tool would fill it from a column of the list (or blank it): such
      // a letter is written whole (as-written) instead.
      const stray = (text: string) => l!.fields.reduce((x, f) => x.replaceAll(`{{${f}}}`, ''), text).match(/\{\{\s*[\w.-]+\s*\}\}/);
      l.ok = !stray(t.subject) && !stray(t.body) && mergeFill(t.subject, row) === n.subject && mergeFill(t.body, row) === n.body;
    }
    return l.ok ? l : undefined;
  };
  function* rows(): Generator<string[]> {
    for (const n of notices) {
      const l = letterOf(n);
      const name = l ? l.name : AS_WRITTEN;
      used.add(name);
      const m = n.merge;
      if (!l || !m) {
        yield [n.to, n.name, m?.firstName ?? '', name, '', '', '', '', n.subject, n.body];
        continue;
      }
      const row = [n.to, listed(m, 'name'), m.firstName, name, '', '', '', '', '', ''];
      for (const f of l.fields) if (f !== 'name') row[MERGE_COLUMNS.indexOf(f)] = listed(m, f);
      yield row;
    }
  }
  const templates = () => {
    const byName = new Map([...letters.values()].map((l) => [l.name, l.template]));
    byName.set(AS_WRITTEN, { subject: '{{subject}}', body: '{{body}}' });
    return [...used].sort().map((name) => [templateFile(name), templateText(byName.get(name)!)] as [string, string]);
  };
  return { rows: { [Symbol.iterator]: rows }, templates };
}

/** A per-person value as the list has it: without the lead its template holds. */
const listed = (m: MergeValues, f: string) => (m.own[f] ?? '').slice(lead(f).length);

/** The merge list's rows as a table, a chunk at a time (notices.csv is written in pieces). */
export const mergeTable = (rows: string[][]): DataTable => ({ name: 'Notices', columns: MERGE_COLUMNS, rows });
