/**
 * kill -9 in the middle of work. Two writers create activities and PATCH them, a third imports a
 * CSV file of many activities (all or nothing), a fourth uploads a report and accepts all it
 * proposes; the server is killed with SIGKILL while a CSV import is in flight (at a random point
 * of how long the one before took), then started again on the same database for the next round.
 * At the end the database is opened and read directly:
 *   lost          an acknowledged write (a 2xx answer) that is not there, or older than answered;
 *   half-applied  a CSV file with some but not all of its rows, a batch without all its
 *                 proposals, an accepted proposal without its activity, or an activity without
 *                 its offices, first status or one audit event per version.
 */
import { sql } from 'kysely';
import type { Fieldbook } from '#src/app.ts';
import { checkAborted, pause, type Drill, type DrillContext, type DrillOutcome } from './drill.ts';
import { reportDocument } from './fixtures.ts';
import { jsonRequest, multipart, rawRequest, type RawAnswer, type RawRequest } from './http.ts';
import type { Accounts } from './register.ts';
import type { ServerProcess } from './server.ts';

/** Rows of each CSV file: enough that storing them takes a while, so the kill can fall inside. */
const CSV_ROWS = { short: 300, full: 1000 };
/** Items of each uploaded report. */
const DOCUMENT_ITEMS = 20;
const REQUEST_LIMIT_MS = 60_000;
/** Activities acknowledged in a round before its kill. */
const WRITES_PER_ROUND = { short: 6, full: 25 };

interface Ledger {
  /** Rows of every CSV file sent. */
  csvRows: number;
  /** Acknowledged creates and PATCHes: the version and participants each answer reported. */
  activities: Map<string, { version: number; participants: number | null }>;
  /** Every CSV file sent, by its tag; acknowledged when a 201 said all its rows were stored. */
  files: Map<string, { acknowledged: boolean }>;
  /** Every report uploaded, by document name; acknowledged batches and accept-alls. */
  documents: Map<string, { batch: string | null; proposals: number; acceptedAll: boolean }>;
  inFlight: Set<string>;
  /** What was in flight when the server was killed, per kind of request. */
  killedInFlight: Record<string, number>;
  cutAnswers: number;
}

export const crashDrill: Drill = {
  name: 'crash',
  summary: 'kill -9 during acknowledged writes and imports: nothing acknowledged lost, nothing half-applied',
  limitSeconds: { short: 150, full: 900 },
  async run(context): Promise<DrillOutcome> {
    const { dialect, registers, short, log } = context;
    const rounds = short ? 1 : 5;
    const register = await registers.create(dialect);
    const tokens = await registers.accounts(register);
    log('register ready');
    const ledger: Ledger = { csvRows: short ? CSV_ROWS.short : CSV_ROWS.full, activities: new Map(), files: new Map(), documents: new Map(), inFlight: new Set(), killedInFlight: {}, cutAnswers: 0 };
    let restarts = 0;
    for (let round = 1; round <= rounds; round++) {
      checkAborted(context.signal);
      const server = await registers.start(register);
      if (round > 1) restarts += 1;
      log(`round ${round}: server ${server.pid} up`);
      await killDuringWork(server, tokens, ledger, round, context);
    }

    const fieldbook = await register.open();
    let found: { lost: string[]; halfApplied: string[]; stored: number };
    try {
      found = await verify(fieldbook, ledger);
    } finally {
      await fieldbook.close();
    }
    const acknowledgedFiles = [...ledger.files.values()].filter((f) => f.acknowledged).length;
    const acknowledgedBatches = [...ledger.documents.values()].filter((d) => d.batch !== null).length;
    const failures: string[] = [];
    if (found.lost.length > 0) failures.push(`lost: ${found.lost.slice(0, 3).join(', ')}`);
    if (found.halfApplied.length > 0) failures.push(`half-applied: ${found.halfApplied.slice(0, 3).join(', ')}`);
    const importsKilled = ledger.killedInFlight.csv ?? 0;
    if (importsKilled < rounds) failures.push(`only ${importsKilled} of ${rounds} kills fell during a CSV import`);
    if (ledger.activities.size === 0 || acknowledgedFiles === 0) failures.push('too little was acknowledged to tell');
    const inFlight = Object.values(ledger.killedInFlight).reduce((a, b) => a + b, 0);
    return {
      figures: {
        rounds,
        restarts,
        'acked-writes': ledger.activities.size,
        'acked-csv-files': acknowledgedFiles,
        'acked-batches': acknowledgedBatches,
        'in-flight-at-kill': inFlight,
        'imports-at-kill': importsKilled,
        'activities-stored': found.stored,
        /** 2xx answers whose body was cut by the kill: acknowledged, but the drill cannot tell what to look for. */
        'answers-cut': ledger.cutAnswers,
        lost: found.lost.length,
        'half-applied': found.halfApplied.length,
      },
      failures,
    };
  },
};

