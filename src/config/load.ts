// Parses and validates awg.config.json text (pure); the file read lives in read/files.ts.
import { configSchema, keyPath, valueAt, type Config } from './schema.js';
import type { Problem } from '../problems.js';

export function parseConfig(text: string, file: string): { config?: Config; problems: Problem[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return {
      problems: [
        {
          code: 'config-not-json',
          severity: 'error',
          file,
          message: `${file} is not valid JSON: ${(err as Error).message}`,
          fix: 'Check for a missing comma or quote; `awg init` writes a valid starting file.',
        },
      ],
    };
  }
  const result = configSchema.safeParse(json);
  if (result.success) return { config: result.data, problems: [] };
  const problems = result.error.issues.map((issue): Problem => {
    const path = keyPath(issue.path);
    const value = valueAt(json, issue.path);
    const shown = value === undefined ? '' : ` ${JSON.stringify(value)}`;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return {
      code: 'config-invalid',
      severity: 'error',
      file,
      column: path,
      value: value === undefined ? undefined : JSON.stringify(value),
      message: `${path}:${issue.code === 'unrecognized_keys' ? '' : shown} ${message}`.replace(/\s+/g, ' '),
      fix: 'Correct this key in the config file; the README lists every key and its default.',
    };
  });
  return { problems };
}
