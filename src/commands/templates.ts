// Reads the organizer's own wording for requests and notices (config `templates.*`), falling back to
// the built-in templates for the ones not given.
import type { Config } from '../config/schema.js';
import { defaultTemplate, parseTemplate, type Template, type TemplateName } from '../process/templates.js';
import type { Problem } from '../problems.js';
import { readTextInput } from '../read/files.js';

export function loadTemplates(config: Config): { templates: Record<TemplateName, Template>; problems: Problem[] } {
  const problems: Problem[] = [];
  const names: TemplateName[] = ['request', 'notice', 'noticeChange', 'noticeDigital'];
  const templates = Object.fromEntries(names.map((name) => {
    const file = config.templates[name];
    if (!file) return [name, defaultTemplate(name)];
    const r = parseTemplate(readTextInput(file, 1, `templates.${name}`), name, file);
    problems.push(...r.problems);
    return [name, r.template ?? defaultTemplate(name)];
  })) as Record<TemplateName, Template>;
  return { templates, problems };
}
