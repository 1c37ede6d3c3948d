/**
 * A round's board: its counts on top, one row per office asked (state, last change and by whom,
 * items, linked activities, possible omissions, due and late, a link to the contribution); the
 * compiled report previewed and downloaded (a draft naming the missing offices until all are
 * accepted); the cover and common sections; closing the round once the report is issued.
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { AnnexChoice, withAnnex } from '../reports/AnnexChoice.tsx';
import { useI18n } from '../i18n.tsx';
import { CountsLine } from '../rounds/Counts.tsx';
import { compiledUrl, roundPath, ROUND_FORMATS, screens, type Board, type Round } from '../rounds/model.ts';
import { roundName, RoundLine } from '../rounds/RoundHeading.tsx';
import { StateBadge } from '../rounds/StateBadge.tsx';
import { useUser } from '../session.tsx';

function Compile({ board }: { board: Board }) {
  const { t, language } = useI18n();
  const [previewing, setPreviewing] = useState(false);
  const [annex, setAnnex] = useState(false);
  const { round, contributions } = board;
  const missing = contributions.filter((row) => row.state !== 'accepted');
  const draft = missing.length > 0;
  return (
    <section aria-labelledby="compile-title" className="compile">
      <h2 id="compile-title">{t('rounds.board.compile')}</h2>
      {draft ? (
        <p className="banner">{t('rounds.board.draftHelp', { offices: new Intl.ListFormat(language, { type: 'conjunction' }).format(missing.map((row) => row.officeName)) })}</p>
      ) : (
        <p>{t('rounds.board.completeHelp')}</p>
      )}
      <p className="actions">
        <AnnexChoice checked={annex} onChange={setAnnex} />
      </p>
      <p className="actions downloads">
        {ROUND_FORMATS.map((format) => (
          <a key={format} href={withAnnex(compiledUrl(round.code, format, language, draft), annex)} download>
            {draft ? t('rounds.board.downloadDraft', { format: format.toUpperCase() }) : t('app.reports.download', { format: format.toUpperCase() })}
          </a>
        ))}
        <button type="button" aria-expanded={previewing} onClick={() => setPreviewing((now) => !now)}>
          {previewing ? t('rounds.board.hidePreview') : t('rounds.board.showPreview')}
        </button>
      </p>
      {previewing ? <iframe key={round.version} className="preview" title={t('rounds.board.previewTitle')} src={withAnnex(compiledUrl(round.code, 'html', language, draft), annex)} /> : null}
    </section>
  );
}

export default function RoundBoard() {
  const { t, formatDate, formatNumber } = useI18n();
  const { code = '' } = useParams();
  const user = useUser();
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<unknown>(null);
  const manages = user.role === 'focal-point' || user.role === 'admin';

  const load = useCallback(() => {
    api<Board>('GET', `${roundPath(code)}/board`).then(setBoard, setError);
  }, [code]);
  useEffect(load, [load]);

  const closeOrReopen = async () => {
    if (!board) return;
    setError(null);
    try {
      await api<Round>('POST', `${roundPath(code)}/${board.round.state === 'open' ? 'close' : 'reopen'}`, { body: { version: board.round.version } });
      load();
    } catch (caught) {
      setError(caught);
    }
  };

  if (!board) return error ? <ErrorAlert error={error} /> : <p role="status">{t('app.loading')}</p>;
  const { round, contributions } = board;
  return (
    <>
      <p>
        <Link to={screens.rounds}>{t('rounds.list.back')}</Link>
      </p>
      <h1>{roundName(round)}</h1>
      <RoundLine round={round} />
      <p className="board-counts">
        <CountsLine counts={round.counts} />
      </p>
      <ErrorAlert error={error} />
      {manages ? (
        <p className="actions">
          <Link to={screens.cover(code)}>{t('rounds.board.cover')}</Link>
          <button type="button" onClick={() => void closeOrReopen()}>
            {round.state === 'open' ? t('rounds.board.close') : t('rounds.board.reopen')}
          </button>
        </p>
      ) : null}
      <table className="board">
        <caption className="visually-hidden">{t('rounds.board.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rounds.board.office')}</th>
            <th scope="col">{t('rounds.board.state')}</th>
            <th scope="col">{t('rounds.board.lastChange')}</th>
            <th scope="col" className="number">{t('rounds.board.items')}</th>
            <th scope="col" className="number">{t('rounds.board.linked')}</th>
            <th scope="col" className="number">{t('rounds.board.omissions')}</th>
            <th scope="col">{t('rounds.board.due')}</th>
          </tr>
        </thead>
        <tbody>
          {contributions.map((row) => (
            <tr key={row.office} className={row.late ? 'is-late' : undefined}>
              <th scope="row">
                <Link to={screens.contribution(code, row.office)}>{row.officeName}</Link>
              </th>
              <td>
                <StateBadge state={row.state} />
              </td>
              <td>
                {row.lastChange ? (
                  <>
                    {formatDate(row.lastChange.at, true)}
                    <div className="meta">
                      <bdi>{row.lastChange.by}</bdi>
                    </div>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="number">{formatNumber(row.items)}</td>
              <td className="number">{formatNumber(row.linkedActivities)}</td>
              <td className="number">{row.omissions > 0 ? <strong className="warning">{formatNumber(row.omissions)}</strong> : formatNumber(row.omissions)}</td>
              <td>
                {formatDate(round.due)}
                {row.late ? <strong className="late"> · {t('rounds.late')}</strong> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Compile board={board} />
    </>
  );
}
