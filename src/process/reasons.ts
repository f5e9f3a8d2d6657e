// Why someone is on digital advocacy, as an organizer would write it to a volunteer: no other
// members' names and times, no district codes, no awg terms (digital-advocacy.csv keeps the exact reason).

const REASONS: Readonly<Record<string, string>> = {
  'not-free': 'the times you could join did not line up with the times we could meet your Members of Congress\'s offices',
  'meetings-full': 'the meetings with your Members of Congress\'s offices were already full',
  'office-not-scheduled': 'we could not set up a meeting with your Members of Congress\'s offices this time',
  'not-constituent': 'the offices that represent you are not among those we are meeting this time',
  territory: 'your delegate\'s office is not among those we are meeting this time',
  'late-excluded': 'your RSVP reached us after the sign-up deadline, when the meetings were already set',
  'cannot-join': 'you told us you could not join any of the meeting times',
};

export const volunteerReason = (code: string) => REASONS[code] ?? 'we could not fit you into a meeting this time';
