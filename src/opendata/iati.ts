/**
 * The IATI activity file (IATI Standard 2.03, `iati-activities`), written here as text an activity
 * at a time so that a register of any size streams through without being held (decision 20). The
 * elements follow the order of the standard's schema (iati-activities-schema.xsd: identifier,
 * reporting-org, title, description, participating-org, activity-status, activity-date,
 * recipient-country, recipient-region, location, sector, tag, document-link). Every text goes
 * through the one XML escaper, so no title, place or name can end an element or open one.
 */
import { isDayPrecise } from '#src/activities/fuzzy-date.ts';
import type { Activity, Texts } from '#src/activities/model.ts';
import { LANGUAGES, type Language } from '#src/platform/i18n.ts';
import { escapeXml } from '#src/platform/xml.ts';
import { cityPoint, type CityPoint } from '#src/registry/city-points.ts';
import type { PlanItem } from '#src/plans/model.ts';
import type { BodyType } from '#src/registry/reference.ts';
import { DAC_SECTOR, IATI_LANGUAGE, IATI_VERSION, iatiDates, iatiStatus, isImplementing, OWN_VOCABULARY, recipientOf, REPORTING_ORG, shares } from './model.ts';

/** WGS 84, the spatial reference IATI asks points in ("latitude longitude"). */
const WGS84 = 'http://www.opengis.net/def/crs/EPSG/0/4326';

/** What the file needs of the registry and of the request, besides the activities. */
export interface IatiContext {
  /** scheme://host of the site: the event pages and the vocabularies' URIs. */
  origin: string;
  today: string;
  /** When the file was generated (ISO 8601, UTC). */
  generated: string;
  /** ITU's name in each language. */
  reportingOrgNames: Texts;
  offices: ReadonlyMap<string, { names: Texts; region: string | null }>;
  regions: ReadonlyMap<string, Texts>;
  bodies: ReadonlyMap<string, { type: BodyType; names: Texts }>;
  points: ReadonlyMap<string, CityPoint>;
  /** The plans' items by id (an activity's `plans`): outputs and regional initiatives become tags. */
  planItems: ReadonlyMap<string, Pick<PlanItem, 'level' | 'label' | 'titles'>>;
  /** A description for an activity that has none (the standard requires one): its kind and date, in a language. */
  describe(activity: Activity, language: Language): string;
}

const attribute = (name: string, value: string): string => ` ${name}="${escapeXml(value)}"`;

/** One narrative per language present, in the register's language order; empty texts left out. */
function narratives(texts: Texts): string {
  let out = '';
  for (const language of LANGUAGES) {
    const text = texts[language];
    if (text !== undefined && text.trim() !== '') out += `<narrative xml:lang="${IATI_LANGUAGE[language]}">${escapeXml(text)}</narrative>`;
  }
  return out;
}

const hasText = (texts: Texts): boolean => LANGUAGES.some((l) => (texts[l] ?? '').trim() !== '');

/**
 * The languages an activity is written in (its title's and its original language) and English:
 * those the names of the organisations, regions and Sectors it names are given in. All six are
 * at the vocabularies' URIs (`/api/regions`, `/api/bodies`); six in every activity would be half
 * the file, the same few dozen names again and again.
 */
function languagesOf(activity: Activity): Language[] {
  return LANGUAGES.filter((l) => l === 'en' || l === activity.originalLanguage || (activity.title[l] ?? '').trim() !== '');
}

/** A registry name in those languages (English, which every name has, standing in when none is there). */
function namesIn(names: Texts, languages: readonly Language[]): string {
  const shown = Object.fromEntries(languages.filter((l) => names[l] !== undefined).map((l) => [l, names[l]!])) as Texts;
  return narratives(hasText(shown) ? shown : names);
}

/** A text in one language. */
const inLanguage = (language: Language, text: string): Texts => ({ [language]: text });

/**
 * The parts every activity of a file repeats (ITU, an office, a region's or a body's names),
 * written once per file: a million activities name the same few dozen organisations.
 */
const written = new WeakMap<IatiContext, Map<string, string>>();
function once(ctx: IatiContext, key: string, write: () => string): string {
  let parts = written.get(ctx);
  if (!parts) written.set(ctx, (parts = new Map()));
  let part = parts.get(key);
  if (part === undefined) parts.set(key, (part = write()));
  return part;
}

