/**
 * Reporting rounds: a round asks offices for their part of a report to an advisory group
 * (its cover and common sections live in the round's report definition); each office asked has
 * one contribution (its own text as JSON, the accepted snapshot frozen beside it), every change
 * of state is kept as a transition, and reviewers' comments stay after they are resolved. Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reporting_round')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('report_id', 'text', (c) => c.notNull().references('report.id'))
    .addColumn('sector_code', 'text', (c) => c.notNull().references('body.code'))
    .addColumn('advisory_group_code', 'text', (c) => c.notNull().references('body.code'))
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('meeting', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema.createIndex('reporting_round_period_idx').on('reporting_round').columns(['period_end', 'id']).execute();

  await db.schema
    .createTable('reporting_round_reviewer')
    .addColumn('round_id', 'text', (c) => c.notNull().references('reporting_round.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addPrimaryKeyConstraint('reporting_round_reviewer_pk', ['round_id', 'user_id'])
    .execute();

  // One row per office asked: the office is asked as long as its contribution exists.
  await db.schema
    .createTable('contribution')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('reporting_round.id'))
    .addColumn('office_code', 'text', (c) => c.notNull().references('office.code'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('accepted_content', 'text')
    .addColumn('accepted_version', 'integer')
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('contribution_round_office_uq', ['round_id', 'office_code'])
    .execute();
  await db.schema.createIndex('contribution_office_idx').on('contribution').columns(['office_code', 'round_id']).execute();

  await db.schema
    .createTable('contribution_transition')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contribution_id', 'text', (c) => c.notNull().references('contribution.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_id', 'text')
    .addColumn('by_label', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('contribution_transition_idx').on('contribution_transition').columns(['contribution_id', 'at', 'id']).execute();

  await db.schema
    .createTable('contribution_comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contribution_id', 'text', (c) => c.notNull().references('contribution.id'))
    /** The item or paragraph commented on; null: the whole contribution. */
    .addColumn('item_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text')
    .addColumn('author_label', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema.createIndex('contribution_comment_idx').on('contribution_comment').columns(['contribution_id', 'at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contribution_comment').execute();
  await db.schema.dropTable('contribution_transition').execute();
  await db.schema.dropTable('contribution').execute();
  await db.schema.dropTable('reporting_round_reviewer').execute();
  await db.schema.dropTable('reporting_round').execute();
}