/** Runs the four workers until the kill, which falls inside a CSV import. */
async function killDuringWork(server: ServerProcess, tokens: Accounts, ledger: Ledger, round: number, context: DrillContext): Promise<void> {
  const { random, signal, log, short } = context;
  let stopped = false;
  let lastImportMs: number | null = null;
  let importStartedAt: number | null = null;
  const call = async (kind: string, request: RawRequest): Promise<RawAnswer> => {
    const key = `${kind}:${crypto.randomUUID()}`;
    ledger.inFlight.add(key);
    try {
      return await rawRequest(server.port, request, REQUEST_LIMIT_MS);
    } finally {
      ledger.inFlight.delete(key);
    }
  };
  const bodyOf = <T>(answer: RawAnswer): T | null => {
    if (!answer.ok) return null;
    try {
      return JSON.parse(answer.body.toString('utf8')) as T;
    } catch {
      ledger.cutAnswers += 1;
      return null;
    }
  };

  const writer = async (worker: number) => {
    for (let n = 0; !stopped; n++) {
      const created = await call('write', jsonRequest('POST', '/api/activities', tokens.editor, activityBody(`crash r${round} w${worker} n${n}`)));
      if (!created.ok || created.status !== 201) continue;
      const activity = bodyOf<{ id: string; version: number }>(created);
      if (!activity) continue;
      ledger.activities.set(activity.id, { version: activity.version, participants: null });
      const participants = 100 + n;
      const patched = await call('write', jsonRequest('PATCH', `/api/activities/${activity.id}`, tokens.editor, { version: activity.version, participants }));
      const after = patched.ok && patched.status === 200 ? bodyOf<{ version: number }>(patched) : null;
      if (after) ledger.activities.set(activity.id, { version: after.version, participants });
    }
  };

  const csvImporter = async () => {
    for (let n = 0; !stopped; n++) {
      const tag = `r${round}f${n}`;
      ledger.files.set(tag, { acknowledged: false });
      importStartedAt = performance.now();
      const answer = await call('csv', {
        method: 'POST',
        target: '/api/activities/import?mode=all-or-nothing',
        headers: { authorization: `Bearer ${tokens.editor}`, 'content-type': 'text/csv' },
        body: csvFile(tag, ledger.csvRows),
      });
      const took = performance.now() - importStartedAt;
      importStartedAt = null;
      const report = answer.ok && answer.status === 201 ? bodyOf<{ stored: number }>(answer) : null;
      if (report) {
        ledger.files.set(tag, { acknowledged: report.stored === ledger.csvRows });
        lastImportMs = took;
      }
    }
  };

  const documentImporter = async () => {
    for (let n = 0; !stopped; n++) {
      const name = `crash-r${round}-d${n}.txt`;
      ledger.documents.set(name, { batch: null, proposals: 0, acceptedAll: false });
      const upload = multipart({ office: 'addis-ababa' }, { name, type: 'text/plain', bytes: reportDocument(name, DOCUMENT_ITEMS) });
      const batch = bodyOf<{ id: string; proposals: unknown[] }>(
        await call('document', { method: 'POST', target: '/api/imports', headers: { authorization: `Bearer ${tokens.editor}`, 'content-type': upload.contentType }, body: upload.body }),
      );
      if (!batch?.id) continue;
      ledger.documents.set(name, { batch: batch.id, proposals: batch.proposals.length, acceptedAll: false });
      const accepted = await call('accept-all', jsonRequest('POST', `/api/imports/${batch.id}/accept-all`, tokens.editor));
      const outcome = accepted.ok && accepted.status === 200 ? bodyOf<{ accepted: unknown[] }>(accepted) : null;
      if (outcome) ledger.documents.set(name, { batch: batch.id, proposals: batch.proposals.length, acceptedAll: outcome.accepted.length === batch.proposals.length });
    }
  };

  const workers = [writer(1), writer(2), csvImporter(), documentImporter()];

  // Kill inside an import: once one import has told how long they take, at a random point of the
  // next one, late rather than early (its rows are written at the end, in one transaction).
  // And not before the writers have had some answers, so there is something acknowledged to lose.
  const deadline = performance.now() + 60_000;
  const fraction = 0.5 + random.next() * 0.5;
  const writesBefore = ledger.activities.size;
  while (!signal.aborted && performance.now() < deadline) {
    const enoughWrites = ledger.activities.size - writesBefore >= (short ? WRITES_PER_ROUND.short : WRITES_PER_ROUND.full);
    if (enoughWrites && lastImportMs !== null && importStartedAt !== null && performance.now() - importStartedAt >= fraction * lastImportMs) break;
    await pause(5);
  }
  const kinds: Record<string, number> = {};
  for (const key of ledger.inFlight) kinds[key.split(':')[0]!] = (kinds[key.split(':')[0]!] ?? 0) + 1;
  await server.kill9();
  stopped = true;
  for (const [kind, count] of Object.entries(kinds)) ledger.killedInFlight[kind] = (ledger.killedInFlight[kind] ?? 0) + count;
  log(`round ${round}: killed at ${Math.round(fraction * 100)} % of an import (the last took ${Math.round(lastImportMs ?? 0)} ms); in flight ${JSON.stringify(kinds)}`);
  await Promise.all(workers);
}

