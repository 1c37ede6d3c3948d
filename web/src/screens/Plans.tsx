/**
 * The plans: the strategic plans, the Sectors' rolling operational plans per year and the WTDC
 * action plans. Focal points of a plan's Sector and admins add items, rename them, retire one
 * from a year on (each change kept in its history, a stale version answered with the item as it
 * is now) and start the next year's plan from this one. Everyone signed in reads them.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, queryString } from '../api.ts';
import type { Page } from '../activities.ts';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { inTreeOrder, type Plan, type PlanDetails, type PlanItem } from '../plans/model.ts';
import { useUser } from '../session.tsx';

const LEVELS_OF: Record<Plan['kind'], ReadonlyArray<PlanItem['level']>> = {
  strategic: ['goal', 'target'],
  operational: ['objective', 'outcome', 'output'],
  action: ['initiative'],
};
const PARENT_LEVEL: Partial<Record<PlanItem['level'], PlanItem['level']>> = { target: 'goal', outcome: 'objective', output: 'objective' };
const REGIONS = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'] as const;
/** The register's filter that finds an item's activities. */
const FILTER_OF: Partial<Record<PlanItem['level'], string>> = { output: 'output', initiative: 'initiative', goal: 'goal' };

interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  changes: Array<{ field: string }>;
}

