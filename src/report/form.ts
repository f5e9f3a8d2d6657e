// The report-back form a meeting lead fills in after each meeting: its questions (to paste into Google
// Forms or any form tool), and the four answers an office's response to an ask can take.
import { formText, type FormQuestion } from '../render/form-text.js';

export const ANSWERS = ['supportive', 'undecided', 'opposed', 'not_discussed'] as const;
export type Answer = (typeof ANSWERS)[number];

/** How each answer is printed on the form and in the charts. */
export const ANSWER_LABEL: Record<Answer, string> = {
  supportive: 'Supportive', undecided: 'Undecided', opposed: 'Opposed', not_discussed: 'Not discussed',
};

export type { FormQuestion };

/** The question title for ask `n` (1-based); `awg report` finds the column by "ask N". */
export const askQuestion = (n: number) => `Ask ${n}: how did the office respond?`;

export function reportFormQuestions(asks: readonly string[]): FormQuestion[] {
  return [
    { title: 'Meeting ID', kind: 'short answer', required: true, help: 'The ID printed on your schedule and meeting sheet, e.g. M004.' },
    { title: 'Office', kind: 'short answer', required: true, help: 'The member of Congress you met, e.g. Sen. Dick Durbin or IL-09.' },
    { title: 'Your name', kind: 'short answer', required: true },
    { title: 'Your email', kind: 'short answer', required: true },
    { title: 'Who attended?', kind: 'paragraph', required: false, help: 'Our group and the office\'s staff (names and titles).' },
    ...asks.map((ask, i): FormQuestion => ({
      title: askQuestion(i + 1), kind: 'multiple choice', required: true, help: ask, choices: ANSWERS.map((a) => ANSWER_LABEL[a]),
    })),
    { title: 'What follow-up did the office ask for?', kind: 'paragraph', required: false, help: 'Information, a bill number, a constituent story, a second meeting… Leave blank if none.' },
    { title: 'Who will send the follow-up?', kind: 'short answer', required: false, help: 'Name and email; leave blank if it is you.' },
    { title: 'Notes', kind: 'paragraph', required: false, help: 'Anything else the organizers should know.' },
  ];
}

/** The form as plain text, numbered, one question a block. */
export function reportFormText(eventName: string, asks: readonly string[]): string {
  return formText([
    `Report-back form for ${eventName}`,
    '',
    'Make a form with these questions, in this order (Google Forms, Microsoft Forms, Jotform, Typeform…).',
    'Keep each question\'s title as written: `awg report` finds the answers by the titles\' words.',
    'Send the form\'s link to every meeting lead; after the meetings, download the responses (CSV or .xlsx) and run',
    '  awg report --schedule <schedule folder> --responses <responses file> --out <folder>',
    '',
  ], reportFormQuestions(asks));
}

/** An answer cell as one of the four answers; undefined for a blank cell, null when unreadable. */
export function parseAnswer(raw: string): Answer | undefined | null {
  const t = raw.toLowerCase().replace(/[_\-.’'/]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  if (/^(not discussed|not raised|not covered|did ?n t (discuss|come up|get to it)|did not (discuss|come up|get to it)|no time|skipped|n ?a|none)$/.test(t)) return 'not_discussed';
  if (/^(strongly |very |mostly )?(supportive|support|supports|yes|in favou?r|for)$/.test(t)) return 'supportive';
  if (/^(undecided|unsure|not sure|neutral|noncommittal|non committal|maybe|mixed|considering|will consider)$/.test(t)) return 'undecided';
  if (/^(strongly )?(opposed|oppose|opposes|against|no)$/.test(t)) return 'opposed';
  return null;
}
