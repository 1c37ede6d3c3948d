/**
 * Coordination meetings: the series (with their next meeting in the viewer's time zone), the
 * meetings to come and the past ones with minutes; editors see those their office takes part in.
 * The bureaux' focal points and admins create a series here, and change their bureau's series.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { formatInstant, screens, viewerZone, type OccurrenceSummary, type Series } from '../meetings/model.ts';
import { SeriesForm } from '../meetings/SeriesForm.tsx';
import { useUser } from '../session.tsx';

function OccurrenceList({ occurrences, empty }: { occurrences: OccurrenceSummary[]; empty: string }) {
  const { t, language } = useI18n();
  if (occurrences.length === 0) return <p>{empty}</p>;
  return (
    <ul className="cards">
      {occurrences.map((o) => (
        <li key={o.id}>
          <Link to={screens.occurrence(o.id)}>
            <span dir="auto">{o.seriesTitle}</span> — {formatInstant(o.startAt, language)}
          </Link>
          <span className="meta">
            {t(`meetings.kind.${o.kind}`)} · {o.state === 'cancelled' ? t('meetings.state.cancelled') : t(`meetings.minutesState.${o.minutesState}`)}
            {o.moved ? ` · ${t('meetings.moved')}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function Meetings() {
  const { t, language } = useI18n();
  const user = useUser();
  const [series, setSeries] = useState<Series[] | null>(null);
  const [upcoming, setUpcoming] = useState<OccurrenceSummary[] | null>(null);
  const [past, setPast] = useState<OccurrenceSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState<'created' | 'saved' | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const mayCreate = user.role === 'focal-point' || user.role === 'admin';
  const mayChange = (series: Series) => user.role === 'admin' || (user.role === 'focal-point' && user.bureau === series.bureau);
  const office = user.role === 'editor' ? (user.office ?? undefined) : undefined;
  const officeQuery = office ? `office=${encodeURIComponent(office)}` : '';

  const [reload, setReload] = useState(0);
  useEffect(() => {
    Promise.all([
      api<{ data: Series[] }>('GET', `/api/meetings/series${officeQuery ? `?${officeQuery}` : ''}`).then((page) => setSeries(page.data)),
      api<{ data: OccurrenceSummary[] }>('GET', `/api/meetings/occurrences?when=upcoming${officeQuery ? `&${officeQuery}` : ''}`).then((page) => setUpcoming(page.data.slice(0, 12))),
      api<{ data: OccurrenceSummary[] }>('GET', `/api/meetings/occurrences?when=past${officeQuery ? `&${officeQuery}` : ''}`).then((page) => setPast(page.data.filter((o) => o.minutesState !== 'none'))),
    ]).catch(setError);
  }, [officeQuery, reload]);

  return (
    <>
      <h1>{t('meetings.title')}</h1>
      <p>{t('meetings.intro', { zone: viewerZone() })}</p>
      <ErrorAlert error={error} />
      {saved ? <p role="status">{t(`meetings.series.${saved}`)}</p> : null}
      {mayCreate ? (
        <p className="actions">
          <button type="button" aria-expanded={creating} onClick={() => setCreating((now) => !now)}>
            {t('meetings.series.new')}
          </button>
        </p>
      ) : null}
      {creating ? (
        <SeriesForm
          onSaved={() => {
            setCreating(false);
            setSaved('created');
            setReload((n) => n + 1);
          }}
        />
      ) : null}
      <section aria-labelledby="series">
        <h2 id="series">{t('meetings.series.heading')}</h2>
        {series && series.length === 0 ? <p>{t('meetings.series.none')}</p> : null}
        <ul className="cards">
          {series?.map((s) => (
            <li key={s.id}>
              <strong dir="auto" id={`series-${s.code}`}>
                {s.title}
              </strong>
              <span className="meta">
                {s.bureau} · {t(`meetings.kind.${s.kind}`)} · {t('meetings.series.chair')}: {s.chairLabel}
              </span>
              <span className="meta">
                {t('meetings.series.offices')}: {s.offices.map((o) => o.name).join(', ')}
              </span>
              {s.nextOccurrence ? <Link to={screens.occurrence(s.nextOccurrence.id)}>{t('meetings.series.next', { when: formatInstant(s.nextOccurrence.startAt, language) })}</Link> : <span>{t('meetings.series.noNext')}</span>}
              {mayChange(s) && editing !== s.code ? (
                <p className="actions">
                  <button type="button" aria-describedby={`series-${s.code}`} onClick={() => setEditing(s.code)}>
                    {t('meetings.series.edit')}
                  </button>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
        {/* Below the list, at full width: a series' form is longer than its card. */}
        {series
          ?.filter((s) => s.code === editing)
          .map((s) => (
            <SeriesForm
              key={s.code}
              series={s}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                setSaved('saved');
                setReload((n) => n + 1);
              }}
            />
          ))}
      </section>
      <div className="columns">
        <section aria-labelledby="upcoming-meetings">
          <h2 id="upcoming-meetings">{t('meetings.upcoming')}</h2>
          {upcoming ? <OccurrenceList occurrences={upcoming} empty={t('meetings.noneUpcoming')} /> : null}
        </section>
        <section aria-labelledby="past-meetings">
          <h2 id="past-meetings">{t('meetings.past')}</h2>
          {past ? <OccurrenceList occurrences={past} empty={t('meetings.nonePast')} /> : null}
        </section>
      </div>
    </>
  );
}
