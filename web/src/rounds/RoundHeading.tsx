/** What a round is for, in one line: Sector, group, meeting, period and due date. */
import { isolate, useI18n } from '../i18n.tsx';
import type { RoundSummary } from './model.ts';

export function roundName(round: Pick<RoundSummary, 'sector' | 'meeting'>): string {
  return `${round.sector} · ${round.meeting}`;
}

export function RoundLine({ round }: { round: RoundSummary }) {
  const { t, formatDate } = useI18n();
  return (
    <p className="meta round-line">
      {t('rounds.line', { group: isolate(round.advisoryGroup), from: isolate(formatDate(round.from)), to: isolate(formatDate(round.to)), due: isolate(formatDate(round.due)) })}
      {round.state === 'closed' ? ` · ${t('rounds.roundState.closed')}` : null}
    </p>
  );
}
