// Problems found in the inputs, kept as data; render/problems.ts turns them into text.

export type Severity = 'error' | 'warning';

export interface Problem {
  code: string;
  severity: Severity;
  file?: string;
  sheet?: string;
  /** The row number the organizer sees in the spreadsheet (header row included). */
  row?: number;
  /** The header text of the column, as it appears in the file. */
  column?: string;
  /** Set by a reader that knows the column but not its header (0 is column A); the normalizer names it. */
  columnIndex?: number;
  value?: string;
  message: string;
  fix?: string;
}

/** Where in an input a value came from; spread into a Problem. */
export interface Where {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

/** Thrown for a bad command line or a file that cannot be read at all: exit code 2. */
export class UsageError extends Error {
  constructor(message: string, readonly hint?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Thrown when an input is readable but unusable as a whole (no header, a required column missing): exit 1. */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'InputError';
  }
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
