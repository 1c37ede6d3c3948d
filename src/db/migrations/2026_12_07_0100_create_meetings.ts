/**
 * Coordination meetings (decision 22): a series of a bureau (or the General Secretariat) with its
 * recurrence, time zone and offices; its occurrences, made from the recurrence and each movable or
 * cancellable on its own (the original start is kept as the occurrence's identity); the agenda
 * and minutes of an occurrence as JSON, with every saved state of the minutes kept; attendance
 * per office; action items with their owner (an office or a person). Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meeting_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('bureau_code', 'text', (c) => c.notNull().references('body.code'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('chair_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('chair_label', 'text', (c) => c.notNull())
    // An RFC 5545 RRULE (FREQ=MONTHLY;BYDAY=1TU), read in the series' time zone.
    .addColumn('rrule', 'text', (c) => c.notNull())
    // The first occurrence's wall-clock time in the time zone: 2020-09-01T14:00.
    .addColumn('starts_local', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    // JSON array of local days (YYYY-MM-DD) the recurrence skips.
    .addColumn('exceptions', 'text', (c) => c.notNull())
    .addColumn('room', 'text')
    .addColumn('online_url', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meeting_series_office')
    .addColumn('series_id', 'text', (c) => c.notNull().references('meeting_series.id'))
    .addColumn('office_code', 'text', (c) => c.notNull().references('office.code'))
    .addPrimaryKeyConstraint('meeting_series_office_pk', ['series_id', 'office_code'])
    .execute();
  await db.schema.createIndex('meeting_series_office_office_idx').on('meeting_series_office').columns(['office_code']).execute();

  await db.schema
    .createTable('meeting_occurrence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) => c.notNull().references('meeting_series.id'))
    // Where the recurrence put it (UTC): its identity, kept when it is moved.
    .addColumn('recurrence_start', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    // scheduled | cancelled
    .addColumn('state', 'text', (c) => c.notNull())
    // The iCalendar SEQUENCE: moves and cancellations raise it, so calendars take the newest.
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agenda', 'text')
    .addColumn('agenda_drafted_at', 'text')
    .addColumn('minutes', 'text')
    // none | draft | approved (frozen)
    .addColumn('minutes_state', 'text', (c) => c.notNull())
    .addColumn('minutes_approved_at', 'text')
    .addColumn('minutes_approved_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('meeting_occurrence_recurrence_uq', ['series_id', 'recurrence_start'])
    .execute();
  await db.schema.createIndex('meeting_occurrence_start_idx').on('meeting_occurrence').columns(['start_at', 'id']).execute();

  await db.schema
    .createTable('meeting_minutes_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurrence_id', 'text', (c) => c.notNull().references('meeting_occurrence.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_label', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_minutes_revision_occurrence_idx').on('meeting_minutes_revision').columns(['occurrence_id', 'at']).execute();

  await db.schema
    .createTable('meeting_attendance')
    .addColumn('occurrence_id', 'text', (c) => c.notNull().references('meeting_occurrence.id'))
    .addColumn('office_code', 'text', (c) => c.notNull().references('office.code'))
    // present | absent | excused
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('people', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['occurrence_id', 'office_code'])
    .execute();

  await db.schema
    .createTable('meeting_action_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series_id', 'text', (c) => c.notNull().references('meeting_series.id'))
    .addColumn('occurrence_id', 'text', (c) => c.notNull().references('meeting_occurrence.id'))
    .addColumn('agenda_item', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_office', 'text', (c) => c.references('office.code'))
    .addColumn('owner_user_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('owner_label', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    // open | done | dropped
    .addColumn('status', 'text', (c) => c.notNull())
    // JSON array of links: {kind: 'activity', id} | {kind: 'contribution', round, office}
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('meeting_action_item_series_idx').on('meeting_action_item').columns(['series_id', 'status']).execute();
  await db.schema.createIndex('meeting_action_item_owner_idx').on('meeting_action_item').columns(['owner_office', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['meeting_action_item', 'meeting_attendance', 'meeting_minutes_revision', 'meeting_occurrence', 'meeting_series_office', 'meeting_series']) {
    await db.schema.dropTable(table).execute();
  }
}
