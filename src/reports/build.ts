/**
 * The one traversal that turns a report definition, the registry and the register into the
 * format-neutral tree (tree.ts): the TD header, the narrative sections and one section per region
 * listing its offices' activities. Renderers only lay the tree out. Pure: no I/O.
 */
import { formatFuzzyDate } from '#src/activities/fuzzy-date.ts';
import { textIn, type Activity } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import { formatDay, languageName } from '#src/platform/intl.ts';
import { countryName } from '#src/registry/countries.ts';
import { headOn, inReportOrder, isOfficeOpenOn, localise, presenceSummary, type Assignment, type Body, type Office, type Region } from '#src/registry/model.ts';
import type { ItemText, ReportDefinition } from './definition.ts';
import { parseMarkdown } from './markdown.ts';
import { formatPeriod, PHRASES, resolution25On, type Phrases, type PresenceFacts } from './phrases.ts';
import type { Block, HeaderRow, HeaderView, ReportTree, Section } from './tree.ts';

// ---- what the traversal reads ----

/** What a report reads from the registry: the regions, offices and heads, and the Sector's bodies. */
export interface RegistryContext {
  regions: Region[];
  /** Every office of the registry, headquarters included. */
  offices: Office[];
  assignments: Assignment[];
  sector: Body;
  advisoryGroup: Body;
  bureau: Body | null;
  /** Study periods the Sector's study groups have terms for ("2017-2020"). */
  studyPeriods: string[];
  /** ISO day the document is produced, for the default place and date. */
  today: string;
}

/** What the traversal reads: the registry's part and the register's activities. */
export interface ReportContext extends RegistryContext {
  /** The activities that count, in date order. */
  activities: Activity[];
  /** Activities after the period (see `outlookMonths`), in date order; any also in `activities` is ignored. */
  outlook: Activity[];
}

export interface ResolvedNarrative {
  key: string;
  title: string;
  markdown: string;
  /** True when the author's text stands; false when it is the generated default. */
  edited: boolean;
}

const isField = (o: Office): boolean => o.kind !== 'headquarters';

/** The Office for Europe sits at headquarters, in the same city. */
const atHeadquarters = (office: Office, headquarters: Office | null): boolean =>
  headquarters !== null && office.kind === 'europe' && office.cityNames.en === headquarters.cityNames.en;

/** The office a region's section is named after: its regional office (or the Office for Europe). */
function mainOffice(offices: readonly Office[], region: string, day: string): Office | null {
  const candidates = offices.filter((o) => o.region === region && (o.kind === 'regional' || o.kind === 'europe') && isOfficeOpenOn(o, day));
  return candidates.find((o) => o.kind === 'regional') ?? candidates[0] ?? null;
}

/** The study period a report falls in: the latest one starting in or before the year of its end. */
export function studyPeriodOf(periods: readonly string[], to: string): string | null {
  const year = Number(to.slice(0, 4));
  const started = periods.filter((p) => Number(p.slice(0, 4)) <= year).sort();
  return started.at(-1) ?? null;
}

function bureauName(ctx: RegistryContext, phrases: Phrases, language: Language): string {
  if (!ctx.bureau) return ctx.sector.code;
  return phrases.defaults.bureau(ctx.bureau.code, localise(ctx.bureau.names, language).text);
}

/** The counts and names of the default introduction, on the report's last day. */
export function presenceFacts(ctx: RegistryContext, to: string, language: Language): PresenceFacts {
  const name = (names: Office['names']) => localise(names, language).text;
  const regionName = new Map(ctx.regions.map((r) => [r.code, localise(r.names, language).text]));
  const open = ctx.offices.filter((o) => isField(o) && isOfficeOpenOn(o, to));
  const summary = presenceSummary(ctx.offices, ctx.regions, to);
  const headquarters = ctx.offices.find((o) => o.kind === 'headquarters') ?? null;
  const collator = new Intl.Collator(language);
  const regional = open
    .filter((o) => o.kind === 'regional')
    .map((o) => ({ city: name(o.cityNames), region: regionName.get(o.region) ?? o.region }))
    .sort((a, b) => collator.compare(a.city, b.city))
    .map((o) => `${o.city} (${o.region})`);
  const europe = open.find((o) => o.kind === 'europe');
  const areaRegions = inReportOrder(ctx.regions)
    .filter((r) => open.some((o) => o.kind === 'area' && o.region === r.code))
    .map((r) => regionName.get(r.code)!);
  return {
    asOf: formatDay(to, language),
    regions: inReportOrder(ctx.regions).map((r) => regionName.get(r.code)!),
    fieldOffices: summary.fieldOffices,
    regionalOffices: regional,
    europeOffice: europe
      ? { name: name(europe.names), atHeadquarters: atHeadquarters(europe, headquarters), city: name(europe.cityNames) }
      : null,
    areaOffices: summary.byKind.area,
    areaRegions,
  };
}

