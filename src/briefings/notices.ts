/**
 * A briefing as text, in its own language (locales/<lang>/briefings.json): the mail to the
 * director and the focal points (each given the copy in their language), and the plain-text
 * rendering. Pure: the caller writes the mail.
 */
import type { OutgoingMail } from '#src/mail/model.ts';
import type { Language } from '#src/platform/i18n.ts';
import { dateFormat, formatDay } from '#src/platform/intl.ts';
import { translator } from '#src/platform/messages.ts';
import type { ActionLine, BriefingContent, Counts, Recipient } from './model.ts';

/** "July 2020" in the language. */
export function formatPeriod(code: string, language: Language): string {
  return dateFormat(language, 'month').format(new Date(`${code}-01T00:00:00Z`));
}

export const briefingLink = (baseUrl: string, id: string): string => `${baseUrl.replace(/\/+$/, '')}/app/briefings/${encodeURIComponent(id)}`;

export function briefingSubject(content: BriefingContent): string {
  const { t } = translator(content.language);
  return t('briefings.mail.subject', { bureau: content.bureau, period: formatPeriod(content.period.code, content.language) });
}

function countsLine(counts: Counts, t: (key: string, params?: Record<string, string | number>) => string): string {
  return t('briefings.counts', { held: counts.held, planned: counts.planned, meetings: counts.meetings, actions: counts.openActions });
}

/** The briefing's text: the note, the totals, then each region with its offices, meetings and open action items. */
export function briefingText(content: BriefingContent, note: string | null): string {
  const { language } = content;
  const { t } = translator(language);
  const day = (iso: string): string => formatDay(iso.slice(0, 10), language);
  const action = (a: ActionLine): string => `  - ${a.text} (${a.owner}; ${t('briefings.due', { day: day(a.due) })}${a.overdue ? `; ${t('briefings.overdue')}` : ''})`;
  const lines: string[] = [
    t('briefings.mail.heading', { bureau: content.bureau, period: formatPeriod(content.period.code, language) }),
    content.director ? t('briefings.mail.for', { name: content.director.name }) : t('briefings.delivery.no-director'),
    '',
  ];
  if (note) lines.push(t('briefings.note.heading'), note, '');
  lines.push(`${t('briefings.totals')}: ${countsLine(content.totals, t)}`, '');
  for (const region of content.regions) {
    lines.push(`== ${region.name} ==`, countsLine(region.counts, t));
    for (const office of region.offices) {
      if (office.held.length + office.planned.length + office.contributions.length === 0) continue;
      lines.push('', `* ${office.name}`);
      if (office.held.length) lines.push(`  ${t('briefings.held', { period: formatPeriod(content.period.code, language) })}:`, ...office.held.map((i) => `  - ${i.title} (${i.when})`));
      if (office.planned.length) lines.push(`  ${t('briefings.planned', { period: formatPeriod(content.next.code, language) })}:`, ...office.planned.map((i) => `  - ${i.title} (${i.when}; ${t(`briefings.status.${i.status}`)})`));
      for (const c of office.contributions) lines.push(`  ${t('briefings.contribution', { round: c.round, state: t(`rounds.state.${c.state}`), due: day(c.due) })}`);
    }
    if (region.meetings.length) lines.push('', `${t('briefings.meetings')}:`, ...region.meetings.map((m) => `  - ${m.series}, ${day(m.startAt)}`));
    if (region.openActions.length) lines.push('', `${t('briefings.openActions')}:`, ...region.openActions.map(action));
    lines.push('');
  }
  if (content.otherActions.length) lines.push(`${t('briefings.otherActions')}:`, ...content.otherActions.map(action), '');
  return lines.join('\n');
}

/** One mail per recipient, in the language of the copy it is given (the recipient's), each once by its key: the briefing and the recipient. */
export function briefingMail(id: string, content: BriefingContent, note: string | null, recipient: Recipient, baseUrl: string): OutgoingMail {
  const { t } = translator(content.language);
  return {
    to: recipient.email,
    toName: recipient.name,
    language: content.language,
    subject: briefingSubject(content),
    text: `${briefingText(content, note)}\n${t('briefings.mail.link', { link: briefingLink(baseUrl, id) })}\n`,
    key: `briefing:${id}:${recipient.email.toLowerCase()}`,
  };
}
