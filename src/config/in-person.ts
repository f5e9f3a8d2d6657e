// The event keys of an in-person day (the Hill, or a state capitol): its format, meeting length by
// chamber, the grid of start times, the walking minutes between buildings and a campus of one's own.
import { z } from 'zod';

const minutes = z.number().int().min(0).max(240);

export const formatSchema = z.enum(['virtual', 'in-person']);
export type MeetingFormat = z.infer<typeof formatSchema>;

/** A number for every meeting, or one per chamber (a Senate delegation meeting often runs longer). */
export const meetingMinutesSchema = z.union([
  z.number().int().min(5).max(240),
  z.strictObject({ House: z.number().int().min(5).max(240), Senate: z.number().int().min(5).max(240) }),
]);

/** Replaces the Capitol's rules of thumb (campus/capitol.ts), each key on its own. */
export const walkMinutesSchema = z.strictObject({
  sameBuilding: minutes.optional(),
  neighbours: minutes.optional(),
  sameSide: minutes.optional(),
  acrossSides: minutes.optional(),
  securityMinutes: minutes.optional(),
  /** "Rayburn/Hart": 25: one pair of buildings, either order. */
  pairs: z.record(z.string().regex(/^[^/]+\/[^/]+$/, { message: 'is not a pair of buildings (write "Rayburn/Hart")' }), minutes).optional(),
});

/** An organizer's own campus (a state capitol): its buildings replace the Capitol's. */
export const campusSchema = z.strictObject({
  name: z.string().min(1),
  buildings: z.array(z.strictObject({
    name: z.string().min(1),
    fullName: z.string().optional(),
    address: z.string().default(''),
    side: z.string().default('main'),
    neighbours: z.array(z.string()).default([]),
    aliases: z.array(z.string()).default([]),
  })).min(1),
});

export const inPersonKeys = {
  /** `virtual` (links, no walking) or `in-person` (rooms, walking time between buildings). */
  format: formatSchema.default('virtual'),
  meetingMinutes: meetingMinutesSchema.default(30),
  /** Minutes between two start times on the grid; by default the (longest) meeting length. */
  slotMinutes: z.number().int().min(5).max(240).optional(),
  walkMinutes: walkMinutesSchema.optional(),
  campus: campusSchema.optional(),
};
