/** Kysely table interfaces of coordination meetings. Agenda, minutes and links are JSON text. */
import type { Selectable } from 'kysely';

export interface MeetingSeriesTable {
  id: string;
  code: string;
  bureau_code: string;
  kind: string;
  title: string;
  chair_id: string | null;
  chair_label: string;
  rrule: string;
  starts_local: string;
  time_zone: string;
  duration_minutes: number;
  exceptions: string;
  room: string | null;
  online_url: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface MeetingSeriesOfficeTable {
  series_id: string;
  office_code: string;
}

export interface MeetingOccurrenceTable {
  id: string;
  series_id: string;
  recurrence_start: string;
  start_at: string;
  end_at: string;
  state: string;
  sequence: number;
  agenda: string | null;
  agenda_drafted_at: string | null;
  minutes: string | null;
  minutes_state: string;
  minutes_approved_at: string | null;
  minutes_approved_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface MeetingMinutesRevisionTable {
  id: string;
  occurrence_id: string;
  at: string;
  by_label: string;
  state: string;
  minutes: string;
}

export interface MeetingAttendanceTable {
  occurrence_id: string;
  office_code: string;
  state: string;
  people: string | null;
  updated_at: string;
  updated_by: string;
}

export interface MeetingActionItemTable {
  id: string;
  series_id: string;
  occurrence_id: string;
  agenda_item: string | null;
  text: string;
  owner_office: string | null;
  owner_user_id: string | null;
  owner_label: string;
  due: string;
  status: string;
  links: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  closed_at: string | null;
}

export interface MeetingTables {
  meeting_series: MeetingSeriesTable;
  meeting_series_office: MeetingSeriesOfficeTable;
  meeting_occurrence: MeetingOccurrenceTable;
  meeting_minutes_revision: MeetingMinutesRevisionTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_action_item: MeetingActionItemTable;
}

export type SeriesRow = Selectable<MeetingSeriesTable>;
export type OccurrenceRow = Selectable<MeetingOccurrenceTable>;
export type ActionItemRow = Selectable<MeetingActionItemTable>;
export type AttendanceRow = Selectable<MeetingAttendanceTable>;
