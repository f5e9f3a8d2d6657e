// The training on legislative meetings the invitation promises before the day (config event.training):
// its date, time and link once set, in the reader's zone and the event's; until then, that it will be sent.
import type { Config } from '../config/schema.js';
import { instant } from '../render/when.js';
import { meetingWhen } from './requests.js';

export function trainingInstants(config: Config): { start: number; end: number; link: string } | undefined {
  const t = config.event.training;
  if (!t) return undefined;
  const start = instant(t.date, t.start, config.event.timeZone);
  return Number.isNaN(start) ? undefined : { start, end: start + t.minutes * 60_000, link: t.link };
}

/** The training's paragraph of a first message or reminder. */
export function trainingText(config: Config, readerZone?: string): string {
  const t = trainingInstants(config);
  if (!t) return 'Before the day there is a training on how meetings with legislative offices go; we will send you its date and link.';
  return `Before the day, join the training on how meetings with legislative offices go: ${meetingWhen(t.start, t.end, config.event.timeZone, readerZone)}.${t.link ? `\nTraining link: ${t.link}` : ''}`;
}
