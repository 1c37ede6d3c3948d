/** A contribution's state in the user's words, and whether it is late; its history of transitions. */
import { useI18n } from '../i18n.tsx';
import type { ContributionState, Transition } from './model.ts';

export function StateBadge({ state, late = false }: { state: ContributionState; late?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`state state-${state}`}>
      {t(`rounds.state.${state}`)}
      {late ? <span className="late"> · {t('rounds.late')}</span> : null}
    </span>
  );
}

/** Every transition, newest first: who moved it, when, from what to what, with what comment. */
export function ContributionHistory({ history }: { history: readonly Transition[] }) {
  const { t, formatDate } = useI18n();
  if (history.length === 0) return <p>{t('rounds.history.none')}</p>;
  return (
    <ol className="cards history-list" reversed>
      {[...history].reverse().map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <span>
            {t('rounds.history.entry', { from: t(`rounds.state.${entry.from}`), to: t(`rounds.state.${entry.to}`) })}
          </span>
          <span className="meta">
            <bdi>{entry.by}</bdi> · {formatDate(entry.at, true)}
          </span>
          {entry.comment ? (
            <blockquote className="comment-text" dir="auto">
              {entry.comment}
            </blockquote>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
