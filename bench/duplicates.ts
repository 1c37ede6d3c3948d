/**
 * The `duplicates` suite (issue 21): the duplicate check of one draft over HTTP
 * (`POST /api/activities/duplicates`), one request at a time, on the register with its planted
 * pairs (generate.ts `plantDuplicates`, planted now if the register predates them).
 * - recall: each planted twin, checked as a draft editing itself, should find its original;
 * - false alarms: the activities created in one week of the register (a sample of up to
 *   WEEK_SAMPLE), each checked as a draft editing itself: every candidate that is not its planted
 *   counterpart is a false alarm (the generator makes no other duplicates, though chance may);
 *   scaled to the whole week's count;
 * - latency of every check (both sets), p50 / p95 / max. Target: p95 under 50 ms at 1M on SQLite.
 */
import type { Activity } from '#src/activities/model.ts';
import { findActivities } from '#src/activities/store.ts';
import { benchToken } from './api.ts';
import { GENERATOR_LABEL, PLANTED_DOCUMENT, PLANTED_LABEL, plantDuplicates, plantedCount } from './generate.ts';
import { percentile, round, type Suite } from './suite.ts';
import { Random } from './vocabulary.ts';

export const DUPLICATE_TARGET = { p95Ms: 50 };
const WEEK_SAMPLE = 300;
const PLANTED_SAMPLE = 300;

export interface DuplicateFigures {
  planted: number;
  checkedPlanted: number;
  found: number;
  recall: number;
  week: { from: string; to: string; created: number; checked: number; alarms: number; alarmsPerCheck: number; alarmsPerWeek: number; checksWithAlarm: number };
  latency: { checks: number; p50Ms: number; p95Ms: number; maxMs: number };
  met: boolean;
}

/** A stored activity as a draft of itself, as the workspace would send it while editing. */
function draftOf(activity: Activity) {
  return {
    id: activity.id,
    title: activity.title,
    originalLanguage: activity.originalLanguage,
    kind: activity.kind,
    status: activity.status,
    visibility: activity.visibility,
    offices: activity.offices,
    sectors: activity.sectors,
    bodies: activity.bodies,
    date: { text: activity.date.text },
    place: activity.place ? { mode: activity.place.mode, city: activity.place.city, country: activity.place.country } : null,
  };
}

export const duplicatesSuite: Suite<DuplicateFigures> = {
  name: 'duplicates',
  summary: 'the duplicate check of one draft: latency, recall of planted pairs, false alarms of a week',
  async run({ register, size, seed, listen, log }) {
    const fieldbook = register.fieldbook;
    const db = fieldbook.database.db;
    const planted = await plantDuplicates(fieldbook, seed, plantedCount(size), log);
    const port = await listen();
    const token = await benchToken(register);
    const latencies: number[] = [];

    async function check(activity: Activity): Promise<string[]> {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/activities/duplicates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(draftOf(activity)),
      });
      const body = (await res.json()) as { candidates?: Array<{ activity: { id: string } }> };
      latencies.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`the check answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      return (body.candidates ?? []).map((c) => c.activity.id);
    }

    // Recall: each planted twin finds its original.
    const rng = new Random(seed ^ 0xd0b1e);
    const twinRows = await db.selectFrom('activity').select(['id', 'provenance']).where('created_by', '=', PLANTED_LABEL).execute();
    // Each planted twin and its original, both ways.
    const pairs = new Map<string, string>();
    for (const row of twinRows) {
      const provenance = JSON.parse(row.provenance) as { document?: string; item?: string | null };
      if (provenance.document !== PLANTED_DOCUMENT || !provenance.item) continue;
      pairs.set(row.id, provenance.item);
      pairs.set(provenance.item, row.id);
    }
    const twins = [...(await findActivities(db, rng.sample(twinRows, PLANTED_SAMPLE).map((r) => r.id))).values()];
    log(`  duplicates: checking ${twins.length} planted twins`);
    let found = 0;
    for (const twin of twins) if ((await check(twin)).includes(pairs.get(twin.id)!)) found += 1;

    // False alarms: the activities created in the week four weeks before the latest one created.
    const latest = await db.selectFrom('activity').select((eb) => eb.fn.max('created_at').as('at')).where('created_by', '=', GENERATOR_LABEL).executeTakeFirstOrThrow();
    const end = new Date(Date.parse(String(latest.at)) - 28 * 86_400_000);
    const from = new Date(end.getTime() - 7 * 86_400_000).toISOString();
    const to = end.toISOString();
    const weekRows = await db
      .selectFrom('activity')
      .select('id')
      .where('created_by', '=', GENERATOR_LABEL)
      .where('deleted_at', 'is', null)
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .orderBy('id')
      .execute();
    const week = [...(await findActivities(db, rng.sample(weekRows, WEEK_SAMPLE).map((r) => r.id))).values()];
    log(`  duplicates: checking ${week.length} of the ${weekRows.length} activities created ${from.slice(0, 10)} – ${to.slice(0, 10)}`);
    let alarms = 0;
    let withAlarm = 0;
    for (const activity of week) {
      const wrong = (await check(activity)).filter((id) => id !== pairs.get(activity.id));
      alarms += wrong.length;
      if (wrong.length > 0) withAlarm += 1;
    }

    const sorted = [...latencies].sort((a, b) => a - b);
    const perCheck = week.length > 0 ? alarms / week.length : 0;
    const p95 = percentile(sorted, 95);
    return {
      planted,
      checkedPlanted: twins.length,
      found,
      recall: twins.length > 0 ? round(found / twins.length, 3) : 0,
      week: {
        from: from.slice(0, 10),
        to: to.slice(0, 10),
        created: weekRows.length,
        checked: week.length,
        alarms,
        alarmsPerCheck: round(perCheck, 3),
        alarmsPerWeek: Math.round(perCheck * weekRows.length),
        checksWithAlarm: withAlarm,
      },
      latency: { checks: sorted.length, p50Ms: round(percentile(sorted, 50), 2), p95Ms: round(p95, 2), maxMs: round(sorted.at(-1) ?? NaN, 2) },
      met: p95 < DUPLICATE_TARGET.p95Ms,
    };
  },
  print(r) {
    console.log('duplicate check            checks    p50 ms    p95 ms    max ms   recall (found / planted checked)   false alarms');
    console.log(
      [
        'POST /api/activities/duplicates'.padEnd(24),
        String(r.latency.checks).padStart(8),
        r.latency.p50Ms.toFixed(1).padStart(9),
        r.latency.p95Ms.toFixed(1).padStart(9),
        r.latency.maxMs.toFixed(1).padStart(9),
        `${(r.recall * 100).toFixed(1)} % (${r.found} / ${r.checkedPlanted})`.padStart(32),
        `${r.week.alarmsPerCheck} per draft`.padStart(16),
      ].join(' '),
    );
    console.log(
      `  a week of new activities (${r.week.from} – ${r.week.to}: ${r.week.created} created, ${r.week.checked} checked): ${r.week.alarms} false alarms on ${r.week.checksWithAlarm} drafts, ~${r.week.alarmsPerWeek} for the whole week`,
    );
    console.log(`  p95 of one check ${r.latency.p95Ms.toFixed(1)} ms (target < ${DUPLICATE_TARGET.p95Ms} ms): ${r.met ? 'met' : 'MISSED'}`);
    console.log('');
  },
};
