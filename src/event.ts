// The event's meeting slots: each day, from window start to end, on the meeting-length grid.
import { fromZonedTime } from 'date-fns-tz';
import type { EventConfig } from './config/schema.js';
import type { Slot } from './model.js';

// Re-exported from model.ts, where the domain types live, for modules that still import it from here.
export type { Slot } from './model.js';

/** Minutes after midnight of an HH:MM time. */
export const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function buildSlots(event: EventConfig): Slot[] {
  const slots: Slot[] = [];
  const from = toMinutes(event.windowStart);
  const to = toMinutes(event.windowEnd);
  for (const day of event.days) {
    for (let m = from; m + event.meetingMinutes <= to; m += event.meetingMinutes) {
      const start = hhmm(m);
      const end = hhmm(m + event.meetingMinutes);
      slots.push({
        index: slots.length,
        day,
        start,
        end,
        startMs: fromZonedTime(`${day}T${start}:00`, event.timeZone).getTime(),
        endMs: fromZonedTime(`${day}T${end}:00`, event.timeZone).getTime(),
      });
    }
  }
  return slots;
}

export function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}
