/**
 * The minutes of an occurrence as a report tree, so the reports' renderers print them in the
 * organisation's style (DOCX, PDF, HTML, Markdown): a header naming the meeting, its date, chair
 * and state; then attendance, one section per minuted item (notes and decisions), and the action
 * items raised. A draft is marked DRAFT on every page until the chair approves. Pure: no I/O.
 */
import type { Language } from '#src/platform/i18n.ts';
import { formatDay, listOf } from '#src/platform/intl.ts';
import { translator } from '#src/platform/messages.ts';
import { localise } from '#src/registry/model.ts';
import type { Block, Inline, ReportTree, Section } from '#src/reports/tree.ts';
import type { OccurrenceDetails } from './service.ts';
import { formatStart } from './notices.ts';

const para = (text: string, extra: Partial<Inline> = {}): Block => ({
  kind: 'paragraph',
  inlines: text.split(/\r?\n/).map((line, n) => (n === 0 ? { text: line, ...extra } : { text: line, break: true, ...extra })),
});

export function minutesTree(found: Pick<OccurrenceDetails, 'series' | 'occurrence' | 'offices' | 'attendance' | 'raised'>, language: Language): ReportTree {
  const { t, direction } = translator(language);
  const { series, occurrence } = found;
  const minutes = occurrence.minutes ?? { items: [] };
  const officeName = new Map(found.offices.map((o) => [o.code, localise(o.names, language).text]));
  const approved = occurrence.minutesState === 'approved';

  const attendanceBlocks: Block[] = (['present', 'excused', 'absent'] as const).flatMap((state) => {
    const names = found.attendance.filter((a) => a.state === state).map((a) => officeName.get(a.office) ?? a.office);
    return names.length > 0 ? [para(`${t(`meetings.attendance.${state}`)}: ${listOf(names, language)}`)] : [];
  });
  const sections: Section[] = [{ number: 1, title: t('meetings.minutes.attendance'), kind: 'narrative', blocks: attendanceBlocks.length > 0 ? attendanceBlocks : [para('—')] }];
  for (const item of minutes.items) {
    const blocks: Block[] = [];
    if (item.notes.trim()) blocks.push(para(item.notes.trim()));
    if (item.decisions.length > 0) {
      blocks.push({ kind: 'subheading', inlines: [{ text: t('meetings.minutes.decisions') }] });
      blocks.push({ kind: 'list', ordered: true, start: 1, items: item.decisions.map((d) => [para(d)]) });
    }
    sections.push({ number: sections.length + 1, title: item.title, kind: 'narrative', blocks: blocks.length > 0 ? blocks : [para('—')] });
  }
  if (found.raised.length > 0) {
    sections.push({
      number: sections.length + 1,
      title: t('meetings.minutes.actions'),
      kind: 'narrative',
      blocks: [
        {
          kind: 'list',
          ordered: true,
          start: 1,
          items: found.raised.map((a) => [para(t('meetings.minutes.actionLine', { text: a.text, owner: a.ownerLabel, due: formatDay(a.due, language), status: t(`meetings.action.status.${a.status}`) }))]),
        },
      ],
    });
  }
  const when = formatStart(occurrence.startAt, series.timeZone, language);
  const title = t('meetings.minutes.title', { title: series.title, date: formatDay(occurrence.startAt.slice(0, 10), language) });
  const reference = `${series.bureau} ${t('meetings.minutes.short')} ${occurrence.startAt.slice(0, 10)}`;
  return {
    language,
    direction,
    fileName: `${series.code}-${occurrence.startAt.slice(0, 10)}-minutes`,
    header: {
      title,
      union: t('meetings.minutes.union'),
      sectorBanner: null,
      studyPeriod: null,
      group: series.bureau,
      documentNumber: null,
      reference,
      original: '',
      questionsLabel: t('meetings.minutes.kind'),
      questions: t(`meetings.kind.${series.kind}`),
      placeAndDate: when,
      documentType: t('meetings.minutes.documentType'),
      rows: [
        { label: t('meetings.minutes.meeting'), text: series.title },
        { label: t('meetings.minutes.chair'), text: series.chairLabel },
        { label: t('meetings.minutes.state'), text: approved ? t('meetings.minutes.approvedBy', { by: occurrence.minutesApprovedBy ?? '', at: formatDay((occurrence.minutesApprovedAt ?? '').slice(0, 10) || occurrence.startAt.slice(0, 10), language) }) : t('meetings.minutesState.draft') },
      ],
      labels: { tel: t('meetings.minutes.tel'), email: t('meetings.minutes.email') },
    },
    sections,
    activityCount: 0,
    draft: approved ? null : { mark: t('meetings.minutes.draftMark'), notice: t('meetings.minutes.draftNotice'), missing: [] },
  };
}
