/**
 * A meeting series as its bureau's focal point creates or changes it: kind, offices, chair, room
 * or link, time zone, and the recurrence, picked ("the first Tuesday of every month, 14:00") or,
 * for a rule the picker cannot show, written as an RRULE; the rule in words and the next meetings
 * are shown before saving. A change saved meanwhile by someone else is refused (409) and said so.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { Field, FieldGroup } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { useOffices } from '../registry.ts';
import { useUser } from '../session.tsx';
import { formatInstant, type Series } from './model.ts';
import { DEFAULT_PICK, FREQUENCIES, nextStarts, pickOf, ruleOf, WEEKDAYS, weekdayName, WEEKS, type Frequency, type PickedRule, type Week, type Weekday } from './recurrence.ts';

export const KINDS = ['regular-call', 'monthly-review', 'face-to-face', 'inter-regional'] as const;
const BUREAUX = ['BR', 'TSB', 'BDT', 'SG'] as const;

interface SeriesFormProps {
  /** The series changed; none to create one. */
  series?: Series;
  onSaved(series: Series): void;
  onCancel?(): void;
}

/** The rule in words, in the workspace language: "The first Tuesday of every month, at 14:00 (Europe/Zurich)". */
function RuleInWords({ pick, rule, time, zone }: { pick: PickedRule | null; rule: string; time: string; zone: string }) {
  const { t, language } = useI18n();
  if (!pick) return <>{t('meetings.rule.custom', { rule })}</>;
  const params = { weekday: weekdayName(pick.weekday, language), week: t(`meetings.rule.week.${pick.week}`), interval: pick.interval, time: time || '—', zone };
  const key = `meetings.rule.${pick.frequency}${pick.interval > 1 ? 'Every' : ''}`;
  return <>{t(key, params)}</>;
}

