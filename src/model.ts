// The records awg works with, in the organizers' words. Every stage imports its types from here, and
// this module imports no stage, so the pipeline's import graph has no cycle.
import type { Place } from './campus/model.js';

/** One meeting time on the event's grid. */
export interface Slot {
  index: number;
  /** YYYY-MM-DD in the event zone. */
  day: string;
  /** HH:MM in the event zone. */
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

/** When someone can join, as read from the form's answers. */
export interface Availability {
  /** Indexes of the slots the person can attend, ascending. */
  slots: number[];
  /** Nothing ticked or written: available at every time. */
  blank: boolean;
  /** Said in words that they cannot join any meeting. */
  cannotJoin: boolean;
  /** Fragments of text that could not be read. */
  unreadable: string[];
}

export interface Rsvp {
  /** Row number in the RSVP export, as the organizer sees it. */
  row: number;
  submittedAt?: string;
  firstName: string;
  lastName: string;
  /** Trimmed and lower-cased; '' when missing. */
  email: string;
  emailValid: boolean;
  phone: string;
  phoneValid: boolean;
  organization: string;
  address: string;
  city: string;
  state?: string;
  stateRaw: string;
  zip?: string;
  district?: number;
  availability: Availability;
  /** What the person wrote about not being able to join, or any other note. */
  note: string;
  lead: boolean;
  story: boolean;
  needs: string;
  /** IANA zone from the form's time-zone question, where there was one. */
  timeZone?: string;
  late: boolean;
  /** Marked cancelled in the export's status column: the person is not scheduled. */
  cancelled?: boolean;
  /** When they arrive and must leave (in-person days), in the event's zone, where the RSVP says: no meeting before or ending after. */
  arrival?: { day: string; time: string };
  departure?: { day: string; time: string };
}

export type Chamber = 'House' | 'Senate';

export interface TargetOffice {
  /** H-CA-12 or S-CA-PADILLA: stable across runs. */
  id: string;
  chamber: Chamber;
  state: string;
  /** House only; 0 for at-large. */
  district?: number;
  member: string;
  party: string;
  /** 1 is the highest priority; undefined where the sheet gives none. */
  tier?: number;
  tierRaw: string;
  phone: string;
  /** The DC office (room and building), where the list of current members gives it. */
  address?: string;
  /** In an in-person event, `virtual` for an office that meets only by video (targets workbook or offices.csv). */
  format?: 'virtual' | 'in-person';
  /** A room typed over the list of members' ("SH-511", "2157", "Room 12, Annex"): targets workbook or offices.csv. */
  room?: string;
  /** A building typed beside the room (Building column), where the room alone does not name it. */
  building?: string;
  /** Which file the typed room or building came from. */
  roomFrom?: 'targets' | 'offices';
  /** The member's contact form or site, where the list of current members gives it. */
  contact?: string;
  schedulerName: string;
  schedulerEmail: string;
  cosponsor: string;
  notes: string;
  file: string;
  sheet: string;
  row: number;
}

export interface Accompanier {
  row: number;
  name: string;
  email: string;
  phone: string;
  organization: string;
  /** Indexes of the slots they can accompany. */
  slots: number[];
}

export interface ConfirmedMeeting {
  row: number;
  office: TargetOffice;
  day: string;
  /** Minutes after midnight, event zone. */
  startMin: number;
  endMin: number;
  link: string;
  notes: string;
  /** Named in the file, where it names one. */
  accompanier?: Accompanier;
  /** RSVP emails the office already expects, where the file lists them. */
  participantEmails: string[];
}

/** Sort key for an office's tier: 1 first, offices without a tier last. */
export const tierKey = (o: Pick<TargetOffice, 'tier'>): number => o.tier ?? Number.POSITIVE_INFINITY;

/** One district a ZIP lies in. */
export interface ZipDistrict {
  state: string;
  district: number;
  /** Share of the ZIP's land in this district, where the file gives areas. */
  share?: number;
}

/** Where someone lives, with the evidence for it. */
export interface Location {
  state?: string;
  stateFrom?: 'column' | 'zip';
  district?: number;
  districtFrom?: 'column' | 'at-large' | 'zip';
  /** The ZIP lies in several districts: which, with each one's share of land where known. */
  candidates?: ZipDistrict[];
  /** Why the state cannot be used, where it cannot. */
  stateProblem?: 'missing' | 'unknown' | 'zip-conflict';
  /** The states the ZIP lies in, when they contradict the state column. */
  zipStates?: string[];
  /** The ZIP is not in the crosswalk, or no crosswalk was given. */
  zipUnknown?: boolean;
}

/** An RSVP matched to the target offices it may meet. */
export interface Participant {
  rsvp: Rsvp;
  location: Location;
  /** Target offices this person is a constituent of, best tier first. */
  offices: TargetOffice[];
  /** Best tier among their offices (lower is better); Infinity where none has a tier. */
  bestTier: number;
  /** 1 is the highest priority. */
  rank: number;
}

export type MeetingStatus = 'confirmed' | 'proposed' | 'needs accompanier';

export interface Meeting {
  id: string;
  office: TargetOffice;
  day: string;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  /** The event slots the meeting overlaps (one, unless a confirmed time is off the grid). */
  slots: number[];
  status: MeetingStatus;
  accompanier?: Accompanier;
  lead?: Participant;
  attendees: Participant[];
  link: string;
  notes: string;
  confirmedRow?: number;
  /** Where it is, in person; undefined for a virtual meeting (it has the link). */
  place?: Place;
}

export type LeftOutCode = 'meetings-full' | 'not-free' | 'office-not-scheduled';

/** A matched participant the schedule has no seat for, and why. */
export interface LeftOut {
  participant: Participant;
  code: LeftOutCode;
  reason: string;
}

/** Someone not in a meeting who can still act (the digital-advocacy list), and why. */
export interface DigitalAdvocate {
  rsvp: Rsvp;
  code: string;
  reason: string;
}

/**
 * A meeting of an earlier schedule to start from (a re-run with --previous): the scheduler keeps as
 * much of it as the rules still allow. People are named by their RSVP export row.
 */
export interface StartingMeeting {
  /** Kept as the meeting's id. */
  meetingId: string;
  /** TargetOffice.id. */
  officeId: string;
  /** YYYY-MM-DD. */
  day: string;
  /** HH:MM in the event zone. */
  start: string;
  /** Participants, by Rsvp.row (the RSVP export row). */
  rsvpRows: number[];
  /** Matched to staff by name (case- and space-insensitive); absent = TBD. */
  accompanierName?: string;
  /** Rsvp.row of the lead. */
  leadRow?: number;
  link?: string;
  /** True for an office-confirmed time (must not move). */
  locked?: boolean;
}

export type NotKeptCode =
  | 'office-not-target' | 'office-full' | 'time-not-in-event' | 'meeting-empty'
  | 'cancelled' | 'not-constituent' | 'not-free' | 'double-booked' | 'meeting-full'
  | 'accompanier-changed' | 'lead-changed' | 'possible-duplicate' | 'walking-time';

/**
 * What of a starting plan could not be kept, and why: a whole meeting (no `rsvpRow`), one person's
 * place in it (`rsvpRow`), or its accompanier or lead (`what`).
 */
export interface NotKept {
  meetingId: string;
  what: 'meeting' | 'participant' | 'accompanier' | 'lead';
  code: NotKeptCode;
  rsvpRow?: number;
  reason: string;
}