/** The narrative as it will print: the author's text where there is some, the generated default elsewhere. */
export function resolveNarrative(definition: Pick<ReportDefinition, 'narrative' | 'to' | 'sector'>, ctx: RegistryContext, language: Language): ResolvedNarrative[] {
  const phrases = PHRASES[language];
  const d = phrases.defaults;
  const resolution = resolution25On(definition.to, language);
  const bureau = bureauName(ctx, phrases, language);
  const sectorPart = d.sectorPart[definition.sector as keyof typeof d.sectorPart] ?? localise(ctx.sector.names, language).text;
  const generated = (key: string): { title: string; markdown: string } | null => {
    switch (key) {
      case 'introduction':
        return { title: d.introductionTitle, markdown: d.introduction(presenceFacts(ctx, definition.to, language)) };
      case 'mandate':
        return { title: d.mandateTitle(resolution), markdown: d.mandate(resolution) };
      case 'coordination':
        return { title: d.coordinationTitle(bureau), markdown: d.coordination(bureau, sectorPart) };
      default:
        return null;
    }
  };
  return definition.narrative.map((section) => {
    const fallback = generated(section.key);
    return {
      key: section.key,
      title: section.title ?? fallback?.title ?? section.key,
      markdown: section.markdown ?? fallback?.markdown ?? '',
      edited: section.markdown !== null,
    };
  });
}

export function resolveHeader(definition: ReportDefinition, ctx: RegistryContext, language: Language): HeaderView {
  const phrases = PHRASES[language];
  const d = phrases.defaults;
  const h = definition.header;
  const sectorCode = d.sector(definition.sector);
  const period = formatPeriod(definition.from, definition.to, language);
  const studyPeriod = h.studyPeriod ?? studyPeriodOf(ctx.studyPeriods, definition.to);
  const headquarters = ctx.offices.find((o) => o.kind === 'headquarters');
  const place = headquarters ? `${localise(headquarters.cityNames, language).text}, ` : '';
  const title = h.title ?? d.title(sectorCode, period);
  const rows: HeaderRow[] = [
    { label: phrases.labels.source, text: h.source ?? d.source(bureauName(ctx, phrases, language)) },
    { label: phrases.labels.title, text: title },
    { label: phrases.labels.purpose, text: phrases.purposes[h.purpose] },
  ];
  if (h.contacts.length > 0) {
    rows.push({
      label: phrases.labels.contact,
      contacts: h.contacts.map((c) => ({
        lines: [c.name, c.organisation, c.country].filter((l): l is string => l !== null && l !== ''),
        tel: c.tel,
        email: c.email,
      })),
    });
  }
  rows.push(
    { label: phrases.labels.keywords, text: h.keywords ?? d.keywords },
    { label: phrases.labels.abstract, text: h.abstract ?? d.abstract(sectorCode, resolution25On(definition.to, language)) },
  );
  return {
    title,
    union: phrases.union,
    sectorBanner: phrases.sectorBanner[definition.sector as keyof Phrases['sectorBanner']] ?? null,
    studyPeriod: studyPeriod ? phrases.studyPeriod(studyPeriod) : null,
    group: ctx.advisoryGroup.code,
    documentNumber: h.documentNumber,
    reference: h.documentNumber ? `${ctx.advisoryGroup.code} ${h.documentNumber}` : ctx.advisoryGroup.code,
    original: phrases.original(languageName(definition.originalLanguage, language)),
    questionsLabel: phrases.labels.questions,
    questions: h.questions ?? phrases.noQuestions,
    placeAndDate: h.placeAndDate ?? `${place}${formatDay(ctx.today, language)}`,
    documentType: phrases.documentType,
    rows,
    labels: { tel: phrases.labels.tel, email: phrases.labels.email },
  };
}

