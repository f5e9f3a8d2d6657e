// The RSVP form's questions (`awg init --rsvp-form`), to paste into Google Forms or any form tool: each
// title is one awg recognizes in the export (normalize/rsvp-columns.ts), so the responses need no mapping.
// The street address and the Representative are asked because a ZIP code alone can lie in two districts:
// with the Representative (read as the district) awg need not ask (the split-ZIP questions), and with the
// address the organizer can look the district up.
import type { Config } from '../config/schema.js';
import { formText, type FormQuestion } from './form-text.js';
import { longDate } from './when.js';

/** A question as the report-back form's (report/form.ts), which render may not import. */

/** The hours of the event's meeting window as 2-hour choices, e.g. "10am-12pm ET" (the event zone's abbreviation is not known here: the zone's name is). */
function timeChoices(config: Config): string[] {
  const hour = (hhmm: string) => Number(hhmm.slice(0, 2)) + Number(hhmm.slice(3, 5)) / 60;
  const label = (h: number) => `${((Math.floor(h) + 11) % 12) + 1}${h % 1 ? `:${String(Math.round((h % 1) * 60)).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
  const out: string[] = [];
  for (let h = hour(config.event.windowStart), end = hour(config.event.windowEnd); h < end; h += 2) out.push(`${label(h)}-${label(Math.min(h + 2, end))}`);
  return out;
}

export function rsvpFormQuestions(config: Config): FormQuestion[] {
  return config.event.format === 'in-person' ? inPersonQuestions(config, baseQuestions(config)) : baseQuestions(config);
}

/**
 * On the Hill: the phone is for the day itself, times are the event zone's (everyone is there), and the
 * arrival and departure limit the meetings a participant can make (normalize/arrival-departure.ts reads them).
 */
function inPersonQuestions(config: Config, questions: FormQuestion[]): FormQuestion[] {
  const first = longDate(config.event.days[0]!);
  const last = longDate(config.event.days.at(-1)!);
  const out = questions
    .filter((q) => q.title !== 'What time zone are you in?')
    .map((q) => (q.title === 'Phone number' ? { ...q, help: 'A mobile number, to find each other on the Hill on the day.' } : q));
  const at = out.findIndex((q) => q.title === 'Any other availability?') + 1;
  out.splice(at, 0,
    { title: 'When do you arrive in DC?', kind: 'short answer', required: false, help: `Day and time, e.g. "${first.split(',')[0]} 11am"; leave blank if you are there from the start.` },
    { title: 'What time do you need to leave?', kind: 'short answer', required: false, help: `e.g. "my flight leaves ${last.split(',')[0]} at 4:30pm": every meeting of yours will end before it.` });
  return out;
}

function baseQuestions(config: Config): FormQuestion[] {
  const times = timeChoices(config);
  return [
    { title: 'First name', kind: 'short answer', required: true },
    { title: 'Last name', kind: 'short answer', required: true },
    { title: 'Email', kind: 'short answer', required: true },
    { title: 'Phone number', kind: 'short answer', required: false, help: 'For the day of the meetings, if a link fails.' },
    { title: 'Organization / affiliation', kind: 'short answer', required: false },
    { title: 'Street address', kind: 'short answer', required: false, help: 'Where you are registered to vote: with it the organizers can tell your congressional district when your ZIP code spans two.' },
    { title: 'City', kind: 'short answer', required: true },
    { title: 'State', kind: 'short answer', required: true },
    { title: 'ZIP code', kind: 'short answer', required: true },
    { title: 'Your U.S. Representative (if you know)', kind: 'short answer', required: false, help: 'Their name, or your congressional district (e.g. IL-09).' },
    ...config.event.days.map((day): FormQuestion => ({
      title: `Which times can you join? [${longDate(day)}]`, kind: 'multiple choice', required: false,
      help: `Tick every time you can join (times in ${config.event.timeZone}); a checkbox grid, one row a day.`, choices: times,
    })),
    { title: 'Any other availability?', kind: 'short answer', required: false, help: 'e.g. Tue after 2pm' },
    { title: 'Are you willing to lead the meeting?', kind: 'multiple choice', required: false, choices: ['Yes', 'No'] },
    { title: 'Would you be willing to share a personal story?', kind: 'multiple choice', required: false, choices: ['Yes', 'No'] },
    { title: 'Do you need interpretation or accessibility accommodations?', kind: 'short answer', required: false },
    { title: 'What time zone are you in?', kind: 'short answer', required: false },
  ];
}

/** The form as plain text, numbered, one question a block (as the report-back form's). */
export function rsvpFormText(config: Config): string {
  return formText([
    `RSVP form for ${config.event.name}`,
    '',
    'Make a form with these questions, in this order (Google Forms, Microsoft Forms, Jotform, Typeform…).',
    'Keep each question\'s title as written: awg finds the answers by the titles\' words. Download the responses',
    '(CSV or .xlsx) and run',
    '  awg schedule --rsvps <responses file> --targets <targets.xlsx> --out <folder>',
    '',
  ], rsvpFormQuestions(config));
}