/** The start of the file, up to the first activity. */
export function iatiHead(ctx: Pick<IatiContext, 'generated'>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities${attribute('version', IATI_VERSION)}${attribute('generated-datetime', ctx.generated)}>\n`;
}

export const IATI_TAIL = '</iati-activities>\n';

/** The activity's identifier: the reporting organisation's, then the register's id (never reused). */
export const iatiIdentifier = (activity: Pick<Activity, 'id'>): string => `${REPORTING_ORG.ref}-${activity.id}`;

/** One `iati-activity` element (and a line break). An undated activity has no start date and is never given here. */
export function iatiActivity(activity: Activity, ctx: IatiContext): string {
  const out: string[] = [];
  writeActivity(out, activity, ctx);
  return out.join('');
}

/**
 * A page of activities as one text. The parts are gathered in an array and joined once: adding
 * them to one string made a deep chain of pieces that took as long to flatten as to write.
 */
export function iatiActivities(activities: readonly Activity[], ctx: IatiContext): string {
  const out: string[] = [];
  for (const activity of activities) writeActivity(out, activity, ctx);
  return out.join('');
}

/** An instant as IATI's xsd:dateTime: the register's own ISO text when it is already UTC. */
const instant = (iso: string): string => (iso.length === 24 && iso.endsWith('Z') ? iso : new Date(iso).toISOString());

function writeActivity(out: string[], activity: Activity, ctx: IatiContext): void {
  const original = activity.originalLanguage;
  const language = IATI_LANGUAGE[original];
  const title = hasText(activity.title) ? activity.title : inLanguage(original, ctx.describe(activity, original));
  const description: Texts = hasText(activity.description)
    ? activity.description
    : Object.fromEntries(LANGUAGES.filter((l) => (title[l] ?? '').trim() !== '').map((l) => [l, ctx.describe(activity, l)]));
  const titles = narratives(title);
  const languages = languagesOf(activity);
  const key = languages.join(' ');
  out.push(
    `<iati-activity last-updated-datetime="${escapeXml(instant(activity.updatedAt))}" xml:lang="${language}" hierarchy="1"><iati-identifier>`,
    escapeXml(iatiIdentifier(activity)),
    '</iati-identifier>',
    once(ctx, `reporting-org ${key}`, () => `<reporting-org${attribute('ref', REPORTING_ORG.ref)}${attribute('type', REPORTING_ORG.type)}>${namesIn(ctx.reportingOrgNames, languages)}</reporting-org>`),
    '<title>',
    titles,
    '</title><description type="1">',
    narratives(description),
    '</description>',
  );
  participatingOrgs(out, activity, ctx, languages, key);
  out.push(`<activity-status code="${iatiStatus(activity, ctx.today)}"/>`);
  const words = isDayPrecise(activity.date) ? '' : narratives(inLanguage(original, activity.date.text.trim()));
  for (const date of iatiDates(activity, ctx.today)) out.push(`<activity-date type="${date.type}" iso-date="${date.isoDate}">`, words, '</activity-date>');
  recipients(out, activity, ctx, languages, key);
  location(out, activity, ctx);
  sectors(out, activity, ctx, languages, key);
  tags(out, activity, ctx, languages, key);
  out.push(
    `<document-link url="${escapeXml(`${ctx.origin}/${original}/events/${activity.id}`)}" format="text/html"><title>`,
    titles,
    `</title><category code="A12"/><language code="${language}"/></document-link></iati-activity>\n`,
  );
}

/**
 * ITU, accountable (role 2) for every activity (named by its identifier: the reporting
 * organisation gives its names); each office that carried it out, implementing (role 4); the
 * regional organisations it names, implementing with it (their type not claimed).
 */
function participatingOrgs(out: string[], activity: Activity, ctx: IatiContext, languages: readonly Language[], key: string): void {
  out.push(once(ctx, 'accountable', () => `<participating-org${attribute('ref', REPORTING_ORG.ref)} role="2"${attribute('type', REPORTING_ORG.type)}/>`));
  for (let i = 0; i < activity.offices.length; i++) {
    const { office, role } = activity.offices[i]!;
    // Once per office, however many roles it had.
    if (!isImplementing(role) || activity.offices.findIndex((o) => o.office === office && isImplementing(o.role)) !== i) continue;
    out.push(once(ctx, `office ${office} ${key}`, () => `<participating-org role="4"${attribute('type', REPORTING_ORG.type)}>${namesIn(ctx.offices.get(office)?.names ?? { en: office }, languages)}</participating-org>`));
  }
  for (const code of activity.bodies) {
    const body = ctx.bodies.get(code);
    if (body?.type === 'regional-organisation') out.push(once(ctx, `organisation ${code} ${key}`, () => `<participating-org role="4">${namesIn(body.names, languages)}</participating-org>`));
  }
}

/** The country the activity took place in, or the regions of its offices (the register's own region codes, vocabulary 99). */
function recipients(out: string[], activity: Activity, ctx: IatiContext, languages: readonly Language[], key: string): void {
  const recipient = recipientOf(activity, (office) => ctx.offices.get(office)?.region ?? null);
  if (recipient.kind === 'country') out.push(`<recipient-country${attribute('code', recipient.code)} percentage="100"/>`);
  if (recipient.kind !== 'regions') return;
  const percentages = shares(recipient.codes.length);
  recipient.codes.forEach((code, i) => {
    out.push(
      once(ctx, `region ${code}`, () => `<recipient-region${attribute('code', code)} vocabulary="${OWN_VOCABULARY}"${attribute('vocabulary-uri', `${ctx.origin}/api/regions`)} percentage="`),
      percentages[i]!,
      '">',
      once(ctx, `region names ${code} ${key}`, () => namesIn(ctx.regions.get(code) ?? { en: code }, languages)),
      '</recipient-region>',
    );
  });
}

