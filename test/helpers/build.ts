// Small records for unit tests, with the defaults an organizer's file would give.
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { buildSlots } from '../../src/event.js';
import type { Rsvp, TargetOffice } from '../../src/model.js';

export const event = DEFAULT_CONFIG.event;
export const slots = buildSlots(event);

export function rsvp(row: number, over: Partial<Rsvp> = {}): Rsvp {
  return {
    row, firstName: `P${row}`, lastName: 'Test', email: `p${row}@example.org`, emailValid: true, phone: '', phoneValid: false,
    organization: '', address: '', city: '', stateRaw: over.state ?? '', late: false, note: '', lead: false, story: false, needs: '',
    availability: { slots: slots.map((s) => s.index), blank: true, cannotJoin: false, unreadable: [] },
    ...over,
  };
}

export function office(id: string, over: Partial<TargetOffice> = {}): TargetOffice {
  const [chamber, state, rest] = id.split('-') as [string, string, string];
  const house = chamber === 'H';
  return {
    id, chamber: house ? 'House' : 'Senate', state, ...(house ? { district: rest === 'AL' ? 0 : Number(rest) } : {}),
    member: house ? `Rep. ${id}` : `Sen. ${rest}`, party: 'D', tier: 1, tierRaw: '1', phone: '', schedulerName: '', schedulerEmail: '',
    cosponsor: '', notes: '', file: 'targets.xlsx', sheet: house ? 'House' : 'Senate', row: 2, ...over,
  };
}
