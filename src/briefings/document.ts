/**
 * A briefing as a report tree, so the reports' renderers print it in the organisation's style
 * (DOCX, PDF, HTML, Markdown), in the briefing's own language: the note, the totals, one section
 * per region (its offices' held and planned activities and contributions, the meetings held, the
 * open action items), then the other open action items. A draft is marked DRAFT. Pure: no I/O.
 */
import { formatDay } from '#src/platform/intl.ts';
import { translator } from '#src/platform/messages.ts';
import type { Block, Inline, ReportTree, Section } from '#src/reports/tree.ts';
import type { ActionLine, Briefing } from './model.ts';
import { formatPeriod } from './notices.ts';

const para = (text: string, extra: Partial<Inline> = {}): Block => ({
  kind: 'paragraph',
  inlines: text.split(/\r?\n/).map((line, n) => (n === 0 ? { text: line, ...extra } : { text: line, break: true, ...extra })),
});
const list = (lines: readonly string[]): Block => ({ kind: 'list', ordered: false, start: 1, items: lines.map((line) => [para(line)]) });
const sub = (text: string): Block => ({ kind: 'subheading', inlines: [{ text }] });

export function briefingTree(briefing: Briefing): ReportTree {
  const { content } = briefing;
  const language = content.language;
  const { t, direction } = translator(language);
  const day = (iso: string): string => formatDay(iso.slice(0, 10), language);
  const month = formatPeriod(content.period.code, language);
  const counts = (c: { held: number; planned: number; meetings: number; openActions: number }) => t('briefings.counts', { held: c.held, planned: c.planned, meetings: c.meetings, actions: c.openActions });
  const action = (a: ActionLine): string => `${a.text} (${a.owner}; ${t('briefings.due', { day: day(a.due) })}${a.overdue ? `; ${t('briefings.overdue')}` : ''})`;

  const sections: Section[] = [];
  const add = (title: string, blocks: Block[]): void => {
    sections.push({ number: sections.length + 1, title, kind: 'narrative', blocks: blocks.length ? blocks : [para('—')] });
  };
  if (briefing.note) add(t('briefings.note.heading'), [para(briefing.note)]);
  add(t('briefings.totals'), [para(counts(content.totals))]);
  for (const region of content.regions) {
    const blocks: Block[] = [para(counts(region.counts))];
    for (const office of region.offices) {
      if (office.held.length + office.planned.length + office.contributions.length === 0) continue;
      blocks.push(sub(office.name));
      if (office.held.length) blocks.push(para(`${t('briefings.held', { period: month })}:`), list(office.held.map((i) => `${i.title} (${i.when})`)));
      if (office.planned.length) blocks.push(para(`${t('briefings.planned', { period: formatPeriod(content.next.code, language) })}:`), list(office.planned.map((i) => `${i.title} (${i.when}; ${t(`briefings.status.${i.status}`)})`)));
      for (const c of office.contributions) blocks.push(para(t('briefings.contribution', { round: c.round, state: t(`rounds.state.${c.state}`), due: day(c.due) })));
    }
    if (region.meetings.length) blocks.push(sub(t('briefings.meetings')), list(region.meetings.map((m) => `${m.series}, ${day(m.startAt)} · ${t(`briefings.minutes.${m.minutesState}`)}`)));
    if (region.openActions.length) blocks.push(sub(t('briefings.openActions')), list(region.openActions.map(action)));
    add(region.name, blocks);
  }
  if (content.otherActions.length) add(t('briefings.otherActions'), [list(content.otherActions.map(action))]);

  const title = t('briefings.mail.heading', { bureau: content.bureau, period: month });
  return {
    language,
    direction,
    fileName: `${content.bureau.toLowerCase()}-briefing-${content.period.code}`,
    header: {
      title,
      union: t('meetings.minutes.union'),
      sectorBanner: null,
      studyPeriod: null,
      group: content.bureau,
      documentNumber: null,
      reference: `${content.bureau} ${content.period.code}`,
      original: '',
      questionsLabel: t('briefings.column.director'),
      questions: content.director ? `${content.director.name}${content.director.title ? `, ${content.director.title}` : ''}` : '—',
      placeAndDate: briefing.sentAt ? day(briefing.sentAt) : day(briefing.composedAt),
      documentType: t('briefings.doc.type'),
      rows: [
        { label: t('app.field.title'), text: title },
        { label: t('briefings.column.state'), text: briefing.sentAt ? t('briefings.sentOn', { when: day(briefing.sentAt), by: briefing.sentBy ?? '' }) : t('briefings.state.draft') },
      ],
      labels: { tel: t('meetings.minutes.tel'), email: t('meetings.minutes.email') },
    },
    sections,
    activityCount: content.totals.held + content.totals.planned,
    draft: briefing.state === 'sent' ? null : { mark: t('meetings.minutes.draftMark'), notice: t('briefings.doc.draftNotice'), missing: [] },
  };
}
