/**
 * The signed-in editor's contributions in open rounds (for a focal point: those waiting for their
 * review): each with its round, state, due date and whether late, and the focal point's latest
 * comments. On "My office" and on its own screen.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { CommentList } from './Comments.tsx';
import { screens, type MyContribution } from './model.ts';
import { roundName } from './RoundHeading.tsx';
import { StateBadge } from './StateBadge.tsx';

export function useMyContributions(): { data: MyContribution[] | null; error: unknown } {
  const [data, setData] = useState<MyContribution[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<{ data: MyContribution[] }>('GET', '/api/me/contributions').then((page) => setData(page.data), setError);
  }, []);
  return { data, error };
}

export function MyContributionsList({ data, error }: { data: MyContribution[] | null; error: unknown }) {
  const { t, formatDate } = useI18n();
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <p role="status">{t('app.loading')}</p>;
  if (data.length === 0) return <p>{t('rounds.mine.none')}</p>;
  return (
    <ul className="cards contributions">
      {data.map((entry) => (
        <li key={`${entry.round.code}/${entry.office}`} className={entry.late ? 'is-late' : undefined}>
          <Link to={screens.contribution(entry.round.code, entry.office)}>{t('rounds.mine.entry', { round: roundName(entry.round), office: entry.officeName })}</Link>
          <span className="meta">
            <StateBadge state={entry.state} late={entry.late} /> · {t('rounds.dueOn', { due: formatDate(entry.due) })}
          </span>
          {entry.latestComments.length > 0 ? (
            <div className="latest-comments">
              <span className="meta">{t('rounds.mine.latestComments')}</span>
              <CommentList comments={entry.latestComments} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