function activityBody(title: string) {
  return {
    title: { en: title },
    kind: 'workshop',
    status: 'planned',
    offices: [{ office: 'addis-ababa', role: 'organised' }],
    sectors: ['ITU-T'],
    date: { text: 'March 2027' },
    place: { city: 'Addis Ababa', country: 'ET' },
    description: { en: 'Written by the crash drill.' },
  };
}

/** A CSV file whose rows all carry `tag` in their title, so the rows of each file can be counted. */
function csvFile(tag: string, count: number): string {
  const rows = Array.from(
    { length: count },
    (_, i) => `crash-import ${tag} row ${i},en,workshop,addis-ababa:organised,ITU-T,May 2027,Addis Ababa,ET,Row ${i} of a file sent by the crash drill.`,
  );
  return `title,original_language,kind,offices,sectors,date_text,place_city,place_country,description\r\n${rows.join('\r\n')}\r\n`;
}

/** Reads the database directly: what the ledger says was acknowledged, and whether every write is whole. */
async function verify(fieldbook: Fieldbook, ledger: Ledger): Promise<{ lost: string[]; halfApplied: string[]; stored: number }> {
  const db = fieldbook.database.db;
  const lost: string[] = [];
  const halfApplied: string[] = [];

  const rows = await db.selectFrom('activity').select(['id', 'title', 'version', 'participants']).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [id, acknowledged] of ledger.activities) {
    const row = byId.get(id);
    if (!row) lost.push(`activity ${id}`);
    else if (row.version < acknowledged.version) lost.push(`activity ${id} at version ${row.version}, acknowledged ${acknowledged.version}`);
    else if (row.version === acknowledged.version && acknowledged.participants !== null && row.participants !== acknowledged.participants) {
      lost.push(`activity ${id}: participants ${row.participants}, acknowledged ${acknowledged.participants}`);
    }
  }

  // Every activity whole: its office links, its first status, one audit event per version.
  const count = async (table: 'activity_office' | 'activity_status_change') =>
    new Map((await db.selectFrom(table).select(['activity_id', sql<number>`count(*)`.as('n')]).groupBy('activity_id').execute()).map((r) => [r.activity_id, Number(r.n)]));
  const offices = await count('activity_office');
  const statuses = await count('activity_status_change');
  const audits = new Map(
    (
      await db
        .selectFrom('audit_event')
        .select(['entity_id', sql<number>`count(*)`.as('n')])
        .where('entity_type', '=', 'activity')
        .groupBy('entity_id')
        .execute()
    ).map((r) => [r.entity_id, Number(r.n)]),
  );
  for (const row of rows) {
    const missing = [
      ...(offices.get(row.id) ? [] : ['offices']),
      ...(statuses.get(row.id) ? [] : ['first status']),
      ...((audits.get(row.id) ?? 0) === row.version ? [] : [`${audits.get(row.id) ?? 0} audit events for version ${row.version}`]),
    ];
    if (missing.length > 0) halfApplied.push(`activity ${row.id} (${missing.join(', ')})`);
  }

  // Each CSV file all or nothing; an acknowledged one all.
  const perFile = new Map<string, number>();
  for (const row of rows) {
    const tag = /^\{"en":"crash-import (\S+) row /.exec(row.title)?.[1] ?? /^crash-import (\S+) row /.exec(row.title)?.[1];
    if (tag) perFile.set(tag, (perFile.get(tag) ?? 0) + 1);
  }
  for (const [tag, file] of ledger.files) {
    const stored = perFile.get(tag) ?? 0;
    if (stored !== 0 && stored !== ledger.csvRows) halfApplied.push(`CSV file ${tag}: ${stored} of ${ledger.csvRows} rows`);
    if (file.acknowledged && stored < ledger.csvRows) lost.push(`CSV file ${tag}: ${stored} of ${ledger.csvRows} acknowledged rows`);
  }

  // Each batch with all its proposals; each accepted proposal with its activity.
  const batches = await db.selectFrom('import_batch').select(['id', 'document_name']).execute();
  const proposals = await db.selectFrom('import_proposal').select(['batch_id', 'state', 'activity_id']).execute();
  const batchEvents = await db.selectFrom('audit_event').select(['entity_id', 'after']).where('action', '=', 'import.create').execute();
  const announced = new Map(batchEvents.map((e) => [e.entity_id, (JSON.parse(e.after ?? '{}') as { proposals?: number }).proposals ?? -1]));
  for (const batch of batches) {
    const own = proposals.filter((p) => p.batch_id === batch.id);
    if (announced.get(batch.id) !== own.length) halfApplied.push(`batch ${batch.document_name}: ${own.length} proposals, its audit event says ${announced.get(batch.id) ?? 'nothing'}`);
    for (const p of own) if (p.state === 'accepted' && (!p.activity_id || !byId.has(p.activity_id))) halfApplied.push(`batch ${batch.document_name}: an accepted proposal without its activity`);
    const sent = ledger.documents.get(batch.document_name);
    if (sent?.acceptedAll && own.some((p) => p.state !== 'accepted')) lost.push(`batch ${batch.document_name}: accept-all acknowledged, not all accepted`);
  }
  for (const [name, sent] of ledger.documents) {
    if (sent.batch !== null && !batches.some((b) => b.id === sent.batch)) lost.push(`batch ${name}`);
  }
  return { lost, halfApplied, stored: rows.length };
}
