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
  // Every request and notice is signed with the organizer's name and sent from their address: without
  // them the drafts end "Thank you," with no one under it, from organizers@awg.invalid.
  if (!config.organizer.name.trim() && !config.organizer.email.trim()) {
    problems.push({
      code: 'no-organizer', severity: 'warning', column: 'organizer',
      message: 'the config names no organizer (organizer.name, organizer.email): meeting requests and notices are signed by no one and come from organizers@awg.invalid',
      fix: 'Set organizer.name, .email, .organization and .phone in awg.config.json (awg init writes the keys), and run again.',
    });
  }
  return { templates, problems };
}
