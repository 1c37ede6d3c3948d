/**
 * Director briefings (decision 24): one briefing per bureau and period (a month: 2020-07), a draft
 * with the focal point's note until it is sent, then frozen: the composed content (JSON) and the
 * addresses it went to are kept as sent. Beside it, the account that receives a bureau's briefing
 * in the director's name (the registry says who the director is, not where to write). Frozen.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('briefing')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bureau_code', 'text', (c) => c.notNull().references('body.code'))
    // The month briefed, YYYY-MM.
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // The composed briefing as JSON: recomposed while a draft, frozen when sent.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('composed_at', 'text', (c) => c.notNull())
    // JSON array of {email, name, language, role}: who it went to (empty while a draft).
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('sent_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    // One briefing per bureau and period: two instances generating at once make one.
    .addUniqueConstraint('briefing_bureau_period_key', ['bureau_code', 'period'])
    .execute();
  await db.schema.createIndex('briefing_period_idx').on('briefing').columns(['period', 'bureau_code']).execute();

  await db.schema
    .createTable('briefing_director_account')
    .addColumn('bureau_code', 'text', (c) => c.primaryKey().references('body.code'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('briefing_director_account').execute();
  await db.schema.dropTable('briefing').execute();
}
