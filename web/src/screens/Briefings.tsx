/**
 * Director briefings: every bureau's briefings, newest month first; the bureaux' focal points and
 * admins generate one for a month here (one per bureau and month: generating again composes a
 * draft afresh).
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../api.ts';
import type { BriefingSummaryResponse, BriefingResponse } from '#src/briefings/schemas.ts';
import { ErrorAlert } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { useUser } from '../session.tsx';
import { formatMonth } from '../briefings.ts';
import { DirectorAccounts } from '../briefings/DirectorAccounts.tsx';

const BUREAUX = ['BR', 'TSB', 'BDT'] as const;

function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

export default function Briefings() {
  const { t, language, formatNumber } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const [list, setList] = useState<BriefingSummaryResponse[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ bureau: user.bureau ?? 'TSB', period: lastMonth() });
  const mayGenerate = user.role === 'focal-point' || user.role === 'admin';
  const issue = (field: string) => (error instanceof ApiError ? error.fieldIssue(field)?.message : undefined);

  useEffect(() => {
    api<{ data: BriefingSummaryResponse[] }>('GET', '/api/briefings').then((page) => setList(page.data), setError);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    api<BriefingResponse>('POST', '/api/briefings', { body: form }).then((made) => void navigate(`/briefings/${made.id}`, { state: { generated: true } }), setError);
  };

  return (
    <>
      <h1>{t('briefings.title')}</h1>
      <p>{t('briefings.intro')}</p>
      <ErrorAlert error={error} />
      {mayGenerate ? (
        <form onSubmit={submit} aria-labelledby="generate-briefing" className="inline-form">
          <h2 id="generate-briefing">{t('briefings.generate.heading')}</h2>
          <Field label={t('briefings.field.bureau')} error={issue('bureau')}>
            <select value={form.bureau} onChange={(e) => setForm((now) => ({ ...now, bureau: e.target.value }))} disabled={user.role === 'focal-point'}>
              {BUREAUX.map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('briefings.field.period')} error={issue('period')}>
            <input type="month" required value={form.period} onChange={(e) => setForm((now) => ({ ...now, period: e.target.value }))} />
          </Field>
          <p className="actions">
            <button type="submit" className="primary">
              {t('briefings.generate.submit')}
            </button>
          </p>
        </form>
      ) : null}
      {list && list.length === 0 ? <p>{t('briefings.none')}</p> : null}
      {list && list.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('briefings.column.open')}</th>
              <th scope="col">{t('briefings.column.director')}</th>
              <th scope="col">{t('briefings.column.state')}</th>
              <th scope="col">{t('briefings.column.totals')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link to={`/briefings/${b.id}`} aria-label={t('briefings.open', { bureau: b.bureau, period: formatMonth(b.period, language) })}>
                    {t('briefings.heading', { bureau: b.bureau, period: formatMonth(b.period, language) })}
                  </Link>
                </td>
                <td dir="auto">{b.director ?? '—'}</td>
                <td>{t(`briefings.state.${b.state}`)}</td>
                <td>
                  {[b.totals.held, b.totals.planned, b.totals.meetings, b.totals.openActions].map((n) => formatNumber(n)).join(' / ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <DirectorAccounts />
    </>
  );
}
