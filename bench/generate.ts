/**
 * Synthetic registers for the benchmark: realistic activities made from the seeded reference data
 * (offices, Sectors, bodies) and the vocabulary in vocabulary.ts, written through the store's own
 * insert (`insertActivities`) with the search text the service would compute (`searchDocument`),
 * so the rows are exactly what the API would have stored.
 *
 * A register is generated once per size and dialect and reused while its activity count is right:
 * SQLite in `<data-dir>/sqlite-<size>.db`, PostgreSQL in schema `bench_<size>`.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openFieldbook, seedReference, type Fieldbook } from '#src/app.ts';
import { parseFuzzyDate, type FuzzyDate } from '#src/activities/fuzzy-date.ts';
import { searchDocument, type Activity, type ActivityKind, type Link, type Place, type Provenance, type Relation, type Status, type Texts } from '#src/activities/model.ts';
import { referenceCache, type References } from '#src/activities/references.ts';
import { insertActivities } from '#src/activities/store.ts';
import { loadConfig, type Config } from '#src/platform/config.ts';
import type { Dialect } from '#src/platform/database.ts';
import { newId } from '#src/platform/ids.ts';
import { countryNames } from '#src/registry/countries.ts';
import type { Body, Office } from '#src/registry/model.ts';
import type { RegionCode } from '#src/registry/reference.ts';
import {
  AUDIENCES,
  DESCRIPTION_SENTENCES,
  FRENCH_OPENINGS,
  FRENCH_TOPICS,
  FUTURE_STATUS,
  KIND_WEIGHTS,
  MONTHS,
  OUTCOME_SENTENCES,
  PAST_STATUS,
  PLACES,
  ROLE_WEIGHTS,
  Random,
  TITLE_OPENINGS,
  TOPICS,
  type PlaceName,
} from './vocabulary.ts';

export const GENERATOR_LABEL = 'bench-generator';
/** Activities per transaction while generating. */
const BATCH = 5000;
/** Status-history rows per multi-row insert (7 columns each). */
const STATUS_CHUNK = 1000;

const REGION_NAMES: Record<RegionCode, string> = {
  AFR: 'Africa',
  AMS: 'the Americas',
  ARB: 'the Arab States',
  ASP: 'Asia and the Pacific',
  CIS: 'the CIS region',
  EUR: 'Europe',
};

/** The reference data a generator draws from, as the service sees it. */
interface World {
  refs: References;
  offices: Office[];
  officeWeights: Array<readonly [Office, number]>;
  officesByRegion: Map<RegionCode, Office[]>;
  studyGroups: Body[];
  regionalGroupsByRegion: Map<RegionCode, Body[]>;
  organisationsByRegion: Map<RegionCode, Body[]>;
  conferences: Body[];
  /** Today (ISO day): earlier activities are mostly held, later ones planned or confirmed. */
  today: string;
}

