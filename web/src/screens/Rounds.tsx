/**
 * Reporting rounds, newest period first, each with its state and counts and a link to its board;
 * focal points and admins open a new one (or copy an earlier one) here.
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { CountsLine } from '../rounds/Counts.tsx';
import { screens, type RoundSummary } from '../rounds/model.ts';
import { RoundForm } from '../rounds/RoundForm.tsx';
import { roundName } from '../rounds/RoundHeading.tsx';
import { useUser } from '../session.tsx';

export default function Rounds() {
  const { t, formatDate } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const [rounds, setRounds] = useState<RoundSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [opening, setOpening] = useState(false);
  const mayOpen = user.role === 'focal-point' || user.role === 'admin';

  useEffect(() => {
    api<{ data: RoundSummary[] }>('GET', '/api/rounds').then((page) => setRounds(page.data), setError);
  }, []);

  return (
    <>
      <h1>{t('rounds.list.title')}</h1>
      <ErrorAlert error={error} />
      {mayOpen ? (
        <p className="actions">
          <button type="button" aria-expanded={opening} onClick={() => setOpening((now) => !now)}>
            {t('rounds.list.open')}
          </button>
        </p>
      ) : null}
      {opening && rounds ? <RoundForm rounds={rounds} onOpened={(round) => navigate(screens.board(round.code))} /> : null}
      {rounds && rounds.length === 0 ? <p>{t('rounds.list.none')}</p> : null}
      {rounds && rounds.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rounds.list.round')}</th>
              <th scope="col">{t('rounds.list.period')}</th>
              <th scope="col">{t('rounds.list.due')}</th>
              <th scope="col">{t('rounds.list.state')}</th>
              <th scope="col">{t('rounds.list.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((round) => (
              <tr key={round.code}>
                <th scope="row">
                  <Link to={screens.board(round.code)}>{roundName(round)}</Link>
                  <div className="meta">
                    <bdi>{round.code}</bdi>
                  </div>
                </th>
                <td>
                  {formatDate(round.from)} – {formatDate(round.to)}
                </td>
                <td>{formatDate(round.due)}</td>
                <td>{t(`rounds.roundState.${round.state}`)}</td>
                <td>
                  <CountsLine counts={round.counts} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