export function SeriesForm({ series, onSaved, onCancel }: SeriesFormProps) {
  const { t, language } = useI18n();
  const user = useUser();
  const offices = useOffices();
  const headingId = useId();
  const [form, setForm] = useState({
    title: series?.title ?? '',
    kind: series?.kind ?? ('regular-call' as string),
    bureau: series?.bureau ?? user.bureau ?? 'TSB',
    chairLabel: series?.chairLabel ?? '',
    firstDay: series?.startsLocal.slice(0, 10) ?? '',
    time: series?.startsLocal.slice(11, 16) ?? '14:00',
    timeZone: series?.timeZone ?? 'Europe/Zurich',
    durationMinutes: String(series?.durationMinutes ?? 60),
    room: series?.room ?? '',
    onlineUrl: series?.onlineUrl ?? '',
  });
  const initialPick = series ? pickOf(series.rule) : DEFAULT_PICK;
  const [pick, setPick] = useState<PickedRule>(initialPick ?? DEFAULT_PICK);
  // A stored rule the picker cannot show is kept as written until the focal point picks another.
  const [custom, setCustom] = useState<string | null>(initialPick ? null : (series?.rule ?? null));
  const [chosen, setChosen] = useState<string[]>(series?.offices.map((o) => o.code) ?? []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm((now) => ({ ...now, [field]: event.target.value }));
  const setPicked = (change: Partial<PickedRule>) => {
    setCustom(null);
    setPick((now) => ({ ...now, ...change }));
  };
  const issue = (field: string) => (error instanceof ApiError ? error.fieldIssue(field)?.message : undefined);

  const rule = custom ?? ruleOf(pick);
  const startsLocal = form.firstDay && form.time ? `${form.firstDay}T${form.time}` : '';
  const next = useMemo(
    () => (startsLocal ? nextStarts({ rule, startsLocal, timeZone: form.timeZone, durationMinutes: Number(form.durationMinutes) || 60, exceptions: series?.exceptions ?? [] }, new Date()) : []),
    [rule, startsLocal, form.timeZone, form.durationMinutes, series?.exceptions],
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    const fields = {
      title: form.title,
      kind: form.kind,
      ...(form.chairLabel.trim() && form.chairLabel.trim() !== series?.chairLabel ? { chairLabel: form.chairLabel.trim() } : {}),
      offices: chosen,
      rule,
      startsLocal,
      timeZone: form.timeZone,
      durationMinutes: Number(form.durationMinutes),
      room: form.room.trim() || null,
      onlineUrl: form.onlineUrl.trim() || null,
    };
    try {
      onSaved(
        series
          ? await api<Series>('PATCH', `/api/meetings/series/${encodeURIComponent(series.code)}`, { body: { version: series.version, ...fields } })
          : await api<Series>('POST', '/api/meetings/series', { body: { bureau: form.bureau, ...fields } }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby={headingId} className="stack">
      <h2 id={headingId} dir="auto">
        {series ? t('meetings.series.editTitle', { title: series.title }) : t('meetings.series.new')}
      </h2>
      <ErrorAlert error={error} />
      <Field label={t('meetings.field.title')} error={issue('title')}>
        <input required value={form.title} onChange={set('title')} />
      </Field>
      <Field label={t('meetings.field.kind')} error={issue('kind')}>
        <select value={form.kind} onChange={set('kind')}>
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`meetings.kind.${kind}`)}
            </option>
          ))}
        </select>
      </Field>
      {series ? null : (
        <Field label={t('meetings.field.bureau')}>
          <select value={form.bureau} onChange={set('bureau')}>
            {BUREAUX.map((bureau) => (
              <option key={bureau} value={bureau}>
                {bureau}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field label={t('meetings.field.chairLabel')} error={issue('chairLabel')}>
        <input value={form.chairLabel} onChange={set('chairLabel')} />
      </Field>
      <FieldGroup legend={t('meetings.series.offices')} error={issue('offices')}>
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
      </FieldGroup>
      <FieldGroup legend={t('meetings.series.recurrence')} error={issue('rule')}>
        <Field label={t('meetings.picker.frequency')}>
          <select
            value={custom !== null ? 'custom' : pick.frequency}
            onChange={(event) => (event.target.value === 'custom' ? setCustom(rule) : setPicked({ frequency: event.target.value as Frequency }))}
          >
            {FREQUENCIES.map((frequency) => (
              <option key={frequency} value={frequency}>
                {t(`meetings.picker.${frequency}`)}
              </option>
            ))}
            <option value="custom">{t('meetings.picker.custom')}</option>
          </select>
        </Field>
        {custom !== null ? (
          <Field label={t('meetings.field.rule')} hint={t('meetings.field.ruleHint')}>
            <input required dir="ltr" value={custom} onChange={(event) => setCustom(event.target.value)} />
          </Field>
        ) : (
          <>
            <Field label={pick.frequency === 'monthly' ? t('meetings.picker.intervalMonths') : t('meetings.picker.intervalWeeks')}>
              <input type="number" min={1} max={12} value={pick.interval} onChange={(event) => setPicked({ interval: Math.min(12, Math.max(1, Number(event.target.value) || 1)) })} />
            </Field>
            {pick.frequency === 'monthly' ? (
              <Field label={t('meetings.picker.week')}>
                <select value={pick.week} onChange={(event) => setPicked({ week: Number(event.target.value) as Week })}>
                  {WEEKS.map((week) => (
                    <option key={week} value={week}>
                      {t(`meetings.rule.week.${week}`)}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
            <Field label={t('meetings.picker.weekday')}>
              <select value={pick.weekday} onChange={(event) => setPicked({ weekday: event.target.value as Weekday })}>
                {WEEKDAYS.map((weekday) => (
                  <option key={weekday} value={weekday}>
                    {weekdayName(weekday, language)}
                  </option>
                ))}
              </select>
            </Field>
          </>
        )}
        <Field label={t('meetings.picker.firstDay')} error={issue('startsLocal')}>
          <input required type="date" value={form.firstDay} onChange={set('firstDay')} />
        </Field>
        <Field label={t('meetings.picker.time')}>
          <input required type="time" value={form.time} onChange={set('time')} />
        </Field>
        <Field label={t('meetings.field.timeZone')} error={issue('timeZone')}>
          <input required dir="ltr" value={form.timeZone} onChange={set('timeZone')} />
        </Field>
        <Field label={t('meetings.field.duration')} error={issue('durationMinutes')}>
          <input required type="number" min={5} max={1440} value={form.durationMinutes} onChange={set('durationMinutes')} />
        </Field>
        <div className="rule-preview" aria-live="polite">
          <p>
            <strong>{t('meetings.picker.inWords')}:</strong> <RuleInWords pick={custom !== null ? null : pick} rule={rule} time={form.time} zone={form.timeZone} />
          </p>
          <p>{t('meetings.picker.next')}</p>
          {next.length > 0 ? (
            <ul aria-label={t('meetings.picker.next')}>
              {next.map((start) => (
                <li key={start}>{formatInstant(start, language)}</li>
              ))}
            </ul>
          ) : (
            <p className="meta">{t('meetings.picker.nextNone')}</p>
          )}
        </div>
      </FieldGroup>
      <Field label={t('meetings.field.room')} error={issue('room')}>
        <input value={form.room} onChange={set('room')} />
      </Field>
      <Field label={t('meetings.field.onlineUrl')} error={issue('onlineUrl')}>
        <input type="url" dir="ltr" value={form.onlineUrl} onChange={set('onlineUrl')} />
      </Field>
      <p className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {series ? t('meetings.series.save') : t('meetings.series.create')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('meetings.series.cancel')}
          </button>
        ) : null}
      </p>
    </form>
  );
}