/** The city, with its point when the city is known (an office's city or a host city), approximate: a city, not a venue. */
function location(out: string[], activity: Activity, ctx: IatiContext): void {
  const place = activity.place;
  const point = place ? cityPoint(ctx.points, place.city, place.country) : null;
  if (!place || !point || !place.city) return;
  out.push(
    '<location><location-reach code="1"/><name>',
    narratives(inLanguage(activity.originalLanguage, place.city)),
    `</name><administrative vocabulary="A4" level="0"${attribute('code', place.country ?? '')}/>`,
    `<point srsName="${WGS84}"><pos>${point.lat} ${point.lon}</pos></point>`,
    '<exactness code="2"/><location-class code="2"/><feature-designation code="PPL"/></location>',
  );
}

/** ICT (DAC 22040) for the whole activity, and ITU's Sectors in its own vocabulary, shared equally. */
function sectors(out: string[], activity: Activity, ctx: IatiContext, languages: readonly Language[], key: string): void {
  out.push(`<sector vocabulary="1" code="${DAC_SECTOR}" percentage="100"/>`);
  const percentages = shares(activity.sectors.length);
  activity.sectors.forEach((code, i) => {
    out.push(
      once(ctx, `sector ${code}`, () => `<sector vocabulary="${OWN_VOCABULARY}"${attribute('vocabulary-uri', `${ctx.origin}/api/bodies`)}${attribute('code', code)} percentage="`),
      percentages[i]!,
      '">',
      once(ctx, `names ${code} ${key}`, () => namesIn(ctx.bodies.get(code)?.names ?? { en: code }, languages)),
      '</sector>',
    );
  });
}

/** The plan levels an activity is tagged with: what it delivers (an operational plan's output, a WTDC regional initiative). */
const TAGGED_LEVELS: ReadonlySet<string> = new Set(['output', 'initiative']);

/**
 * The bodies the activity is about (study groups, regional groups, conferences …) and the plan
 * outputs and regional initiatives it serves, as the reporting organisation's tags: the code is
 * the item's id, described at `/api/plans/items/{id}`, its narrative the label and title.
 */
function tags(out: string[], activity: Activity, ctx: IatiContext, languages: readonly Language[], key: string): void {
  for (const code of activity.bodies) {
    const body = ctx.bodies.get(code);
    if (!body || body.type === 'regional-organisation' || body.type === 'sector') continue;
    out.push(once(ctx, `tag ${code} ${key}`, () => `<tag vocabulary="${OWN_VOCABULARY}"${attribute('vocabulary-uri', `${ctx.origin}/api/bodies`)}${attribute('code', code)}>${namesIn(body.names, languages)}</tag>`));
  }
  for (const id of activity.plans) {
    const item = ctx.planItems.get(id);
    if (!item || !TAGGED_LEVELS.has(item.level)) continue;
    out.push(
      once(ctx, `plan ${id} ${key}`, () => {
        const titles = Object.fromEntries(Object.entries(item.titles).map(([l, title]) => [l, `${item.label} ${title}`])) as Texts;
        return `<tag vocabulary="${OWN_VOCABULARY}"${attribute('vocabulary-uri', `${ctx.origin}/api/plans/items`)}${attribute('code', id)}>${namesIn(titles, languages)}</tag>`;
      }),
    );
  }
}
