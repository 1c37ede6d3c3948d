/**
 * An office's annual plan as a report tree (reports/tree.ts), so the reports' renderers lay it out
 * in the organisation's style (DOCX, PDF, HTML, Markdown): a header like a TD's, then a section per
 * Sector with, for each output or regional initiative, the office's text and a table of the
 * activities under it; the activities linked to none last. Pure: no I/O.
 */
import { formatFuzzyDate } from '#src/activities/fuzzy-date.ts';
import { textIn, type Activity } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import { formatDay } from '#src/platform/intl.ts';
import { translator, type Translator } from '#src/platform/messages.ts';
import { localise, type Body, type Office } from '#src/registry/model.ts';
import { PHRASES } from '#src/reports/phrases.ts';
import type { Block, HeaderView, ReportTree, Section } from '#src/reports/tree.ts';
import { activityTitle, itemHeading } from './annex.ts';
import type { AnnualPlanByOutput } from './model.ts';

export interface AnnualPlanDocumentInput {
  office: Office;
  year: number;
  plan: AnnualPlanByOutput;
  bodies: readonly Body[];
  /** ISO day the document is made. */
  today: string;
}

const yearText = (year: number, language: Language) => new Intl.NumberFormat(language, { useGrouping: false }).format(year);

function activityTable(t: Translator, caption: string, list: readonly Activity[]): Block {
  const language = t.language;
  return {
    kind: 'table',
    caption,
    columns: [t.t('annualplan.annex.activity'), t.t('annualplan.annex.date'), t.t('annualplan.annex.status')],
    rows: list.map((a) => [activityTitle(a, language), formatFuzzyDate(a.date, language), t.t(`site.status.${a.status}`)]),
  };
}

const paragraphs = (text: string, italic = false): Block[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, inlines: [{ text: p, ...(italic ? { italic } : {}) }] }));

export function annualPlanDocument(input: AnnualPlanDocumentInput, language: Language): ReportTree {
  const t = translator(language);
  const phrases = PHRASES[language];
  const { office, plan } = input;
  const officeName = localise(office.names, language).text;
  const year = yearText(input.year, language);
  const title = t.t('annualplan.document.title', { office: officeName, year });
  const sections: Section[] = plan.groups.map((group, n) => {
    const sector = input.bodies.find((b) => b.code === group.sector);
    const blocks: Block[] = group.entries.flatMap((entry) => {
      const own = entry.text ? textIn(entry.text, language, 'en') : null;
      return [
        { kind: 'subheading' as const, inlines: [{ text: itemHeading(entry.item, language) }] },
        ...(own ? paragraphs(own.text) : paragraphs(t.t('annualplan.noText'), true)),
        ...(entry.activities.length > 0 ? [activityTable(t, t.t('annualplan.activitiesUnder'), entry.activities)] : paragraphs(t.t('annualplan.noActivities'), true)),
      ];
    });
    return { number: n + 1, title: sector ? `${sector.code} – ${localise(sector.names, language).text}` : group.sector, kind: 'narrative', blocks };
  });
  if (plan.unlinked.length > 0) {
    sections.push({ number: sections.length + 1, title: t.t('annualplan.unlinked'), kind: 'narrative', blocks: [activityTable(t, t.t('annualplan.unlinkedCaption'), plan.unlinked)] });
  }
  if (sections.length === 0) sections.push({ number: 1, title: t.t('annualplan.byOutput'), kind: 'narrative', blocks: paragraphs(t.t('annualplan.empty', { year })) });
  const place = `${localise(office.cityNames, language).text}, ${formatDay(input.today, language)}`;
  const header: HeaderView = {
    title,
    union: phrases.union,
    sectorBanner: null,
    studyPeriod: null,
    group: year,
    documentNumber: null,
    reference: title,
    original: '',
    questionsLabel: t.t('annualplan.document.office'),
    questions: officeName,
    placeAndDate: place,
    documentType: t.t('annualplan.document.type', { year }),
    rows: [
      { label: phrases.labels.source, text: officeName },
      { label: phrases.labels.title, text: title },
      { label: phrases.labels.abstract, text: t.t('annualplan.document.abstract', { office: officeName, year }) },
    ],
    labels: { tel: phrases.labels.tel, email: phrases.labels.email },
  };
  const activityIds = new Set([...plan.groups.flatMap((g) => g.entries.flatMap((e) => e.activities.map((a) => a.id))), ...plan.unlinked.map((a) => a.id)]);
  return {
    language,
    direction: language === 'ar' ? 'rtl' : 'ltr',
    fileName: `annual-plan-${office.code}-${input.year}`,
    header,
    sections,
    activityCount: activityIds.size,
    draft: null,
  };
}
