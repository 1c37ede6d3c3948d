/**
 * Opening a round: Sector, advisory group, meeting, period, due date, the offices asked (all field
 * offices open in the period unless unticked) and, for admins, the reviewers; or a copy of an
 * earlier round (same offices and reviewers, cover and common sections, dates a year on).
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { Page } from '../activities.ts';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field, FieldGroup } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { useOffices, type Office } from '../registry.ts';
import { Select } from '../Select.tsx';
import { useUser, type User } from '../session.tsx';
import { SECTORS } from '../vocabulary.ts';
import type { Round, RoundSummary } from './model.ts';
import { roundName } from './RoundHeading.tsx';

/** As the server asks by default: field offices (not headquarters) open at some time in the period. */
const openIn = (office: Office, from: string, to: string): boolean =>
  office.kind !== 'headquarters' && (office.openedOn === null || office.openedOn <= to) && (office.closedOn === null || office.closedOn >= from);

const ADVISORY_GROUPS: Record<(typeof SECTORS)[number], string> = { 'ITU-R': 'RAG', 'ITU-T': 'TSAG', 'ITU-D': 'TDAG', GS: 'Council' };

const copyLabel = (rounds: readonly RoundSummary[], code: string): string => {
  const round = rounds.find((listed) => listed.code === code);
  return round ? `${roundName(round)} (${code})` : code;
};

/** Admins choose the reviewers among focal points; a focal point opening a round reviews it. */
function useFocalPoints(): User[] | null {
  const user = useUser();
  const [focal, setFocal] = useState<User[] | null>(null);
  useEffect(() => {
    if (user.role !== 'admin') return;
    api<Page<User>>('GET', '/api/users').then((page) => setFocal(page.data.filter((u) => u.role === 'focal-point' || u.role === 'admin')), () => setFocal(null));
  }, [user.role]);
  return focal;
}

export function RoundForm({ rounds, onOpened }: { rounds: readonly RoundSummary[]; onOpened(round: Round): void }) {
  const { t } = useI18n();
  const id = useId();
  const year = new Date().getUTCFullYear();
  const offices = useOffices();
  const focalPoints = useFocalPoints();
  const [copyFrom, setCopyFrom] = useState('');
  const [sector, setSector] = useState<(typeof SECTORS)[number]>('ITU-T');
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-08-31`);
  /** Offices unticked or ticked by hand; the rest follow the period. */
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldErrorOf = useFieldErrors(error);

  const fieldOffices = useMemo(() => offices.filter((office) => office.kind !== 'headquarters'), [offices]);
  const asked = (office: Office) => chosen[office.code] ?? openIn(office, from, to);

  /** A copy's dates are the earlier round's a year on, unless typed here. */
  const chooseCopy = (code: string) => {
    setCopyFrom(code);
    setFrom(code ? '' : `${year}-01-01`);
    setTo(code ? '' : `${year}-08-31`);
  };

  async function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    setError(null);
    setBusy(true);
    try {
      const body = copyFrom
        ? { copyFrom, meeting: text('meeting'), from: from || undefined, to: to || undefined, due: text('due') }
        : {
            sector,
            advisoryGroup: text('advisoryGroup'),
            meeting: text('meeting'),
            from,
            to,
            due: text('due'),
            // Until the registry's offices have arrived, the server's default: the same rule.
            ...(fieldOffices.length > 0 ? { offices: fieldOffices.filter(asked).map((office) => office.code) } : {}),
            ...(reviewers.length > 0 ? { reviewers } : {}),
          };
      onOpened(await api<Round>('POST', '/api/rounds', { body }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void open(event)} className="editor round-form" aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('rounds.form.title')}</h2>
      {rounds.length > 0 ? (
        <Field label={t('rounds.form.copyFrom')} hint={copyFrom ? t('rounds.form.copyHelp') : undefined}>
          <Select value={copyFrom} onChange={chooseCopy} options={rounds.map((round) => round.code)} labelOf={(code) => copyLabel(rounds, code)} none={t('rounds.form.noCopy')} />
        </Field>
      ) : null}
      {copyFrom ? null : (
        <div className="row">
          <Field label={t('app.field.sector')} error={fieldErrorOf('sector')}>
            <Select value={sector} onChange={setSector} options={SECTORS} labelOf={(value) => value} />
          </Field>
          <Field label={t('rounds.form.advisoryGroup')} error={fieldErrorOf('advisoryGroup')}>
            <input key={sector} name="advisoryGroup" defaultValue={ADVISORY_GROUPS[sector]} size={10} />
          </Field>
        </div>
      )}
      <Field label={t('rounds.form.meeting')} error={fieldErrorOf('meeting')} hint={t('rounds.form.meetingHint')}>
        <input name="meeting" dir="auto" required={!copyFrom} />
      </Field>
      <div className="row">
        <Field label={t('app.register.from')} error={fieldErrorOf('from')}>
          <input name="from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} required={!copyFrom} />
        </Field>
        <Field label={t('app.register.to')} error={fieldErrorOf('to')}>
          <input name="to" type="date" value={to} onChange={(e) => setTo(e.target.value)} required={!copyFrom} />
        </Field>
        <Field label={t('rounds.form.due')} error={fieldErrorOf('due')}>
          <input name="due" type="date" required={!copyFrom} />
        </Field>
      </div>
      {copyFrom ? (
        <p className="hint">{t('rounds.form.copyDatesHelp')}</p>
      ) : (
        <>
          <FieldGroup legend={t('rounds.form.offices')} error={fieldErrorOf('offices')}>
            <p className="hint">{t('rounds.form.officesHelp')}</p>
            <div className="office-checks">
              {fieldOffices.map((office) => (
                <label key={office.code} className="check">
                  <input type="checkbox" checked={asked(office)} onChange={(e) => setChosen((current) => ({ ...current, [office.code]: e.target.checked }))} /> {office.name}
                </label>
              ))}
            </div>
          </FieldGroup>
          {focalPoints ? (
            <FieldGroup legend={t('rounds.form.reviewers')} error={fieldErrorOf('reviewers')}>
              {focalPoints.map((person) => (
                <label key={person.id} className="check">
                  <input type="checkbox" checked={reviewers.includes(person.id)} onChange={(e) => setReviewers((current) => (e.target.checked ? [...current, person.id] : current.filter((listed) => listed !== person.id)))} />{' '}
                  {person.displayName}
                </label>
              ))}
            </FieldGroup>
          ) : (
            <p className="hint">{t('rounds.form.youReview')}</p>
          )}
        </>
      )}
      <ErrorAlert error={error} />
      <button type="submit" disabled={busy}>
        {t('rounds.form.open')}
      </button>
    </form>
  );
}
