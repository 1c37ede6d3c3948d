/**
 * The focal points' coordination view: the possible duplicates of a period across all offices and
 * headquarters, each with why and what became of it (open, linked, related, kept apart with the
 * reason), and the decisions. The period starts as the twelve months up to the register's latest
 * activity begun by today, held in the address (?from=&to=).
 */
import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { PairsResponse } from '#src/duplicates/schemas.ts';
import type { Activity, Page } from '../activities.ts';
import { api } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { Select } from '../Select.tsx';
import { RELATION_KINDS, type RelationKind } from '../vocabulary.ts';
import { Entry, Reasons } from '../duplicates/pieces.tsx';

type Pair = PairsResponse['pairs'][number];
const FILTERS = ['all', 'open', 'decided'] as const;
type Filter = (typeof FILTERS)[number];

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Twelve months ending with the month of `day`. */
function yearUpTo(day: string): { from: string; to: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0));
  const start = new Date(Date.UTC(y, m - 12, 1));
  return { from: isoDay(start), to: isoDay(end) };
}

function PairCard({ pair, n, onChanged }: { pair: Pair; n: number; onChanged(): void }) {
  const { t, formatDate } = useI18n();
  const [reason, setReason] = useState('');
  const [kind, setKind] = useState<RelationKind>('back-to-back');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const version = pair.decision ? { version: pair.decision.version } : {};

  async function act(path: string, body: object) {
    setBusy(true);
    setError(null);
    try {
      await api('POST', path, { body: { ...body, ...version } });
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  const decide = (state: 'kept_apart' | 'related' | 'open', extra: object = {}) => act('/api/duplicates/decisions', { activities: pair.ids, state, ...extra });
  const [a, b] = pair.activities;
  return (
    <li aria-labelledby={id}>
      <h2 id={id}>
        {t('duplicates.pair', { n })} · <span className={`state state-${pair.state}`}>{t(`duplicates.state.${pair.state}`)}</span>
      </h2>
      <div className="pair">
        {[a, b].map((activity, i) => (activity ? <Entry key={activity.id} activity={activity} /> : <p key={pair.ids[i]}>{t('duplicates.gone')}</p>))}
      </div>
      <Reasons reasons={pair.reasons} />
      {pair.decision && pair.state !== 'open' ? (
        <p>
          {t('duplicates.decidedBy', { who: pair.decision.decidedBy, when: formatDate(pair.decision.decidedAt, true) })}
          {pair.decision.reason ? ` · ${t('duplicates.reasonWas', { reason: pair.decision.reason })}` : ''}
        </p>
      ) : null}
      <ErrorAlert error={error} />
      {pair.state === 'open' && a && b ? (
        <div className="row">
          <Field label={t('duplicates.action.reason')}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
          <button type="button" disabled={busy || reason.trim() === ''} onClick={() => void decide('kept_apart', { reason: reason.trim() })}>
            {t('duplicates.action.keepApart')}
          </button>
          <Field label={t('duplicates.action.relation')}>
            <Select value={kind} onChange={setKind} options={RELATION_KINDS} labelOf={(k) => t(`app.relation.${k}`)} />
          </Field>
          <button type="button" disabled={busy} onClick={() => void decide('related', { relation: kind })}>
            {t('duplicates.action.relate')}
          </button>
          {[a, b].map((keep: Activity, i) => (
            <button key={keep.id} type="button" disabled={busy} title={t('duplicates.action.keepThisHelp')} onClick={() => void act('/api/duplicates/links', { keep: keep.id, merge: (i === 0 ? b : a).id })}>
              {t('duplicates.action.keepThis')} ({i + 1})
            </button>
          ))}
        </div>
      ) : pair.state !== 'open' && pair.state !== 'linked' ? (
        <p className="actions">
          <button type="button" disabled={busy} onClick={() => void decide('open')}>
            {t('duplicates.action.reopen')}
          </button>
        </p>
      ) : null}
    </li>
  );
}

export default function Coordination() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const from = params.get('from');
  const to = params.get('to');
  const [filter, setFilter] = useState<Filter>('all');
  const [typed, setTyped] = useState<{ from: string; to: string }>({ from: from ?? '', to: to ?? '' });
  const [result, setResult] = useState<PairsResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);

  // Without a period in the address: the twelve months up to the latest activity begun by today.
  useEffect(() => {
    if (from && to) return;
    const today = isoDay(new Date());
    api<Page<Activity>>('GET', `/api/activities?sort=-date&to=${today}&limit=1`).then((page) => {
      const period = yearUpTo(page.data[0]?.date.start ?? today);
      setTyped(period);
      setParams(period, { replace: true });
    }, setError);
  }, [from, to, setParams]);

  useEffect(() => {
    if (!from || !to) return;
    let current = true;
    setError(null);
    api<PairsResponse>('GET', `/api/duplicates?from=${from}&to=${to}`).then((answer) => current && setResult(answer), (caught: unknown) => current && setError(caught));
    return () => {
      current = false;
    };
  }, [from, to, reloads]);

  const shown = (result?.pairs ?? []).filter((p) => filter === 'all' || (filter === 'open') === (p.state === 'open'));
  return (
    <>
      <h1>{t('duplicates.title')}</h1>
      <p>{t('duplicates.help')}</p>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          setParams(typed);
        }}
      >
        <Field label={t('duplicates.from')}>
          <input type="date" value={typed.from} onChange={(e) => setTyped({ ...typed, from: e.target.value })} />
        </Field>
        <Field label={t('duplicates.to')}>
          <input type="date" value={typed.to} onChange={(e) => setTyped({ ...typed, to: e.target.value })} />
        </Field>
        <button type="submit">{t('duplicates.show')}</button>
        <Field label={t('duplicates.filter')}>
          <Select value={filter} onChange={setFilter} options={FILTERS} labelOf={(f) => t(`duplicates.filter.${f}`)} />
        </Field>
      </form>
      <ErrorAlert error={error} />
      {result?.partial ? <p className="banner">{t('duplicates.partial')}</p> : null}
      {result ? (
        <>
          <p role="status">{t('duplicates.count', { count: shown.length })}</p>
          {shown.length === 0 ? <p>{t('duplicates.none')}</p> : null}
          <ol className="cards duplicates">
            {shown.map((pair, i) => (
              <PairCard key={pair.ids.join(' ')} pair={pair} n={i + 1} onChanged={() => setReloads((r) => r + 1)} />
            ))}
          </ol>
        </>
      ) : (
        <p role="status">{t('app.loading')}</p>
      )}
    </>
  );
}
