/**
 * Vacancies and nominations (signed-in users only): the leadership positions of a study period,
 * filled or vacant; the offices' outreach to countries and the nominations that followed; and all
 * of it by region and country. Focal points and admins fill positions; an office's editors record
 * its outreach (also an activity of the register) and nominations.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { NominationResponse, OutreachResponse, OverviewResponse, PositionResponse } from '#src/vacancies/schemas.ts';
import { api, ApiError } from '../api.ts';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { useOffices, useRegions } from '../registry.ts';
import { useUser } from '../session.tsx';

const PERIODS = ['2025-2028', '2022-2024', '2017-2020'];
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export default function Vacancies() {
  const { t } = useI18n();
  const user = useUser();
  const manages = user.role === 'admin' || user.role === 'focal-point';
  const records = manages || user.role === 'editor';
  const [period, setPeriod] = useState(PERIODS[0]!);
  const [overview, setOverview] = useState<OverviewResponse | null>(null);
  const [positions, setPositions] = useState<PositionResponse[]>([]);
  const [outreach, setOutreach] = useState<OutreachResponse[]>([]);
  const [nominations, setNominations] = useState<NominationResponse[]>([]);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    Promise.all([
      api<OverviewResponse>('GET', `/api/vacancies/overview?period=${period}`),
      api<{ data: PositionResponse[] }>('GET', `/api/positions?period=${period}`),
      api<{ data: OutreachResponse[] }>('GET', `/api/outreach?period=${period}`),
      api<{ data: NominationResponse[] }>('GET', `/api/nominations?period=${period}`),
    ]).then(([o, p, r, n]) => {
      setOverview(o);
      setPositions(p.data);
      setOutreach(r.data);
      setNominations(n.data);
    }, setError);
  }, [period]);
  useEffect(load, [load]);

  return (
    <>
      <h1>{t('vacancies.title')}</h1>
      <Field label={t('vacancies.period')}>
        <select value={period} onChange={(e) => setPeriod(e.target.value)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </Field>
      <ErrorAlert error={error} />
      {overview ? <Overview overview={overview} /> : null}
      <PositionsTable positions={positions} manages={manages} onChange={load} />
      {records ? <OutreachForm period={period} positions={positions} onSaved={load} /> : null}
      <OutreachList outreach={outreach} />
      {records ? <NominationForm positions={positions} outreach={outreach} onSaved={load} /> : null}
      <NominationList nominations={nominations} positions={positions} onChange={load} />
    </>
  );
}

function Overview({ overview }: { overview: OverviewResponse }) {
  const { t } = useI18n();
  const regions = useRegions();
  const regionName = (code: string | null) => (code === null ? t('vacancies.noRegion') : (regions.find((r) => r.code === code)?.name ?? code));
  return (
    <section aria-labelledby="overview-title">
      <h2 id="overview-title">{t('vacancies.overview.title')}</h2>
      <p>{t('vacancies.overview.counts', overview.positions)}</p>
      <h3>{t('vacancies.overview.vacant')}</h3>
      {overview.vacant.length === 0 ? <p>{t('vacancies.overview.noVacant')}</p> : null}
      <ul>
        {overview.vacant.map((p) => (
          <li key={p.id}>
            {p.body} — {t(`vacancies.role.${p.role}`)} {p.label ?? ''}
          </li>
        ))}
      </ul>
      {overview.regions.map((region) => (
        <section key={region.region ?? 'none'} aria-labelledby={`overview-${region.region ?? 'none'}`}>
          <h3 id={`overview-${region.region ?? 'none'}`}>{regionName(region.region)}</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('vacancies.country')}</th>
                <th scope="col">{t('vacancies.kind.consulted')}</th>
                <th scope="col">{t('vacancies.kind.encouraged-to-nominate')}</th>
                <th scope="col">{t('vacancies.overview.nominations')}</th>
                <th scope="col">{t('vacancies.state.appointed')}</th>
                <th scope="col">{t('vacancies.overview.holding')}</th>
              </tr>
            </thead>
            <tbody>
              {region.countries.map((c) => (
                <tr key={c.country}>
                  <th scope="row">{c.countryName}</th>
                  <td>{c.consulted}</td>
                  <td>{c.encouraged}</td>
                  <td>{c.nominations}</td>
                  <td>{c.appointed}</td>
                  <td>{c.holding}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}

function PositionsTable({ positions, manages, onChange }: { positions: PositionResponse[]; manages: boolean; onChange: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<PositionResponse | null>(null);
  const [status, setStatus] = useState<PositionResponse['status']>('vacant');
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [error, setError] = useState<unknown>(null);
  const errorOf = useFieldErrors(error);

  function open(p: PositionResponse) {
    setEditing(p);
    setStatus(p.status);
    setName(p.holder?.name ?? '');
    setCountry(p.holder?.country ?? '');
    setError(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const holder = status === 'filled' ? { name: name.trim(), country: orNull(country.toUpperCase()) } : null;
    try {
      await api('PATCH', `/api/positions/${encodeURIComponent(editing.id)}`, { body: { version: editing.version, status, holder } });
      setEditing(null);
      onChange();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.status === 409 && caught.current) open(caught.current as PositionResponse);
    }
  }

  return (
    <section aria-labelledby="positions-title">
      <h2 id="positions-title">{t('vacancies.positions.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('vacancies.positions.body')}</th>
            <th scope="col">{t('vacancies.positions.role')}</th>
            <th scope="col">{t('vacancies.positions.status')}</th>
            <th scope="col">{t('vacancies.positions.holder')}</th>
            <th scope="col">{t('vacancies.overview.nominations')}</th>
            {manages ? <th scope="col">{t('vacancies.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.bodyName}</th>
              <td>
                {t(`vacancies.role.${p.role}`)} {p.label ?? ''}
              </td>
              <td>
                {t(`vacancies.status.${p.status}`)}
                {p.confirmed ? '' : ` (${t('vacancies.unconfirmed')})`}
              </td>
              <td>{p.holder ? `${p.holder.name}${p.holder.country ? ` (${p.holder.country})` : ''}` : ''}</td>
              <td>{p.nominations}</td>
              {manages ? (
                <td>
                  <button type="button" onClick={() => open(p)} aria-label={t('vacancies.positions.editOf', { body: p.body, role: t(`vacancies.role.${p.role}`) })}>
                    {t('vacancies.edit')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {editing ? (
        <form onSubmit={save} aria-label={t('vacancies.positions.editOf', { body: editing.body, role: t(`vacancies.role.${editing.role}`) })}>
          <ErrorAlert error={error} />
          <Field label={t('vacancies.positions.status')} error={errorOf('status')}>
            <select value={status} onChange={(e) => setStatus(e.target.value as PositionResponse['status'])}>
              {(['filled', 'vacant', 'unknown'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`vacancies.status.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          {status === 'filled' ? (
            <>
              <Field label={t('vacancies.positions.holder')} error={errorOf('holder.name')}>
                <input value={name} onChange={(e) => setName(e.target.value)} required />
              </Field>
              <Field label={t('vacancies.country')} error={errorOf('holder.country')} hint={t('vacancies.hint.country')}>
                <input value={country} onChange={(e) => setCountry(e.target.value)} maxLength={2} />
              </Field>
            </>
          ) : null}
          <button type="submit">{t('vacancies.save')}</button>{' '}
          <button type="button" onClick={() => setEditing(null)}>
            {t('vacancies.cancel')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** The office the user records for: an editor's own, or any for admins and focal points. */
