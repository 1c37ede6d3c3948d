/**
 * An office's plan contribution for a Sector and plan year (decision 26): the outputs and regional
 * initiatives it works on, picked with the plans' picker among those it may name, each with its
 * text in the user's language and the planned activities linked to it. The office's editors, the
 * Sector's focal points and admins save it at its version (a stale one shows the contribution as it
 * is now); everyone else reads it.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, queryString } from '../api.ts';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { PlanPicker } from '../plans/PlanPicker.tsx';
import { useOffices } from '../registry.ts';
import { useUser } from '../session.tsx';

type Texts = Partial<Record<string, string>>;

interface ItemSummary {
  id: string;
  plan: string;
  level: string;
  label: string;
  title: string;
}

interface Contribution {
  office: string;
  sector: string;
  year: number;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  entries: Array<{ item: ItemSummary; text: Texts; planned: Array<{ id: string; title: string; date: string; status: string }> }>;
  choices: ItemSummary[];
}

const SECTORS = ['ITU-R', 'ITU-T', 'ITU-D', 'GS'] as const;
/** The bureau whose focal points write a Sector's contributions. */
const BUREAU_OF: Record<string, string> = { 'ITU-R': 'BR', 'ITU-T': 'TSB', 'ITU-D': 'BDT', GS: 'SG' };

