// An office has at most maxMeetingsPerOffice meetings.
export const officeLimit = {
  code: 'too-many-meetings',
  describe: 'an office has at most maxMeetingsPerOffice meetings',
  /** Another meeting may be added to an office that has `has`. */
  allows: (has: number, event: { maxMeetingsPerOffice: number }): boolean => has < event.maxMeetingsPerOffice,
};
