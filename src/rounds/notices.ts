/**
 * The notices of a reporting round, in each recipient's language (notices.json of each language under locales/): the
 * round opens, the due day nears or has passed, changes are requested, a contribution is accepted
 * (to the office's editors), a contribution is submitted (to the reviewers, who may take it in
 * their daily digest). Each has a key that names the notice once: the outbox skips a key it holds,
 * so several instances or a retried job never send one twice. Pure: the caller writes them.
 */
import type { Language } from '#src/platform/i18n.ts';
import { formatDay } from '#src/platform/intl.ts';
import { translator } from '#src/platform/messages.ts';
import { localise, type Office } from '#src/registry/model.ts';
import { formatPeriod } from '#src/reports/phrases.ts';
import type { Round } from './model.ts';

export type RoundEvent =
  | { kind: 'opened' }
  | { kind: 'reminder'; daysBefore: number }
  | { kind: 'late' }
  | { kind: 'changes_requested'; version: number; comment: string }
  | { kind: 'accepted'; version: number }
  | { kind: 'submitted'; version: number };

export interface Recipient {
  id: string;
  email: string;
  name: string;
  language: Language;
}

/** What the outbox takes (mail's OutgoingMail). */
export interface Notice {
  to: string;
  toName?: string;
  language: Language;
  subject: string;
  text: string;
  key: string;
  digestible?: boolean;
}

/** Where a contribution is read and written in the workspace. */
export const contributionLink = (baseUrl: string, round: string, office: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/app/rounds/${encodeURIComponent(round)}/offices/${encodeURIComponent(office)}`;

/** Once per notice: the round, what happened (with the contribution's version when it can happen again), the office, the person. */
export function noticeKey(round: string, event: RoundEvent, office: string, recipient: string): string {
  const what =
    event.kind === 'reminder' ? `due-in-${event.daysBefore}` : event.kind === 'opened' || event.kind === 'late' ? event.kind : `${event.kind}-v${event.version}`;
  return `round:${round}:${what}:${office}:${recipient}`;
}

export function roundNotice(event: RoundEvent, round: Round, office: Office, recipient: Recipient, baseUrl: string): Notice {
  const { t } = translator(recipient.language);
  const language = recipient.language;
  const params = {
    round: round.code,
    group: round.advisoryGroup,
    meeting: round.meeting,
    period: formatPeriod(round.from, round.to, language),
    due: formatDay(round.due, language),
    office: localise(office.names, language).text,
    link: contributionLink(baseUrl, round.code, office.code),
    days: event.kind === 'reminder' ? event.daysBefore : 0,
    comment: event.kind === 'changes_requested' ? event.comment : '',
  };
  const area = `notices.${event.kind === 'changes_requested' ? 'changesRequested' : event.kind}`;
  return {
    to: recipient.email,
    toName: recipient.name,
    language,
    subject: t(`${area}.subject`, params),
    text: `${t(`${area}.body`, params)}\n\n${t('notices.link', params)}\n`,
    key: noticeKey(round.code, event, office.code, recipient.id),
    ...(event.kind === 'submitted' ? { digestible: true } : {}),
  };
}
