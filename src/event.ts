// The event's meeting slots: each day, from window start to end, on the meeting-length grid.
import { fromZonedTime } from 'date-fns-tz';
import type { EventConfig } from './config/schema.js';
import type { Chamber, Slot } from './model.js';

// Re-exported from model.ts, where the domain types live, for modules that still import it from here.
export type { Slot } from './model.js';

/** Minutes after midnight of an HH:MM time. */
export const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** How long a meeting with this chamber's office runs (`event.meetingMinutes`, a number or one per chamber). */
export function meetingMinutesFor(event: Pick<EventConfig, 'meetingMinutes'>, chamber: Chamber): number {
  const m = event.meetingMinutes;
  return typeof m === 'number' ? m : m[chamber];
}

/** The longest meeting of the event: a slot on the grid holds it. */
export function longestMeeting(event: Pick<EventConfig, 'meetingMinutes'>): number {
  const m = event.meetingMinutes;
  return typeof m === 'number' ? m : Math.max(m.House, m.Senate);
}

/** Minutes between two start times on the grid: `event.slotMinutes`, or the longest meeting. */
export function slotMinutes(event: Pick<EventConfig, 'meetingMinutes' | 'slotMinutes'>): number {
  return Math.max(event.slotMinutes ?? 0, longestMeeting(event));
}

/**
 * The slots of the grid. A slot runs from one start time to the next (`slotMinutes`); a meeting in it
 * starts with it and runs its chamber's length (`meetingMinutesFor`), so the gap to the next start is
 * what there is for walking. A virtual event's slots are its meetings, back to back, as before.
 */
export function buildSlots(event: EventConfig): Slot[] {
  const slots: Slot[] = [];
  const from = toMinutes(event.windowStart);
  const to = toMinutes(event.windowEnd);
  const step = slotMinutes(event);
  const length = longestMeeting(event);
  for (const day of event.days) {
    for (let m = from; m + length <= to; m += step) {
      const start = hhmm(m);
      const end = hhmm(m + length);
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
