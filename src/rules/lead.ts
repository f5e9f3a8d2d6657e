// The lead of a meeting is one of its participants.
export const leadAttends = {
  code: 'lead-not-attending',
  describe: 'the lead is one of the meeting\'s participants',
  allows: <P>(lead: P | undefined, attendees: readonly P[]): boolean => lead === undefined || attendees.includes(lead),
};
