// The records awg works with, in the organizers' words.
import type { Availability } from './normalize/availability.js';

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
