import { afterEach, describe, expect, it } from 'vitest';
import { SEED_ACTOR, openFieldbook } from '#src/app.ts';
import { createActivityBody } from '#src/activities/schemas.ts';
import { ANONYMOUS } from '#src/platform/access.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { DIALECTS } from '../support/dialects.ts';
import { SEED_AFRICA_WORKSHOP } from '../support/factories.ts';

describe.each(DIALECTS)('a register indexed before stems [%s]', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.drop());

  it('is found by other forms of its words once the server has started again', async () => {
    database = await createTestDatabase(dialect);
    const { activities } = database.fieldbook.services;
    const workshop = await activities.create(SEED_ACTOR, createActivityBody.parse({ ...SEED_AFRICA_WORKSHOP, title: { en: 'Workshops on fibre networks' } }));
    // As an older version wrote it: the plain words, and no record of a format.
    const { db } = database.fieldbook.database;
    await db.updateTable('activity').set({ search_text: 'workshops on fibre networks' }).where('id', '=', workshop.id).execute();
    await db.deleteFrom('search_index').execute();
    const found = async (q: string) => (await database!.fieldbook.services.activities.list(ANONYMOUS, { q, limit: 10, sort: 'date', deleted: 'exclude' })).activities.map((a) => a.id);
    expect(await found('workshop fiber')).toEqual([]);

    await database.fieldbook.close();
    database.fieldbook = await openFieldbook(database.config, database.schema ? { schema: database.schema } : undefined);
    expect(await found('workshop fiber')).toEqual([workshop.id]);
    expect(await found('workshops')).toEqual([workshop.id]);
    // Rewritten once: a second start finds nothing left to do.
    expect(await database.fieldbook.services.activities.refreshSearchIndex()).toBe(0);
  });
});