export default function PlanContribution() {
  const { t, language } = useI18n();
  const user = useUser();
  const offices = useOffices();
  const [params, setParams] = useSearchParams();
  const office = params.get('office') ?? user.office ?? offices[0]?.code ?? '';
  const sector = params.get('sector') ?? 'ITU-T';
  const year = Number(params.get('year') ?? new Date().getFullYear());
  // The year as typed: the contribution changes once it is a whole year.
  const [yearText, setYearText] = useState(String(year));
  const [current, setCurrent] = useState<Contribution | null>(null);
  const [texts, setTexts] = useState<Record<string, Texts>>({});
  const [order, setOrder] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const errorOf = useFieldErrors(error);

  const canWrite = user.role === 'admin' || (user.role === 'editor' && user.office === office) || (user.role === 'focal-point' && user.bureau === BUREAU_OF[sector]);

  function show(contribution: Contribution) {
    setCurrent(contribution);
    setOrder(contribution.entries.map((e) => e.item.id));
    setTexts(Object.fromEntries(contribution.entries.map((e) => [e.item.id, e.text])));
  }

  useEffect(() => {
    if (!office) return;
    let live = true;
    // Nothing of the previous office, Sector or year stays on screen while this one loads.
    setCurrent(null);
    setError(null);
    setNotice(null);
    api<Contribution>('GET', `/api/offices/${encodeURIComponent(office)}/plan-contributions/${year}/${encodeURIComponent(sector)}${queryString({ lang: language })}`).then(
      (c) => live && show(c),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [office, sector, year, language]);

  /** The office's words in another language, shown beside an empty field of the user's (they stay as written). */
  const otherLanguage = (text: Texts | undefined): string | undefined => {
    const found = Object.entries(text ?? {}).find(([l, v]) => l !== language && v);
    if (!found) return undefined;
    const name = new Intl.DisplayNames([language], { type: 'language' }).of(found[0]) ?? found[0];
    return t('annualplan.editor.otherLanguage', { language: name, text: found[1] ?? '' });
  };

  const allowed = useMemo(() => new Set(current?.choices.map((c) => c.id) ?? []), [current]);
  const itemOf = (id: string): ItemSummary | undefined => current?.entries.find((e) => e.item.id === id)?.item ?? current?.choices.find((c) => c.id === id);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current) return;
    setError(null);
    setNotice(null);
    // Only the languages with words in them; the other languages the office wrote stay as they were.
    const entries = order.map((item) => ({ item, text: Object.fromEntries(Object.entries(texts[item] ?? {}).filter(([, v]) => v && v.trim() !== '')) }));
    try {
      const saved = await api<Contribution>('PUT', `/api/offices/${encodeURIComponent(office)}/plan-contributions/${year}/${encodeURIComponent(sector)}${queryString({ lang: language })}`, {
        body: { version: current.version, entries },
      });
      show(saved);
      setNotice(t('annualplan.editor.saved', { version: saved.version }));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.current) {
        show(caught.current as Contribution);
        setNotice(t('annualplan.editor.conflict'));
        return;
      }
      setError(caught);
    }
  }

  const choose = (key: 'office' | 'sector' | 'year', value: string) => {
    const next = new URLSearchParams(params);
    next.set('office', office);
    next.set('sector', sector);
    next.set('year', String(year));
    next.set(key, value);
    setParams(next);
  };

  return (
    <>
      <h1>{t('annualplan.editor.title')}</h1>
      <p className="hint">{t('annualplan.editor.intro')}</p>
      <div className="filters">
        <Field label={t('annualplan.editor.office')}>
          <select value={office} onChange={(e) => choose('office', e.target.value)}>
            {offices.length === 0 ? <option value={office}>{office}</option> : null}
            {offices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('annualplan.editor.sector')}>
          <select value={sector} onChange={(e) => choose('sector', e.target.value)}>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('annualplan.editor.year')}>
          <input
            type="number"
            min={1900}
            max={2200}
            value={yearText}
            onChange={(e) => {
              setYearText(e.target.value);
              if (/^(19|20|21)\d\d$/.test(e.target.value)) choose('year', e.target.value);
            }}
          />
        </Field>
      </div>
      {notice ? (
        <p role="status" className="notice">
          {notice}
        </p>
      ) : null}
      {current ? (
        <form onSubmit={(event) => void save(event)} className="editor" noValidate>
          <ErrorAlert error={error} />
          <p className="hint">
            {t('annualplan.editor.version', { version: current.version })} ·{' '}
            <a href={`/${language}/offices/${encodeURIComponent(office)}?year=${year}#by-output`}>{t('annualplan.editor.publicPage')}</a>
          </p>
          {canWrite ? (
            <PlanPicker
              legend={t('annualplan.editor.add')}
              hint={t('annualplan.editor.pickHint')}
              items={order}
              allowed={allowed}
              year={year}
              saved={null}
              onChange={(next) => setOrder(next)}
            />
          ) : (
            <p className="hint">{t('annualplan.editor.readOnly')}</p>
          )}
          {order.length === 0 ? <p>{t('annualplan.editor.empty')}</p> : null}
          {order.map((id, n) => {
            const item = itemOf(id);
            const label = item ? `${item.label} ${item.title}` : id;
            const planned = current.entries.find((e) => e.item.id === id)?.planned ?? [];
            return (
              <section key={id} className="plan-entry" aria-labelledby={`entry-${n}`}>
                <h2 id={`entry-${n}`}>
                  <span dir="auto">{label}</span>
                </h2>
                <Field
                  label={t('annualplan.editor.text', { label: item?.label ?? id })}
                  error={errorOf(`entries.${n}.text`) ?? errorOf(`entries.${n}.item`)}
                  hint={texts[id]?.[language] ? undefined : otherLanguage(texts[id])}
                >
                  <textarea
                    rows={4}
                    dir="auto"
                    readOnly={!canWrite}
                    value={texts[id]?.[language] ?? ''}
                    onChange={(e) => setTexts((all) => ({ ...all, [id]: { ...all[id], [language]: e.target.value } }))}
                  />
                </Field>
                <h3>{t('annualplan.editor.planned')}</h3>
                {planned.length === 0 ? (
                  <p className="hint">{t('annualplan.editor.noPlanned')}</p>
                ) : (
                  <ul>
                    {planned.map((a) => (
                      <li key={a.id}>
                        <Link to={`/activities/${a.id}`}>
                          <span dir="auto">{a.title}</span>
                        </Link>{' '}
                        · {a.date} · {t(`app.status.${a.status}`)}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
          {canWrite ? (
            <p className="actions">
              <button type="submit" className="primary">
                {t('annualplan.editor.save')}
              </button>
            </p>
          ) : null}
        </form>
      ) : (
        <ErrorAlert error={error} />
      )}
    </>
  );
}