// ---- activities into list items ----

const plain = (text: string): Block[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, inlines: [{ text: p }] }));

function placeOf(activity: Activity, phrases: Phrases, language: Language): string | null {
  const place = activity.place;
  if (!place) return null;
  const where = [place.city, place.country ? countryName(place.country, language, 'display') : null].filter(Boolean).join(language === 'zh' ? '' : ', ');
  if (place.mode === 'online') return where ? `${where} (${phrases.online})` : phrases.online;
  if (place.mode === 'hybrid') return where ? phrases.hybrid(where) : phrases.online;
  return where || null;
}

/** One list item: the activity's own description, or a sentence from its title, date, place and status. */
export function itemText(activity: Activity, language: Language, mode: ItemText): string {
  if (mode === 'description') {
    const description = textIn(activity.description, language, activity.originalLanguage);
    if (description && description.text.trim() !== '') return description.text.trim();
  }
  const phrases = PHRASES[language];
  const title = (textIn(activity.title, language, activity.originalLanguage)?.text ?? '').trim().replace(/[.。]$/, '');
  const parts = [title, formatFuzzyDate(activity.date, language), placeOf(activity, phrases, language)].filter((p): p is string => !!p);
  const note = activity.status === 'held' ? null : phrases.statusNotes[activity.status] ?? null;
  if (language === 'zh') return `${parts.join('，')}${note ?? ''}。`;
  return `${parts.join(language === 'ar' ? '، ' : ', ')}${note ? ` ${note}` : ''}.`;
}

/** Activities by the field office they are listed under: in each region, the first of their offices there. */
export function byOffice(activities: readonly Activity[], offices: ReadonlyMap<string, Office>): Map<string, Activity[]> {
  const grouped = new Map<string, Activity[]>();
  for (const activity of activities) {
    const regions = new Set<string>();
    for (const { office: code } of activity.offices) {
      const office = offices.get(code);
      if (!office || !isField(office) || regions.has(office.region)) continue;
      regions.add(office.region);
      const list = grouped.get(code) ?? [];
      list.push(activity);
      grouped.set(code, list);
    }
  }
  return grouped;
}

/**
 * Date order as reports write it: by when an activity ends, then when it starts, so the dated events
 * come first and the work that ran through the whole period follows; otherwise the register's order.
 */
export function inDateOrder(activities: readonly Activity[]): Activity[] {
  return [...activities].sort((a, b) => a.date.end.localeCompare(b.date.end) || a.date.start.localeCompare(b.date.start));
}

/** A numbered list of items; an item written twice for one office (one report item split into several activities) appears once. */
function numberedList(activities: readonly Activity[], language: Language, mode: ItemText, seen: Set<string>): Block | null {
  const items: Block[][] = [];
  for (const activity of inDateOrder(activities)) {
    const text = itemText(activity, language, mode);
    if (seen.has(text)) continue;
    seen.add(text);
    items.push(plain(text));
  }
  return items.length > 0 ? { kind: 'list', ordered: true, start: 1, items } : null;
}

function paragraph(text: string): Block {
  return { kind: 'paragraph', inlines: [{ text }] };
}

// ---- the frame every report shares ----

/** A region's section as the registry frames it. */
export interface RegionFrame {
  region: Region;
  /** "Africa – Regional Office for Africa" */
  title: string;
  /** The office the section is named after, if one is open. */
  main: Office | null;
  /** The region's field offices: the main one first, then the others by city. */
  offices: Office[];
}

/** What a report of the register and a compiled round have in common: cover, narrative, regions. */
export interface ReportFrame {
  header: HeaderView;
  /** The narrative sections that have text, numbered from 1. */
  narrative: Section[];
  regions: RegionFrame[];
  /** "The Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege.", head on the period's last day. */
  basedIn(office: Office): string;
  /** The office's name in the report's language. */
  officeName(office: Office): string;
}

