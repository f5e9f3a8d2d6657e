// The training on legislative meetings (config event.training) as an event of its own in every participant's
// and accompanier's calendar, once its date is set. Its UID names the person, not the time
// (`training-<person>@awg`, calendar-uid.ts), so setting it later or moving it updates the same event.
import { calendarUrl, isWebAddress } from '../normalize/video-link.js';
import { icsSafe } from './ics-lines.js';
import { instant } from './when.js';

export interface TrainingSetting { date: string; start: string; minutes: number; link: string }

/** The claim's meeting ID part of the training's UID: no meeting ID (M001…) is written this way. */
export const TRAINING_ID = 'training';

/** The training's event attributes, as meetingAttrs makes a meeting's; undefined until its time reads. */
export function trainingAttrs(t: TrainingSetting | undefined, eventName: string, zone: string, productId: string, organizer: { name: string; email: string } | undefined) {
  if (!t) return undefined;
  const start = instant(t.date, t.start, zone);
  if (Number.isNaN(start)) return undefined;
  const head = {
    productId, start, startInputType: 'utc', startOutputType: 'utc', end: start + t.minutes * 60_000, endInputType: 'utc', endOutputType: 'utc',
    title: icsSafe(`${eventName}: training for the meetings`),
  } as const;
  const url = calendarUrl(t.link);
  const link = t.link && isWebAddress(t.link) ? { ...(url ? { url } : {}), location: icsSafe(t.link) } : {};
  const tail = { ...link, status: 'CONFIRMED', ...(organizer ? { organizer } : {}) } as const;
  const description = icsSafe(['Before the day: the training on how meetings with legislative offices go.', `Training link: ${t.link || 'to be sent by the organizers'}`].join('\n'));
  return { head, tail, description };
}