function useRecordingOffice(): [string, (office: string) => void, boolean] {
  const user = useUser();
  const [office, setOffice] = useState(user.office ?? '');
  return [office, setOffice, user.role !== 'editor'];
}

function OfficePicker({ office, setOffice, error }: { office: string; setOffice: (o: string) => void; error: string | undefined }) {
  const { t } = useI18n();
  const offices = useOffices();
  return (
    <Field label={t('vacancies.office')} error={error}>
      <select value={office} onChange={(e) => setOffice(e.target.value)} required>
        <option value="">—</option>
        {offices.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

function OutreachForm({ period, positions, onSaved }: { period: string; positions: PositionResponse[]; onSaved: () => void }) {
  const { t } = useI18n();
  const [office, setOffice, choose] = useRecordingOffice();
  const bodies = [...new Set(positions.map((p) => p.body))];
  const [country, setCountry] = useState('');
  const [kind, setKind] = useState<'consulted' | 'encouraged-to-nominate'>('encouraged-to-nominate');
  const [body, setBody] = useState('');
  const [position, setPosition] = useState('');
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errorOf = useFieldErrors(error);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api('POST', '/api/outreach', {
        body: { office, country: country.trim().toUpperCase(), kind, body: body || bodies[0], studyPeriod: period, position: orNull(position), on, note: orNull(note) },
      });
      setSaved(true);
      setCountry('');
      setNote('');
      onSaved();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form onSubmit={save} aria-labelledby="outreach-form-title">
      <h2 id="outreach-form-title">{t('vacancies.outreach.record')}</h2>
      <ErrorAlert error={error} />
      {saved ? <p role="status">{t('vacancies.outreach.saved')}</p> : null}
      {choose ? <OfficePicker office={office} setOffice={setOffice} error={errorOf('office')} /> : null}
      <Field label={t('vacancies.country')} error={errorOf('country')} hint={t('vacancies.hint.country')}>
        <input value={country} onChange={(e) => setCountry(e.target.value)} required maxLength={2} />
      </Field>
      <Field label={t('vacancies.outreach.kind')} error={errorOf('kind')}>
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="consulted">{t('vacancies.kind.consulted')}</option>
          <option value="encouraged-to-nominate">{t('vacancies.kind.encouraged-to-nominate')}</option>
        </select>
      </Field>
      <Field label={t('vacancies.positions.body')} error={errorOf('body')}>
        <select value={body} onChange={(e) => setBody(e.target.value)}>
          {bodies.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('vacancies.outreach.position')} error={errorOf('position')}>
        <select value={position} onChange={(e) => setPosition(e.target.value)}>
          <option value="">—</option>
          {positions
            .filter((p) => p.body === (body || bodies[0]))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {t(`vacancies.role.${p.role}`)} {p.label ?? ''} ({t(`vacancies.status.${p.status}`)})
              </option>
            ))}
        </select>
      </Field>
      <Field label={t('vacancies.on')} error={errorOf('on')}>
        <input type="date" value={on} onChange={(e) => setOn(e.target.value)} required />
      </Field>
      <Field label={t('vacancies.note')} error={errorOf('note')}>
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      </Field>
      <button type="submit">{t('vacancies.outreach.submit')}</button>
    </form>
  );
}

