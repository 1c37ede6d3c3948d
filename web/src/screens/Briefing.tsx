/**
 * One director briefing: the focal point's note, where it goes, then per region what the offices
 * held and plan, their contributions, the meetings held and the open action items. While it is a
 * draft, the bureau's focal points (and admins) edit the note and send it; once sent it is shown
 * as sent, with whom it went to. What the briefing says is in the director's language (marked so).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import type { BriefingResponse } from '#src/briefings/schemas.ts';
import { Confirm } from '../Confirm.tsx';
import { ErrorAlert } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { formatMonth } from '../briefings.ts';

type Content = BriefingResponse['content'];
type Action = Content['otherActions'][number];

function Actions({ actions, lang }: { actions: Action[]; lang: string }) {
  const { t, formatDate } = useI18n();
  return (
    <ul lang={lang}>
      {actions.map((a) => (
        <li key={a.id}>
          <span dir="auto">{a.text}</span> — <span dir="auto">{a.owner}</span>, {t('briefings.due', { day: formatDate(a.due) })}
          {a.overdue ? <strong> · {t('briefings.overdue')}</strong> : null}
        </li>
      ))}
    </ul>
  );
}

function Regions({ content }: { content: Content }) {
  const { t, language, formatDate } = useI18n();
  const counts = (c: { held: number; planned: number; meetings: number; openActions: number }) => t('briefings.counts', { held: c.held, planned: c.planned, meetings: c.meetings, actions: c.openActions });
  return (
    <>
      <p>
        <strong>{t('briefings.totals')}:</strong> {counts(content.totals)}
      </p>
      {content.regions.map((region) => (
        <section key={region.code} aria-labelledby={`region-${region.code}`}>
          <h2 id={`region-${region.code}`} lang={content.language}>
            {region.name}
          </h2>
          <p>{counts(region.counts)}</p>
          {region.offices
            .filter((o) => o.held.length + o.planned.length + o.contributions.length > 0)
            .map((office) => (
              <div key={office.code}>
                <h3 lang={content.language}>{office.name}</h3>
                {office.held.length ? (
                  <>
                    <h4>{t('briefings.held', { period: formatMonth(content.period.code, language) })}</h4>
                    <ul lang={content.language}>
                      {office.held.map((i) => (
                        <li key={i.id}>
                          <Link to={`/activities/${i.id}`} dir="auto">
                            {i.title}
                          </Link>{' '}
                          ({i.when})
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {office.planned.length ? (
                  <>
                    <h4>{t('briefings.planned', { period: formatMonth(content.next.code, language) })}</h4>
                    <ul lang={content.language}>
                      {office.planned.map((i) => (
                        <li key={i.id}>
                          <Link to={`/activities/${i.id}`} dir="auto">
                            {i.title}
                          </Link>{' '}
                          ({i.when}; {t(`briefings.status.${i.status}`)})
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {office.contributions.length ? (
                  <ul>
                    {office.contributions.map((c) => (
                      <li key={c.round}>{t('briefings.contribution', { round: c.round, state: t(`rounds.state.${c.state}`), due: formatDate(c.due) })}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            ))}
          {region.meetings.length ? (
            <>
              <h3>{t('briefings.meetings')}</h3>
              <ul lang={content.language}>
                {region.meetings.map((m) => (
                  <li key={m.id}>
                    <Link to={`/meetings/occurrences/${m.id}`} dir="auto">
                      {m.series}
                    </Link>
                    , {formatDate(m.startAt.slice(0, 10))} · {t(`briefings.minutes.${m.minutesState}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {region.openActions.length ? (
            <>
              <h3>{t('briefings.openActions')}</h3>
              <Actions actions={region.openActions} lang={content.language} />
            </>
          ) : null}
        </section>
      ))}
      {content.otherActions.length ? (
        <section aria-labelledby="other-actions">
          <h2 id="other-actions">{t('briefings.otherActions')}</h2>
          <Actions actions={content.otherActions} lang={content.language} />
        </section>
      ) : null}
    </>
  );
}

export default function Briefing() {
  const { id = '' } = useParams();
  const { t, language, formatDate } = useI18n();
  const location = useLocation();
  const [briefing, setBriefing] = useState<BriefingResponse | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>((location.state as { generated?: boolean } | null)?.generated ? t('briefings.generate.done') : null);
  const [confirming, setConfirming] = useState(false);

  const show = (b: BriefingResponse) => {
    setBriefing(b);
    setNote(b.note ?? '');
  };
  useEffect(() => {
    api<BriefingResponse>('GET', `/api/briefings/${encodeURIComponent(id)}`).then(show, setError);
  }, [id]);

  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409 && e.current) {
      show(e.current as BriefingResponse);
      setStatus(t('briefings.conflict'));
      setError(null);
      return;
    }
    setError(e);
  };

  const saveNote = (event: FormEvent) => {
    event.preventDefault();
    if (!briefing) return;
    setError(null);
    api<BriefingResponse>('PUT', `/api/briefings/${briefing.id}/note`, { body: { version: briefing.version, note: note.trim() ? note : null } }).then((b) => {
      show(b);
      setStatus(t('briefings.note.saved'));
    }, failed);
  };

  const send = () => {
    if (!briefing) return;
    setConfirming(false);
    setError(null);
    api<BriefingResponse>('POST', `/api/briefings/${briefing.id}/send`, { body: { version: briefing.version } }).then((b) => {
      show(b);
      setStatus(t('briefings.send.done'));
    }, failed);
  };

  if (!briefing) return <ErrorAlert error={error} />;
  const { content } = briefing;
  const issue = error instanceof ApiError ? error.fieldIssue('note')?.message : undefined;
  return (
    <>
      <p>
        <Link to="/briefings">{t('briefings.back')}</Link>
      </p>
      <h1>{t('briefings.heading', { bureau: briefing.bureau, period: formatMonth(briefing.period, language) })}</h1>
      <p>
        {/* A sent briefing's line says "Sent on …" itself; a draft names its state first. */}
        {briefing.state === 'sent' && briefing.sentAt
          ? t('briefings.sentOn', { when: formatDate(briefing.sentAt, true), by: briefing.sentBy ?? '' })
          : `${t(`briefings.state.${briefing.state}`)} · ${t('briefings.composedAt', { when: formatDate(briefing.composedAt, true) })}`}
      </p>
      {content.director ? (
        <p>
          {t('briefings.for', { name: content.director.name })}
          {content.director.title ? <span lang={content.language}>, {content.director.title}</span> : null}
          {content.director.confirmed ? null : ` ${t('briefings.director.unconfirmed')}`}
        </p>
      ) : null}
      <p className="actions">
        <a href={`/api/briefings/${briefing.id}/briefing.docx`} download>
          {t('briefings.download')} (DOCX)
        </a>{' '}
        <a href={`/api/briefings/${briefing.id}/briefing.pdf`} download>
          {t('briefings.download')} (PDF)
        </a>
      </p>
      <p className={briefing.delivery === 'ready' ? undefined : 'warning'}>{t(`briefings.delivery.${briefing.delivery}`, { address: briefing.directorAddress ?? '' })}</p>
      {status ? <p role="status">{status}</p> : null}
      <ErrorAlert error={error} />
      {briefing.state === 'sent' ? (
        <section aria-labelledby="recipients">
          <h2 id="recipients">{t('briefings.recipients')}</h2>
          <ul>
            {briefing.recipients.map((r) => (
              <li key={r.email}>
                <span dir="auto">{r.name}</span> &lt;<span dir="ltr">{r.email}</span>&gt; — {t(`briefings.role.${r.role}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="briefing-note">
        <h2 id="briefing-note">{t('briefings.note.heading')}</h2>
        {briefing.canManage ? (
          <form onSubmit={saveNote}>
            <Field label={t('briefings.note.label')} error={issue}>
              <textarea rows={5} dir="auto" value={note} maxLength={4000} onChange={(e) => setNote(e.target.value)} />
            </Field>
            <p className="actions">
              <button type="submit">{t('briefings.note.save')}</button>
              <button type="button" className="primary" onClick={() => setConfirming(true)} disabled={note !== (briefing.note ?? '')}>
                {t('briefings.send')}
              </button>
            </p>
          </form>
        ) : (
          <p dir="auto">{briefing.note ?? t('briefings.note.none')}</p>
        )}
      </section>
      {confirming ? <Confirm title={t('briefings.send')} help={t('briefings.send.confirm')} confirm={t('briefings.send')} onConfirm={send} onCancel={() => setConfirming(false)} /> : null}
      <Regions content={content} />
    </>
  );
}
