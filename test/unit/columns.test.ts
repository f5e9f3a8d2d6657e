import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.js';
import { findHeaderRow, mapColumns } from '../../src/normalize/header.js';
import { mapRsvpColumns, recognizesRsvpHeader } from '../../src/normalize/rsvp-columns.js';

const EVENT = DEFAULT_CONFIG.event;
const fieldsOf = (headers: string[]) => Object.fromEntries([...mapRsvpColumns(headers, {}, EVENT).fields].map(([f, i]) => [f, headers[i]]));

describe('RSVP columns', () => {
  it('reads a Google Forms export, grid columns included', () => {
    const headers = ['Timestamp', 'Email Address', 'First Name', 'Last Name', 'Phone Number', 'Organization / Affiliation', 'State', 'ZIP Code',
      'Congressional District (if known)', 'Which times can you join? [Tuesday, July 14]', 'Which times can you join? [Wednesday, July 15]',
      'If you cannot join any meeting time, please tell us', 'Are you willing to lead the meeting?', 'Would you be willing to share a personal story?',
      'Do you need interpretation or accessibility accommodations?', 'What time zone are you in?'];
    expect(fieldsOf(headers)).toEqual({
      timestamp: 'Timestamp', email: 'Email Address', firstName: 'First Name', lastName: 'Last Name', phone: 'Phone Number',
      organization: 'Organization / Affiliation', state: 'State', zip: 'ZIP Code', district: 'Congressional District (if known)',
      note: 'If you cannot join any meeting time, please tell us', lead: 'Are you willing to lead the meeting?',
      story: 'Would you be willing to share a personal story?', needs: 'Do you need interpretation or accessibility accommodations?',
      timeZone: 'What time zone are you in?',
    });
    expect(mapRsvpColumns(headers, {}, EVENT).days).toEqual([{ index: 9, label: 'Tuesday, July 14', day: '2020-07-14' }, { index: 10, label: 'Wednesday, July 15', day: '2020-07-15' }]);
  });

  it('reads an Action Network export', () => {
    const headers = ['first_name', 'last_name', 'email', 'zip_code', 'can2_phone', 'can2_user_address', 'can2_user_city', 'can2_state_abbreviated', 'created_date'];
    expect(fieldsOf(headers)).toEqual({
      firstName: 'first_name', lastName: 'last_name', email: 'email', zip: 'zip_code', phone: 'can2_phone',
      address: 'can2_user_address', city: 'can2_user_city', state: 'can2_state_abbreviated', timestamp: 'created_date',
    });
  });

  it('reads a Mobilize export', () => {
    const headers = ['first name', 'last name', 'email', 'zip', 'phone', 'signup date', 'timeslot start'];
    expect(fieldsOf(headers)).toMatchObject({ firstName: 'first name', lastName: 'last name', email: 'email', zip: 'zip', phone: 'phone', timestamp: 'signup date' });
  });

  it('reads a single name column and a free-text availability question', () => {
    expect(fieldsOf(['Name', 'Email', 'Your state', 'When are you available?'])).toEqual({
      fullName: 'Name', email: 'Email', state: 'Your state', availability: 'When are you available?',
    });
  });

  it('lets the config map a column by hand', () => {
    const m = mapRsvpColumns(['Correo', 'Nombre', 'Estado'], { email: 'correo', fullName: 'Nombre', state: 'ESTADO' }, EVENT);
    expect([...m.fields]).toEqual([['email', 0], ['fullName', 1], ['state', 2]]);
  });
});

describe('findHeaderRow', () => {
  it('skips title and blank rows above the header', () => {
    const rows = [['AWG Advocacy Days RSVPs'], [], ['', ''], ['Timestamp', 'Email', 'First name', 'State'], ['x', 'y', 'z', 'IL']];
    expect(findHeaderRow(rows, recognizesRsvpHeader)).toBe(3);
  });
  it('returns -1 when nothing looks like a header', () => {
    expect(findHeaderRow([['a', 'b'], ['1', '2']], recognizesRsvpHeader)).toBe(-1);
  });
  it('never gives one column to two fields', () => {
    const m = mapColumns(['Email address'], [['email', /email/], ['address', /address/]] as const);
    expect([...m]).toEqual([['email', 0]]);
  });
});