function OutreachList({ outreach }: { outreach: OutreachResponse[] }) {
  const { t, formatDate } = useI18n();
  return (
    <section aria-labelledby="outreach-title">
      <h2 id="outreach-title">{t('vacancies.outreach.title')}</h2>
      {outreach.length === 0 ? <p>{t('vacancies.outreach.none')}</p> : null}
      <ul>
        {outreach.map((o) => (
          <li key={o.id}>
            {t('vacancies.outreach.line', { on: formatDate(o.on), office: o.office, kind: t(`vacancies.kind.${o.kind}`), country: o.countryName, body: o.body })}{' '}
            <Link to={`/activities/${o.activity}`}>{t('vacancies.outreach.activity')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NominationForm({ positions, outreach, onSaved }: { positions: PositionResponse[]; outreach: OutreachResponse[]; onSaved: () => void }) {
  const { t } = useI18n();
  const [office, setOffice, choose] = useRecordingOffice();
  const [country, setCountry] = useState('');
  const [position, setPosition] = useState('');
  const [candidate, setCandidate] = useState('');
  const [followed, setFollowed] = useState('');
  const [on, setOn] = useState(new Date().toISOString().slice(0, 10));
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errorOf = useFieldErrors(error);

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      await api('POST', '/api/nominations', { body: { office, country: country.trim().toUpperCase(), position, candidate: candidate.trim(), outreach: orNull(followed), on } });
      setSaved(true);
      setCandidate('');
      onSaved();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form onSubmit={save} aria-labelledby="nomination-form-title">
      <h2 id="nomination-form-title">{t('vacancies.nominations.record')}</h2>
      <ErrorAlert error={error} />
      {saved ? <p role="status">{t('vacancies.nominations.saved')}</p> : null}
      {choose ? <OfficePicker office={office} setOffice={setOffice} error={errorOf('office')} /> : null}
      <Field label={t('vacancies.country')} error={errorOf('country')} hint={t('vacancies.hint.country')}>
        <input value={country} onChange={(e) => setCountry(e.target.value)} required maxLength={2} />
      </Field>
      <Field label={t('vacancies.outreach.position')} error={errorOf('position')}>
        <select value={position} onChange={(e) => setPosition(e.target.value)} required>
          <option value="">—</option>
          {positions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.body} — {t(`vacancies.role.${p.role}`)} {p.label ?? ''}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('vacancies.nominations.candidate')} error={errorOf('candidate')}>
        <input value={candidate} onChange={(e) => setCandidate(e.target.value)} required />
      </Field>
      <Field label={t('vacancies.nominations.followed')} error={errorOf('outreach')}>
        <select value={followed} onChange={(e) => setFollowed(e.target.value)}>
          <option value="">—</option>
          {outreach.map((o) => (
            <option key={o.id} value={o.id}>
              {o.on} {o.countryName} ({t(`vacancies.kind.${o.kind}`)})
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('vacancies.on')} error={errorOf('on')}>
        <input type="date" value={on} onChange={(e) => setOn(e.target.value)} required />
      </Field>
      <button type="submit">{t('vacancies.nominations.submit')}</button>
    </form>
  );
}

function NominationList({ nominations, positions, onChange }: { nominations: NominationResponse[]; positions: PositionResponse[]; onChange: () => void }) {
  const { t, formatDate } = useI18n();
  const user = useUser();
  const [error, setError] = useState<unknown>(null);
  const mayChange = (n: NominationResponse) => user.role === 'admin' || user.role === 'focal-point' || (user.role === 'editor' && user.office === n.office);
  const positionOf = (id: string) => positions.find((p) => p.id === id);

  async function setState(n: NominationResponse, state: NominationResponse['state']) {
    setError(null);
    try {
      await api('PATCH', `/api/nominations/${n.id}`, { body: { version: n.version, state } });
      onChange();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.status === 409) onChange();
    }
  }

  return (
    <section aria-labelledby="nominations-title">
      <h2 id="nominations-title">{t('vacancies.nominations.title')}</h2>
      <ErrorAlert error={error} />
      {nominations.length === 0 ? <p>{t('vacancies.nominations.none')}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('vacancies.country')}</th>
            <th scope="col">{t('vacancies.nominations.candidate')}</th>
            <th scope="col">{t('vacancies.outreach.position')}</th>
            <th scope="col">{t('vacancies.on')}</th>
            <th scope="col">{t('vacancies.nominations.state')}</th>
          </tr>
        </thead>
        <tbody>
          {nominations.map((n) => {
            const p = positionOf(n.position);
            return (
              <tr key={n.id}>
                <th scope="row">{n.countryName}</th>
                <td>{n.candidate}</td>
                <td>{p ? `${p.body} — ${t(`vacancies.role.${p.role}`)} ${p.label ?? ''}` : n.position}</td>
                <td>{formatDate(n.on)}</td>
                <td>
                  {mayChange(n) ? (
                    <select aria-label={t('vacancies.nominations.stateOf', { candidate: n.candidate })} value={n.state} onChange={(e) => void setState(n, e.target.value as NominationResponse['state'])}>
                      {(['proposed', 'withdrawn', 'appointed', 'not-appointed'] as const).map((s) => (
                        <option key={s} value={s}>
                          {t(`vacancies.state.${s}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`vacancies.state.${n.state}`)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