function buildWorld(refs: References, today: string): World {
  const offices = [...refs.offices.values()].filter((o) => o.closedOn === null || o.closedOn > today);
  const bodies = [...refs.bodies.values()];
  const byRegion = <T extends { region: RegionCode | null }>(items: T[]) => {
    const map = new Map<RegionCode, T[]>();
    for (const item of items) if (item.region) map.set(item.region, [...(map.get(item.region) ?? []), item]);
    return map;
  };
  return {
    refs,
    offices,
    // Headquarters and the Europe office record fewer field activities than the regional and area offices.
    officeWeights: offices.map((o) => [o, o.kind === 'headquarters' ? 2 : o.kind === 'europe' ? 4 : o.kind === 'regional' ? 9 : 6] as const),
    officesByRegion: byRegion(offices),
    studyGroups: bodies.filter((b) => b.type === 'study-group'),
    regionalGroupsByRegion: byRegion(bodies.filter((b) => b.type === 'regional-group')),
    organisationsByRegion: byRegion(bodies.filter((b) => b.type === 'regional-organisation')),
    conferences: bodies.filter((b) => b.type === 'conference'),
    today,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** A date as an office would write it, read by the same parser the API uses. */
function fuzzyDate(rng: Random): FuzzyDate {
  // More activities in recent years; a few planned up to two years ahead.
  const year = rng.weighted([
    [2016, 3], [2017, 4], [2018, 5], [2019, 6], [2020, 6], [2021, 7], [2022, 8], [2023, 9], [2024, 10], [2025, 10], [2026, 10], [2027, 5], [2028, 2],
  ] as const);
  const m = rng.int(1, 12);
  const month = MONTHS[m - 1]!;
  const d = rng.int(1, 26);
  const text = rng.weighted<() => string>([
    [() => `${d} ${month} ${year}`, 24],
    [() => `${d} and ${d + 1} ${month} ${year}`, 10],
    [() => `${d} to ${d + rng.int(2, 3)} ${month} ${year}`, 12],
    [() => `${d}-${d + rng.int(1, 2)} ${month} ${year}`, 8],
    [() => `${d} – ${d + rng.int(1, 4)} ${month}${year}`, 2],
    [() => (m < 12 ? `${rng.int(27, 28)} ${month} - ${rng.int(1, 3)} ${MONTHS[m]} ${year}` : `${d} ${month} ${year}`), 3],
    [() => `${rng.pick(['early', 'mid', 'late'])} ${month} ${year}`, 10],
    [() => `the ${rng.pick(ORDINALS)} week of ${month} ${year}`, 4],
    [() => `${month} ${year}`, 18],
    [() => `Q${Math.ceil(m / 3)} ${year}`, 6],
    [() => `${year}-${pad(m)}-${pad(d)}`, 2],
    [() => `${year}`, 1],
  ])();
  const parsed = parseFuzzyDate(text);
  if (parsed.ok) return parsed.value;
  const fallback = parseFuzzyDate(`${month} ${year}`);
  if (!fallback.ok) throw new Error(`the generator wrote an unreadable date: ${text}`);
  return fallback.value;
}

function fill(template: string, rng: Random, values: { kind: string; org: string }): string {
  return template
    .replace('{kind}', values.kind)
    .replace('{n}', String(rng.int(15, 300)))
    .replace('{audience}', rng.pick(AUDIENCES))
    .replace('{topic2}', rng.pick(TOPICS))
    .replace('{topic}', rng.pick(TOPICS))
    .replace('{org}', values.org);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** ISO timestamp `days` before (negative: after) an ISO day, at a random time of day. */
function stampBefore(day: string, days: number, rng: Random): string {
  const t = Date.parse(`${day}T00:00:00Z`) - days * 86_400_000 + rng.int(7 * 3600, 18 * 3600) * 1000;
  return new Date(t).toISOString();
}

export interface Generated {
  activity: Activity;
  searchText: string;
}

export type ActivityGenerator = (previous: Activity | null) => Generated;

/** A generator of activities over the given reference data; the same seed gives the same register (but new ids). */
export function activityGenerator(refs: References, seed: number, now = new Date()): ActivityGenerator {
  const rng = new Random(seed);
  const world = buildWorld(refs, now.toISOString().slice(0, 10));
  const nowIso = now.toISOString();
  const countryNameCache = new Map<string, string[]>();
  const namesOfCountry = (country: string) => {
    let names = countryNameCache.get(country);
    if (!names) countryNameCache.set(country, (names = countryNames(country)));
    return names;
  };

  return (previous) => {
    const office = rng.weighted(world.officeWeights);
    const region = office.region;
    const kind: ActivityKind = rng.weighted(KIND_WEIGHTS);
    const date = fuzzyDate(rng);
    const past = date.end < world.today;
    const status: Status = rng.weighted(past ? PAST_STATUS : FUTURE_STATUS);
    const organisation = rng.pick(world.organisationsByRegion.get(region) ?? [...world.organisationsByRegion.values()].flat());

    // Place: mostly in the region, sometimes in the office's own city, a quarter online.
    const mode = kind === 'webinar' ? 'online' : rng.weighted([['in-person', 62], ['online', 26], ['hybrid', 12]] as const);
    const where: PlaceName = rng.chance(0.15) ? { city: office.cityNames.en, country: office.country } : rng.pick(PLACES[region]);
    const place: Place | null = mode === 'online' ? { mode, city: null, country: null } : rng.chance(0.03) ? null : { mode, city: where.city, country: where.country };

    // Sectors and bodies.
    const bodies: string[] = [];
    let sectors: string[];
    let title: Texts;
    let originalLanguage: Activity['originalLanguage'] = 'en';
    if (kind === 'regional-group-meeting' || kind === 'study-group-meeting') {
      const groups = world.regionalGroupsByRegion.get(region) ?? [];
      const group = kind === 'regional-group-meeting' && groups.length > 0 ? rng.pick(groups) : null;
      const studyGroup = group ? world.refs.bodies.get(group.parent!)! : rng.pick(world.studyGroups);
      sectors = ['ITU-T'];
      if (group) {
        bodies.push(group.code);
        title = { en: `Meeting of the ITU-T ${studyGroup.code} Regional Group for ${REGION_NAMES[region]} (${group.code})` };
      } else {
        bodies.push(studyGroup.code);
        title = { en: `ITU-T ${studyGroup.code} meeting${place?.city ? `, ${place.city}` : ''}: ${studyGroup.names.en}` };
      }
    } else if (kind === 'preparatory-meeting' && world.conferences.length > 0) {
      const conference = rng.pick(world.conferences);
      bodies.push(conference.code, organisation.code);
      sectors = [conference.parent ?? 'GS'];
      title = { en: `Regional preparatory meeting for ${conference.code} for ${REGION_NAMES[region]}` };
    } else {
      sectors = [rng.weighted([['ITU-D', 45], ['ITU-T', 32], ['ITU-R', 18], ['GS', 5]] as const)];
      if (rng.chance(0.12)) sectors.push(sectors[0] === 'ITU-D' ? 'ITU-T' : 'ITU-D');
      if (sectors.includes('ITU-T') && rng.chance(0.35)) {
        const groups = world.regionalGroupsByRegion.get(region) ?? [];
        bodies.push(rng.chance(0.5) && groups.length > 0 ? rng.pick(groups).code : rng.pick(world.studyGroups).code);
      }
      if (rng.chance(0.2)) bodies.push(organisation.code);
      const french = (region === 'AFR' || region === 'ARB') && rng.chance(0.12);
      if (french) {
        originalLanguage = 'fr';
        title = { fr: `${rng.pick(FRENCH_OPENINGS)} ${rng.pick(FRENCH_TOPICS)}${place?.city ? `, ${place.city}` : ''}` };
      } else {
        const opening = rng.pick(TITLE_OPENINGS[kind] ?? TITLE_OPENINGS.workshop!);
        const suffix = rng.weighted<() => string>([
          [() => '', 40],
          [() => (place?.city ? `, ${place.city}` : ''), 25],
          [() => ` for ${REGION_NAMES[region]}`, 20],
          [() => ` for ${rng.pick(AUDIENCES)}`, 15],
        ])();
        title = { en: `${opening} ${rng.pick(TOPICS)}${suffix}` };
      }
    }
    if (rng.chance(0.05) && world.conferences.length > 0 && bodies.length < 3) {
      const code = rng.pick(world.conferences).code;
      if (!bodies.includes(code)) bodies.push(code);
    }

    // Offices: one leads, some share the activity with another office of the region or headquarters.
    const offices: Activity['offices'] = [{ office: office.code, role: rng.weighted(ROLE_WEIGHTS) }];
    if (rng.chance(0.25)) {
      const others = (world.officesByRegion.get(region) ?? []).filter((o) => o.code !== office.code);
      const other = others.length > 0 && rng.chance(0.7) ? rng.pick(others) : rng.pick(world.offices.filter((o) => o.code !== office.code));
      offices.push({ office: other.code, role: rng.pick(['co-organised', 'supported', 'participated', 'contributed'] as const) });
    }

    const kindWord = kind.replace(/-/g, ' ');
    const description: Texts = {};
    if (rng.chance(0.65)) {
      const sentences = Array.from({ length: rng.int(1, 3) }, () => fill(rng.pick(DESCRIPTION_SENTENCES), rng, { kind: kindWord, org: organisation.code }));
      description[originalLanguage] = sentences.join(' ');
    }
    const outcome: Texts = {};
    if (status === 'held' && rng.chance(0.35)) outcome[originalLanguage] = fill(rng.pick(OUTCOME_SENTENCES), rng, { kind: kindWord, org: organisation.code });
    const links: Link[] = rng.chance(0.25)
      ? [
          {
            url: `https://www.itu.int/en/ITU-D/Regional-Presence/${slug(REGION_NAMES[region])}/Pages/Events/${date.start.slice(0, 4)}/${slug(Object.values(title)[0] ?? 'event')}.aspx`,
            title: rng.chance(0.5) ? 'Event page' : null,
          },
        ]
      : [];
    const related: Relation[] = previous && rng.chance(0.02) ? [{ activity: previous.id, kind: 'back-to-back' }] : [];
    const provenance: Provenance = rng.chance(0.15)
      ? {
          source: 'import',
          document: `TSAG-C-${rng.int(10, 400)}-regional-offices-${date.start.slice(0, 4)}.docx`,
          section: REGION_NAMES[region],
          item: String(rng.int(1, 60)),
          text: Object.values(title)[0] ?? null,
          batch: null,
        }
      : { source: 'manual' };

    const created = stampBefore(date.start, rng.int(10, 150), rng);
    const createdAt = created < nowIso ? created : stampBefore(world.today, rng.int(1, 300), rng);
    // Held activities are often touched again afterwards (participants, outcome).
    let updatedAt = createdAt;
    if (status === 'held' && rng.chance(0.5)) {
      const after = stampBefore(date.end, -rng.int(1, 20), rng);
      if (after < nowIso && after > createdAt) updatedAt = after;
    }
    const deleted = rng.chance(0.01);

    const activity: Activity = {
      id: newId(),
      title,
      originalLanguage,
      kind,
      status,
      visibility: rng.chance(0.92) ? 'public' : 'internal',
      offices,
      sectors,
      bodies,
      plans: [],
      date,
      place,
      description,
      outcome,
      participants: status === 'held' && rng.chance(0.8) ? rng.int(12, 450) : null,
      links,
      related,
      provenance,
      version: 1,
      createdAt,
      createdBy: GENERATOR_LABEL,
      updatedAt,
      updatedBy: GENERATOR_LABEL,
      deletedAt: deleted ? updatedAt : null,
      deletedBy: deleted ? GENERATOR_LABEL : null,
    };
    return { activity, searchText: searchDocument(activity, world.refs.namesOf, namesOfCountry) };
  };
}

// ---------------------------------------------------------------------------------------------
// Registers on disk / in PostgreSQL

export interface RegisterTarget {
  dialect: Dialect;
  /** Number of activities. */
  size: number;
  /** "10k", "100k", "1m": names the file or schema. */
  label: string;
  dataDir: string;
  postgresUrl: string;
}

export interface Register {
  fieldbook: Fieldbook;
  config: Config;
  /** Where the data lives, for the report. */
  location: string;
  /** How long generating it took: in this run, or as recorded when it was generated (`reused`). */
  generation: Generation | null;
}

export interface Generation {
  ms: number;
  perSecond: number;
  at: string;
  reused: boolean;
}

/** Generation times are kept beside the SQLite files, so a reused register still reports its own. */
const generationLog = (target: RegisterTarget) => join(target.dataDir, 'generation.json');
const generationKey = (target: RegisterTarget) => `${target.dialect}-${target.label}`;

function readGenerations(target: RegisterTarget): Record<string, Omit<Generation, 'reused'>> {
  try {
    return JSON.parse(readFileSync(generationLog(target), 'utf8')) as Record<string, Omit<Generation, 'reused'>>;
  } catch {
    return {};
  }
}

function recordGeneration(target: RegisterTarget, generation: Omit<Generation, 'reused'>): void {
  mkdirSync(target.dataDir, { recursive: true });
  writeFileSync(generationLog(target), `${JSON.stringify({ ...readGenerations(target), [generationKey(target)]: generation }, null, 2)}\n`);
}

export type Log = (line: string) => void;

export const schemaName = (label: string) => `bench_${label.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;

/** The generated activities: those the benchmarks create (the mixed suite) do not make a register the wrong size. */
async function countActivities(fieldbook: Fieldbook): Promise<number> {
  const row = await fieldbook.database.db
    .selectFrom('activity')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('created_by', '=', GENERATOR_LABEL)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function openAt(target: RegisterTarget): Promise<{ fieldbook: Fieldbook; config: Config; location: string }> {
  if (target.dialect === 'sqlite') {
    const file = join(target.dataDir, `sqlite-${target.label}.db`);
    const config = loadConfig({ DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' });
    return { fieldbook: await openFieldbook(config), config, location: file };
  }
  const schema = schemaName(target.label);
  await adminQuery(target.postgresUrl, `create schema if not exists ${schema}`);
  const config = loadConfig({ DATABASE_URL: target.postgresUrl, LOG_LEVEL: 'silent' });
  return { fieldbook: await openFieldbook(config, { schema }), config, location: `PostgreSQL schema ${schema}` };
}

async function discard(target: RegisterTarget): Promise<void> {
  if (target.dialect === 'sqlite') {
    const file = join(target.dataDir, `sqlite-${target.label}.db`);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
  } else {
    await adminQuery(target.postgresUrl, `drop schema if exists ${schemaName(target.label)} cascade`);
  }
}

/** Opens the register of this size, generating it first when missing or of the wrong size. */
export async function openRegister(target: RegisterTarget, options: { regenerate: boolean; seed: number; log: Log }): Promise<Register> {
  const { log } = options;
  if (!options.regenerate) {
    const opened = await openAt(target);
    const count = await countActivities(opened.fieldbook);
    if (count === target.size) {
      const recorded = readGenerations(target)[generationKey(target)];
      log(`  reusing ${opened.location} (${count.toLocaleString('en')} activities${recorded ? `, generated in ${(recorded.ms / 1000).toFixed(1)} s on ${recorded.at.slice(0, 10)}` : ''})`);
      return { ...opened, generation: recorded ? { ...recorded, reused: true } : null };
    }
    log(`  ${opened.location} has ${count.toLocaleString('en')} activities, not ${target.size.toLocaleString('en')}: generating afresh`);
    await opened.fieldbook.close();
  }
  await discard(target);
  const opened = await openAt(target);
  const started = performance.now();
  await seedReference(opened.fieldbook, 'data/reference');
  await generateInto(opened.fieldbook, target.size, options.seed, log);
  log('  analysing…');
  const db = opened.fieldbook.database.db;
  if (target.dialect === 'sqlite') {
    await sql`analyze`.execute(db);
    await sql`pragma optimize`.execute(db);
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
  } else {
    await sql`vacuum analyze`.execute(db);
  }
  const ms = performance.now() - started;
  const perSecond = target.size / (ms / 1000);
  log(`  generated ${target.size.toLocaleString('en')} activities in ${(ms / 1000).toFixed(1)} s (${Math.round(perSecond).toLocaleString('en')}/s) into ${opened.location}`);
  const generation = { ms, perSecond, at: new Date().toISOString() };
  recordGeneration(target, generation);
  return { ...opened, generation: { ...generation, reused: false } };
}

/** Inserts `count` generated activities (and the first row of each status history), BATCH per transaction. */
export async function generateInto(fieldbook: Fieldbook, count: number, seed: number, log: Log): Promise<void> {
  const refs = await referenceCache(fieldbook.services.registry)();
  const next = activityGenerator(refs, seed);
  const db = fieldbook.database.db;
  const started = performance.now();
  let lastReport = started;
  let previous: Activity | null = null;
  for (let done = 0; done < count; ) {
    const n = Math.min(BATCH, count - done);
    const items: Generated[] = [];
    for (let i = 0; i < n; i++) {
      const item = next(previous);
      items.push(item);
      previous = item.activity;
    }
    const statusRows = items.map(({ activity }) => ({
      id: newId(),
      activity_id: activity.id,
      from_status: null,
      to_status: activity.status,
      reason: null,
      at: activity.createdAt,
      actor_label: GENERATOR_LABEL,
    }));
    await db.transaction().execute(async (trx) => {
      await insertActivities(trx, items);
      for (let i = 0; i < statusRows.length; i += STATUS_CHUNK) {
        await trx.insertInto('activity_status_change').values(statusRows.slice(i, i + STATUS_CHUNK)).execute();
      }
    });
    done += n;
    const now = performance.now();
    if (now - lastReport > 5000 || done === count) {
      const rate = done / ((now - started) / 1000);
      const eta = (count - done) / rate;
      log(`    ${done.toLocaleString('en')} / ${count.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')}/s${done < count ? `, ~${Math.ceil(eta)} s left` : ''})`);
      lastReport = now;
    }
  }
}
