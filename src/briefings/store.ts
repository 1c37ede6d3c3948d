/** All SQL of director briefings (both dialects alike; JSON is text). The executor comes first. */
import type { Executor } from '#src/db/schema.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { Briefing, BriefingContent, BriefingState, Recipient } from './model.ts';
import type { BriefingRow, BriefingTable } from './tables.ts';

function toBriefing(row: BriefingRow): Briefing {
  return {
    id: row.id,
    bureau: row.bureau_code,
    period: row.period,
    state: row.state as BriefingState,
    note: row.note,
    content: JSON.parse(row.content) as BriefingContent,
    language: row.language as Language,
    composedAt: row.composed_at,
    recipients: JSON.parse(row.recipients) as Recipient[],
    sentAt: row.sent_at,
    sentBy: row.sent_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** Inserts a briefing unless its bureau and period have one; true when this call made it. */
export async function insertBriefing(ex: Executor, row: BriefingTable): Promise<boolean> {
  const result = await ex
    .insertInto('briefing')
    .values(row)
    .onConflict((oc) => oc.columns(['bureau_code', 'period']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Writes the changed columns of a draft whose version is still `version`; false when it is not (or it was sent). */
export async function updateDraft(ex: Executor, id: string, version: number, patch: Partial<BriefingTable>): Promise<boolean> {
  const result = await ex
    .updateTable('briefing')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findBriefing(ex: Executor, by: { id: string } | { bureau: string; period: string }): Promise<Briefing | null> {
  let query = ex.selectFrom('briefing').selectAll();
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('bureau_code', '=', by.bureau).where('period', '=', by.period);
  const row = await query.executeTakeFirst();
  return row ? toBriefing(row) : null;
}

/** Briefings newest period first, of a bureau or all, in a state or any. */
export async function listBriefings(ex: Executor, filter: { bureau?: string; state?: BriefingState } = {}): Promise<Briefing[]> {
  let query = ex.selectFrom('briefing').selectAll().orderBy('period', 'desc').orderBy('bureau_code');
  if (filter.bureau) query = query.where('bureau_code', '=', filter.bureau);
  if (filter.state) query = query.where('state', '=', filter.state);
  return (await query.execute()).map(toBriefing);
}

export async function findDirectorAccount(ex: Executor, bureau: string): Promise<string | null> {
  const row = await ex.selectFrom('briefing_director_account').select('user_id').where('bureau_code', '=', bureau).executeTakeFirst();
  return row?.user_id ?? null;
}

/** Every bureau's named account, by bureau. */
export async function listDirectorAccounts(ex: Executor): Promise<Map<string, string>> {
  const rows = await ex.selectFrom('briefing_director_account').select(['bureau_code', 'user_id']).execute();
  return new Map(rows.map((r) => [r.bureau_code, r.user_id]));
}

export async function saveDirectorAccount(ex: Executor, row: { bureau_code: string; user_id: string; updated_at: string; updated_by: string }): Promise<void> {
  await ex
    .insertInto('briefing_director_account')
    .values(row)
    .onConflict((oc) => oc.column('bureau_code').doUpdateSet({ user_id: row.user_id, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}

export async function clearDirectorAccount(ex: Executor, bureau: string): Promise<void> {
  await ex.deleteFrom('briefing_director_account').where('bureau_code', '=', bureau).execute();
}
