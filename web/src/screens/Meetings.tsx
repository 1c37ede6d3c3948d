/**
 * Coordination meetings: the series (with their next meeting in the viewer's time zone), the
 * meetings to come and the past ones with minutes; editors see those their office takes part in.
 * The bureaux' focal points and admins create a series here.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { formatInstant, screens, viewerZone, type OccurrenceSummary, type Series } from '../meetings/model.ts';
import { useOffices } from '../registry.ts';
import { useUser } from '../session.tsx';

const KINDS = ['regular-call', 'monthly-review', 'face-to-face', 'inter-regional'] as const;
const BUREAUX = ['BR', 'TSB', 'BDT', 'SG'] as const;

function SeriesForm({ onCreated }: { onCreated: (series: Series) => void }) {
  const { t } = useI18n();
  const user = useUser();
  const offices = useOffices();
  const [form, setForm] = useState({
    title: '',
    kind: 'regular-call' as string,
    bureau: user.bureau ?? 'TSB',
    chairLabel: '',
    rule: 'FREQ=MONTHLY;BYDAY=1TU',
    startsLocal: '',
    timeZone: 'Europe/Zurich',
    durationMinutes: '60',
    onlineUrl: '',
  });
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm((now) => ({ ...now, [field]: event.target.value }));
  const issue = (field: string) => (error instanceof ApiError ? error.fieldIssue(field)?.message : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    api<Series>('POST', '/api/meetings/series', {
      body: {
        title: form.title,
        kind: form.kind,
        bureau: form.bureau,
        ...(form.chairLabel.trim() ? { chairLabel: form.chairLabel.trim() } : {}),
        offices: chosen,
        rule: form.rule,
        startsLocal: form.startsLocal,
        timeZone: form.timeZone,
        durationMinutes: Number(form.durationMinutes),
        onlineUrl: form.onlineUrl.trim() || null,
      },
    }).then(onCreated, setError);
  };

  return (
    <form onSubmit={submit} aria-labelledby="new-series">
      <h2 id="new-series">{t('meetings.series.new')}</h2>
      <ErrorAlert error={error} />
      <Field label={t('meetings.field.title')} error={issue('title')}>
        <input required value={form.title} onChange={set('title')} />
      </Field>
      <Field label={t('meetings.field.kind')}>
        <select value={form.kind} onChange={set('kind')}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`meetings.kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('meetings.field.bureau')}>
        <select value={form.bureau} onChange={set('bureau')}>
          {BUREAUX.map((bureau) => (
            <option key={bureau} value={bureau}>
              {bureau}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('meetings.field.chairLabel')}>
        <input value={form.chairLabel} onChange={set('chairLabel')} />
      </Field>
      <fieldset>
        <legend>{t('meetings.series.offices')}</legend>
        {issue('offices') ? <div className="field-error">{issue('offices')}</div> : null}
        {offices.map((office) => (
          <label key={office.code} className="check">
            <input
              type="checkbox"
              checked={chosen.includes(office.code)}
              onChange={(event) => setChosen((now) => (event.target.checked ? [...now, office.code] : now.filter((c) => c !== office.code)))}
            />{' '}
            {office.name}
          </label>
        ))}
      </fieldset>
      <Field label={t('meetings.field.rule')} hint={t('meetings.field.ruleHint')} error={issue('rule')}>
        <input required dir="ltr" value={form.rule} onChange={set('rule')} />
      </Field>
      <Field label={t('meetings.field.startsLocal')} error={issue('startsLocal')}>
        <input required type="datetime-local" value={form.startsLocal} onChange={set('startsLocal')} />
      </Field>
      <Field label={t('meetings.field.timeZone')} error={issue('timeZone')}>
        <input required dir="ltr" value={form.timeZone} onChange={set('timeZone')} />
      </Field>
      <Field label={t('meetings.field.duration')} error={issue('durationMinutes')}>
        <input required type="number" min={5} max={1440} value={form.durationMinutes} onChange={set('durationMinutes')} />
      </Field>
      <Field label={t('meetings.field.onlineUrl')} error={issue('onlineUrl')}>
        <input type="url" dir="ltr" value={form.onlineUrl} onChange={set('onlineUrl')} />
      </Field>
      <p className="actions">
        <button type="submit" className="primary">
          {t('meetings.series.create')}
        </button>
      </p>
    </form>
  );
}

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
  const [created, setCreated] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mayCreate = user.role === 'focal-point' || user.role === 'admin';
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
      {created ? <p role="status">{t('meetings.series.created')}</p> : null}
      {mayCreate ? (
        <p className="actions">
          <button type="button" aria-expanded={creating} onClick={() => setCreating((now) => !now)}>
            {t('meetings.series.new')}
          </button>
        </p>
      ) : null}
      {creating ? (
        <SeriesForm
          onCreated={() => {
            setCreating(false);
            setCreated(true);
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
              <strong dir="auto">{s.title}</strong>
              <span className="meta">
                {s.bureau} · {t(`meetings.kind.${s.kind}`)} · {t('meetings.series.chair')}: {s.chairLabel}
              </span>
              <span className="meta">
                {t('meetings.series.offices')}: {s.offices.map((o) => o.name).join(', ')}
              </span>
              {s.nextOccurrence ? <Link to={screens.occurrence(s.nextOccurrence.id)}>{t('meetings.series.next', { when: formatInstant(s.nextOccurrence.startAt, language) })}</Link> : <span>{t('meetings.series.noNext')}</span>}
            </li>
          ))}
        </ul>
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
