// Where each meeting of the in-person fixture is, as the scheduler places it from the offices awg read:
// the targets' Room over the list of members, a virtual office with no place (it meets by its link), a
// room typed in offices.csv over both, and a cell that only repeats what awg wrote changing nothing.
import { describe, expect, it } from 'vitest';
import { loadMatched } from '../../src/commands/inputs.js';
import type { FolderRow } from '../../src/folder/rows.js';
import type { TargetOffice } from '../../src/model.js';
import { roomCell, withTypedRooms } from '../../src/process/office-rooms.js';
import { planEvent } from '../../src/schedule/plan.js';
import { fx } from '../helpers/run.js';

const m = loadMatched({ rsvps: fx('rsvps-hill-day.csv'), targets: [fx('in-person/targets.xlsx')], config: fx('in-person/awg.config.json') });
const plan = planEvent({ config: m.config, slots: m.slots, offices: m.offices, match: m.match });
const meetingOf = (member: string) => plan.meetings.find((x) => x.office.member === member)!;
const office = (member: string) => m.offices.find((o) => o.member === member)!;
const row = (o: TargetOffice, cells: Record<string, string>, n = 2): FolderRow => ({
  file: 'offices.csv', row: n, added: [],
  cells: { chamber: o.chamber, state: o.state, district: o.chamber === 'House' ? `${o.state}-${o.district}` : '', member: o.member, ...cells },
});

describe('meeting places in an in-person event', () => {
  it('a meeting with an office the targets moved is in its new room, said to come from the targets', () => {
    expect(meetingOf('Rep. Jan Schakowsky').place).toMatchObject({ building: 'Longworth', room: '1034', from: 'targets' });
    expect(meetingOf('Rep. Mike Quigley').place).toMatchObject({ building: 'Rayburn', room: '2083', from: 'members' });
  });

  it('the office whose Format says Zoom meets by link: its meeting has no place', () => {
    expect(meetingOf('Rep. Don Beyer').place).toBeUndefined();
  });

  it('an office with no known room keeps a place that says so (from none), for the pages to ask for the room', () => {
    expect(meetingOf('Rep. James Gallagher').place).toMatchObject({ room: '', from: 'none' });
  });

  it('a room typed in offices.csv wins over the targets and the list of members, and flows to the meetings', () => {
    const rows = [row(office('Rep. Jan Schakowsky'), { room: 'Cannon 101' }), row(office('Rep. Mike Quigley'), { room: 'Hart 200', format: 'virtual' }, 3)];
    const rerun = loadMatched({ rsvps: fx('rsvps-hill-day.csv'), targets: [fx('in-person/targets.xlsx')], config: fx('in-person/awg.config.json') }, undefined, { offices: rows });
    expect(rerun.offices.find((o) => o.member === 'Rep. Mike Quigley')).toMatchObject({ room: 'Hart 200', roomFrom: 'offices', format: 'virtual' });
    const again = planEvent({ config: rerun.config, slots: rerun.slots, offices: rerun.offices, match: rerun.match });
    expect(again.meetings.find((x) => x.office.member === 'Rep. Jan Schakowsky')!.place).toMatchObject({ building: 'Cannon', room: '101', from: 'offices' });
    expect(again.meetings.find((x) => x.office.member === 'Rep. Mike Quigley')!.place).toBeUndefined();
  });

  it('a cell that repeats what awg wrote (or the same room in other words) is not taken as typed', () => {
    const q = office('Rep. Mike Quigley');
    const s = office('Rep. Jan Schakowsky');
    const typed = withTypedRooms(m.offices, [
      row(q, { room: roomCell(m.config.event, q), format: 'in-person' }),
      row(s, { room: '1034 Longworth House Office Building', format: '' }, 3),
    ], m.config.event);
    expect(typed.offices.find((o) => o.id === q.id)).toBe(q);
    expect(typed.offices.find((o) => o.id === s.id)).toBe(s);
  });

  it('a virtual event reads no room or format from offices.csv', () => {
    const virtual = { ...m.config.event, format: 'virtual' as const };
    const typed = withTypedRooms(m.offices, [row(office('Rep. Mike Quigley'), { room: 'Hart 200', format: 'virtual' })], virtual);
    expect(typed.offices).toEqual(m.offices);
  });
});
