// A form's questions as plain text, for an organizer to copy into Google Forms or any form tool: the RSVP
// form (`awg init --rsvp-form`) and the report-back form (`awg init --report-form`) print the same way.

export interface FormQuestion {
  title: string;
  kind: 'short answer' | 'paragraph' | 'multiple choice';
  required: boolean;
  help?: string;
  choices?: string[];
}

/** The intro lines, then the questions numbered, one block each. */
export function formText(intro: readonly string[], questions: readonly FormQuestion[]): string {
  const lines = [...intro];
  questions.forEach((q, i) => {
    lines.push(`${i + 1}. ${q.title}`, `   Type: ${q.kind}${q.required ? ', required' : ''}`);
    if (q.help) lines.push(`   Description: ${q.help}`);
    if (q.choices) lines.push(`   Choices: ${q.choices.join(' / ')}`);
    lines.push('');
  });
  return lines.join('\n');
}