export function reportFrame(definition: ReportDefinition, ctx: RegistryContext, language: Language): ReportFrame {
  const phrases = PHRASES[language];
  const name = (names: Office['names']) => localise(names, language).text;
  const headquarters = ctx.offices.find((o) => o.kind === 'headquarters') ?? null;

  const headOf = (office: Office): string | null => {
    const head = headOn(ctx.assignments, office.code, definition.to);
    return head ? phrases.honorific(head.person.honorific, head.person.name) : null;
  };
  const basedIn = (office: Office): string =>
    headquarters && atHeadquarters(office, headquarters)
      ? phrases.basedAtHeadquarters(name(office.names), name(headquarters.names), name(office.cityNames), headOf(office))
      : phrases.basedIn(name(office.names), name(office.cityNames), headOf(office));

  const narrative: Section[] = [];
  for (const section of resolveNarrative(definition, ctx, language)) {
    if (section.markdown.trim() === '') continue;
    narrative.push({ number: narrative.length + 1, title: section.title, kind: 'narrative', blocks: parseMarkdown(section.markdown) });
  }

  const regions = inReportOrder(ctx.regions).map((region): RegionFrame => {
    const main = mainOffice(ctx.offices, region.code, definition.to);
    const regionName = localise(region.names, language).text;
    const others = ctx.offices
      .filter((o) => o.region === region.code && isField(o) && o.code !== main?.code)
      .sort((a, b) => name(a.cityNames).localeCompare(name(b.cityNames), language));
    return {
      region,
      title: main ? phrases.regionHeading(regionName, name(main.names)) : regionName,
      main,
      offices: main ? [main, ...others] : others,
    };
  });

  return { header: resolveHeader(definition, ctx, language), narrative, regions, basedIn, officeName: (office) => name(office.names) };
}

// ---- the traversal ----

/** The whole report, ready for any renderer. */
export function buildReport(definition: ReportDefinition, ctx: ReportContext, language: Language): ReportTree {
  const phrases = PHRASES[language];
  const frame = reportFrame(definition, ctx, language);
  const { basedIn } = frame;
  const officeByCode = new Map(ctx.offices.map((o) => [o.code, o]));
  const period = formatPeriod(definition.from, definition.to, language);
  const bureau = bureauName(ctx, phrases, language);
  const sectorCode = phrases.defaults.sector(definition.sector);

  const sections: Section[] = [...frame.narrative];
  const grouped = byOffice(ctx.activities, officeByCode);
  const inPeriod = new Set(ctx.activities.map((a) => a.id));
  const later = byOffice(
    ctx.outlook.filter((a) => !inPeriod.has(a.id)),
    officeByCode,
  );
  const listed = new Set<string>();
  for (const { region, title, main, offices } of frame.regions) {
    const blocks: Block[] = [];
    if (main) blocks.push(paragraph(basedIn(main)));
    if (!offices.some((o) => grouped.has(o.code))) blocks.push(paragraph(phrases.nothingReported));
    for (const office of offices) {
      const items = grouped.get(office.code) ?? [];
      const after = later.get(office.code) ?? [];
      if (items.length === 0 && after.length === 0) continue;
      const seen = new Set<string>();
      if (items.length > 0) {
        blocks.push(
          paragraph(
            office === main ? phrases.periodSentence(period, frame.officeName(office), sectorCode, bureau) : `${basedIn(office)} ${phrases.areaOfficeList}`,
          ),
          numberedList(items, language, definition.itemText, seen)!,
        );
      } else if (office !== main) {
        blocks.push(paragraph(basedIn(office)));
      }
      const outlook = numberedList(after, language, definition.itemText, seen);
      if (outlook) blocks.push(paragraph(phrases.afterPeriod), outlook);
      for (const a of [...items, ...after]) listed.add(a.id);
    }
    sections.push({ number: sections.length + 1, title, kind: 'region', region: region.code, blocks });
  }

  return {
    language,
    direction: language === 'ar' ? 'rtl' : 'ltr',
    fileName: fileNameOf(definition, ctx),
    header: frame.header,
    sections,
    activityCount: listed.size,
    draft: null,
  };
}

/** "TSAG-TD-120-Rev.1-2020-01-01-2020-08-31": safe in a Content-Disposition header and on every disk. */
export function fileNameOf(definition: Pick<ReportDefinition, 'header' | 'from' | 'to'>, ctx: Pick<RegistryContext, 'advisoryGroup'>): string {
  const parts = [ctx.advisoryGroup.code, definition.header.documentNumber ?? 'report', definition.from, definition.to];
  return parts
    .join('-')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
}