function ItemRow({ item, depth, editable, onSaved }: { item: PlanItem & { linkedActivities?: number }; depth: number; editable: boolean; onSaved(item: PlanItem): void }) {
  const { t, language, formatDate } = useI18n();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const errorOf = useFieldErrors(error);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = { ...item.titles, en: String(form.get('en') ?? '').trim(), ...(language === 'en' ? {} : { [language]: String(form.get('own') ?? '').trim() || undefined }) };
    const retired = String(form.get('retiredFrom') ?? '').trim();
    setError(null);
    try {
      const saved = await api<PlanItem>('PATCH', `/api/plans/items/${encodeURIComponent(item.id)}${queryString({ lang: language })}`, {
        body: { version: item.version, title: JSON.parse(JSON.stringify(title)) as PlanItem['titles'], retiredFrom: retired ? Number(retired) : null },
      });
      onSaved(saved);
      setEditing(false);
    } catch (caught) {
      // A stale version: the item as it is now replaces what was shown; the user makes the change again.
      if (caught instanceof ApiError && caught.status === 409 && caught.current) onSaved(caught.current as PlanItem);
      setError(caught);
    }
  }

  const filter = FILTER_OF[item.level];
  return (
    <li style={{ marginInlineStart: `${depth * 1.5}rem` }} data-testid={`plan-item-${item.id}`}>
      <p>
        <strong>
          {t(`plans.level.${item.level}`)} {item.label}
        </strong>{' '}
        <span dir="auto">{item.title}</span>
        {item.confirmed ? null : <em> ({t('plans.unconfirmed')})</em>}
        {item.retiredFrom !== null ? <em> · {t('plans.screen.retired', { year: item.retiredFrom })}</em> : null}
        {filter && item.linkedActivities ? (
          <>
            {' · '}
            <Link to={`/activities${queryString({ [filter]: item.id })}`}>{t('plans.screen.linked', { count: item.linkedActivities })}</Link>
          </>
        ) : null}
      </p>
      <p className="actions">
        {editable && !editing ? (
          <button type="button" onClick={() => setEditing(true)}>
            {t('plans.screen.rename')}
          </button>
        ) : null}
        <button
          type="button"
          onClick={() =>
            history ? setHistory(null) : void api<Page<HistoryEntry>>('GET', `/api/plans/items/${encodeURIComponent(item.id)}/history`).then((page) => setHistory(page.data), setError)
          }
        >
          {t('plans.screen.history')}
        </button>
      </p>
      {error && !editing ? <ErrorAlert error={error} /> : null}
      {history ? (
        <ul>
          {history.map((entry) => (
            <li key={`${entry.at}-${entry.action}`}>
              <time dateTime={entry.at}>{formatDate(entry.at.slice(0, 10))}</time> · {entry.actor} · {entry.changes.map((c) => c.field).join(', ') || entry.action}
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <form onSubmit={(event) => void save(event)} className="editor" noValidate>
          <ErrorAlert error={error} />
          <Field label={t('plans.screen.titleIn', { language: 'English' })} error={errorOf('title.en')}>
            <input name="en" defaultValue={item.titles.en ?? ''} dir="ltr" />
          </Field>
          {language === 'en' ? null : (
            <Field label={t('plans.screen.titleIn', { language })} error={errorOf(`title.${language}`)}>
              <input name="own" defaultValue={item.titles[language] ?? ''} dir="auto" />
            </Field>
          )}
          <Field label={t('plans.screen.retireFrom')} error={errorOf('retiredFrom')}>
            <input name="retiredFrom" type="number" min={1900} max={2200} defaultValue={item.retiredFrom ?? ''} />
          </Field>
          <p className="actions">
            <button type="submit" className="primary">
              {t('plans.screen.save')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('plans.screen.cancel')}
            </button>
          </p>
        </form>
      ) : null}
    </li>
  );
}

function AddItem({ plan, onAdded }: { plan: PlanDetails; onAdded(item: PlanItem): void }) {
  const { t, language } = useI18n();
  const levels = LEVELS_OF[plan.kind];
  const [level, setLevel] = useState<PlanItem['level']>(levels.at(-1)!);
  const [error, setError] = useState<unknown>(null);
  const errorOf = useFieldErrors(error);
  const parentLevel = PARENT_LEVEL[level];
  const parents = parentLevel ? plan.items.filter((i) => i.level === parentLevel) : [];

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const own = String(data.get('own') ?? '').trim();
    setError(null);
    try {
      const item = await api<PlanItem>('POST', `/api/plans/${encodeURIComponent(plan.code)}/items${queryString({ lang: language })}`, {
        body: {
          level,
          label: String(data.get('label') ?? '').trim(),
          title: { en: String(data.get('en') ?? '').trim(), ...(own && language !== 'en' ? { [language]: own } : {}) },
          ...(parentLevel ? { parent: String(data.get('parent') ?? '') || null } : {}),
          ...(level === 'initiative' ? { region: String(data.get('region') ?? '') || null } : {}),
        },
      });
      form.reset();
      onAdded(item);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form onSubmit={(event) => void add(event)} className="editor" noValidate aria-labelledby="add-item">
      <h2 id="add-item">{t('plans.screen.add')}</h2>
      <ErrorAlert error={error} />
      <div className="row">
        <Field label={t('plans.screen.level')}>
          <select value={level} onChange={(e) => setLevel(e.target.value as PlanItem['level'])}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {t(`plans.level.${l}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('plans.screen.label')} error={errorOf('label')}>
          <input name="label" dir="ltr" size={8} />
        </Field>
        {parentLevel ? (
          <Field label={t('plans.screen.parent')} error={errorOf('parent')}>
            <select name="parent">
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label} – {p.title}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {level === 'initiative' ? (
          <Field label={t('app.field.region')} error={errorOf('region')}>
            <select name="region">
              {REGIONS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
      </div>
      <Field label={t('plans.screen.titleIn', { language: 'English' })} error={errorOf('title.en')}>
        <input name="en" dir="ltr" />
      </Field>
      {language === 'en' ? null : (
        <Field label={t('plans.screen.titleIn', { language })} error={errorOf(`title.${language}`)}>
          <input name="own" dir="auto" />
        </Field>
      )}
      <button type="submit">{t('plans.screen.add')}</button>
    </form>
  );
}

export default function Plans() {
  const { t, language } = useI18n();
  const user = useUser();
  const { code } = useParams();
  const navigate = useNavigate();
  const [plans, setPlans] = useState<Plan[]>([]);
  const [plan, setPlan] = useState<PlanDetails | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    api<Page<Plan>>('GET', `/api/plans${queryString({ lang: language })}`).then((page) => setPlans(page.data), setError);
  }, [language]);
  useEffect(() => {
    setPlan(null);
    if (!code) return;
    let current = true;
    api<PlanDetails>('GET', `/api/plans/${encodeURIComponent(code)}${queryString({ lang: language })}`).then((details) => current && setPlan(details), (caught: unknown) => current && setError(caught));
    return () => {
      current = false;
    };
  }, [code, language]);

  // The server decides; the screen offers editing to those who may (admins, and focal points of the plan's Sector).
  const editable = user.role === 'admin' || (user.role === 'focal-point' && plan?.sector !== null && plan?.sector !== undefined);
  const replace = (item: PlanItem) => setPlan((shown) => (shown ? { ...shown, items: shown.items.map((i) => (i.id === item.id ? { ...i, ...item } : i)) } : shown));

  async function copyForward(details: PlanDetails) {
    setError(null);
    try {
      const copy = await api<PlanDetails>('POST', `/api/plans/${encodeURIComponent(details.code)}/copy-forward${queryString({ lang: language })}`);
      setPlans((list) => [...list, copy]);
      setNotice(t('plans.screen.copied', { year: copy.year ?? '' }));
      navigate(`/plans/${copy.code}`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) setNotice(t('plans.screen.exists', { year: (details.year ?? 0) + 1 }));
      else setError(caught);
    }
  }

  return (
    <>
      <h1>{t('plans.screen.title')}</h1>
      <nav aria-label={t('plans.screen.choose')}>
        <ul className="plain">
          {plans.map((p) => (
            <li key={p.code}>
              <Link to={`/plans/${p.code}`} aria-current={p.code === code ? 'page' : undefined}>
                {p.name}
              </Link>
              {p.confirmed ? null : <em> ({t('plans.unconfirmed')})</em>}
            </li>
          ))}
        </ul>
      </nav>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      <ErrorAlert error={error} />
      {plan ? (
        <section aria-labelledby="plan-name">
          <h2 id="plan-name">
            {plan.name} ({plan.from}–{plan.to})
          </h2>
          {plan.source ? <p className="hint">{plan.source}</p> : null}
          {editable && plan.kind === 'operational' && plan.year !== null ? (
            <p className="actions">
              <button type="button" onClick={() => void copyForward(plan)}>
                {t('plans.screen.copyForward', { year: plan.year + 1 })}
              </button>
            </p>
          ) : null}
          {!editable ? <p className="hint">{t('plans.screen.readOnly')}</p> : null}
          {plan.items.length === 0 ? <p>{t('plans.screen.none')}</p> : null}
          <ul className="plain">
            {inTreeOrder(plan.items).map(({ item, depth }) => (
              <ItemRow key={item.id} item={item} depth={depth} editable={editable} onSaved={replace} />
            ))}
          </ul>
          {editable ? <AddItem plan={plan} onAdded={(item) => setPlan((shown) => (shown ? { ...shown, items: [...shown.items, { ...item, linkedActivities: 0 }] } : shown))} /> : null}
        </section>
      ) : null}
    </>
  );
}
