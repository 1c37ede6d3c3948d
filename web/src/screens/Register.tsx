/**
 * The register as a table (cards on a narrow screen): the API's filters, kept in the URL so a
 * filter can be saved or shared; deleted activities shown on request, each with "restore".
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, queryString } from '../api.ts';
import { titleLanguage, titleOf, type Activity, type Page } from '../activities.ts';
import { ErrorAlert } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { FuzzyDateText } from '../FuzzyDateText.tsx';
import { useI18n } from '../i18n.tsx';
import { nameOf, useOffices } from '../registry.ts';
import { useUser } from '../session.tsx';
import { Select } from '../Select.tsx';
import { ACTIVITY_KINDS, REGIONS, SECTORS, STATUSES, VISIBILITIES } from '../vocabulary.ts';
import { usePlanLabels } from '../plans/usePlanLabels.ts';

/** A plan filter: what is typed (a label such as "T.2-1"), offered from the plans' labels. */
function PlanChoice({ name, label, current }: { name: 'output' | 'initiative' | 'goal'; label: string; current: string }) {
  const labels = usePlanLabels(name);
  return (
    <>
      <Field label={label}>
        <input name={name} list={`plan-${name}`} defaultValue={current} dir="ltr" />
      </Field>
      <datalist id={`plan-${name}`}>
        {labels.map((entry) => (
          <option key={entry.value} value={entry.value}>
            {entry.title}
          </option>
        ))}
      </datalist>
    </>
  );
}

/** The filters of GET /api/activities this screen offers, as URL parameters of the same names. */
export const FILTERS = ['office', 'region', 'sector', 'kind', 'status', 'visibility', 'deleted', 'undated', 'from', 'to', 'q', 'sort', 'output', 'initiative', 'goal'] as const;
type Filter = (typeof FILTERS)[number];

function Choice({ name, label, values, current, labelOf }: { name: Filter; label: string; values: readonly string[]; current: string; labelOf: (value: string) => string }) {
  const { t } = useI18n();
  return (
    <Field label={label}>
      <Select name={name} defaultValue={current} none={t('app.register.any')} options={values} labelOf={labelOf} />
    </Field>
  );
}

export default function Register() {
  const { t, language } = useI18n();
  const offices = useOffices();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState<Page<Activity> | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Bumped to read the page again after a restore.
  const [reads, setReads] = useState(0);
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])) as Record<Filter, string>;
  const cursor = params.get('cursor') ?? '';
  // The page size is kept in the URL too, though the form does not offer it.
  const limit = params.get('limit') ?? '';
  const query = queryString({ ...filters, cursor, limit, lang: language });
  const withFilters = (changes: Record<string, string | undefined>) => setParams(new URLSearchParams(queryString({ ...filters, limit, ...changes })));
  const dateSort = filters.sort === '-date' ? 'descending' : !filters.sort || filters.sort === 'date' ? 'ascending' : 'none';

  useEffect(() => {
    let current = true;
    setError(null);
    api<Page<Activity>>('GET', `/api/activities${query}`).then(
      (result) => current && setPage(result),
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [query, reads]);

  async function restore(activity: Activity) {
    setError(null);
    try {
      await api<Activity>('POST', `/api/activities/${activity.id}/restore`);
      setReads((count) => count + 1);
    } catch (caught) {
      setError(caught);
    }
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next.set(name, value);
    }
    if (limit) next.set('limit', limit);
    setParams(next);
  }

  const exportQuery = queryString({ ...filters, lang: language });
  // The offices arrive after the first render: the form is drawn again with them, so a linked office (the coverage's figures) shows as chosen.
  const key = `${FILTERS.map((name) => filters[name]).join('|')}|${offices.length}`;
  return (
    <>
      <h1>{t('app.register.title')}</h1>
      <form key={key} onSubmit={apply} className="filters" aria-label={t('app.register.filters')}>
        <Choice name="office" label={t('app.field.office')} values={offices.map((o) => o.code)} current={filters.office} labelOf={(code) => nameOf(offices, code)} />
        <Choice name="region" label={t('app.field.region')} values={REGIONS} current={filters.region} labelOf={(code) => code} />
        <Choice name="sector" label={t('app.field.sector')} values={SECTORS} current={filters.sector} labelOf={(code) => code} />
        <Choice name="kind" label={t('app.field.kind')} values={ACTIVITY_KINDS} current={filters.kind} labelOf={(kind) => t(`app.kind.${kind}`)} />
        {/* Several statuses from a link (the coverage's "planned": planned,confirmed) stay chosen, offered as they came. */}
        <Choice name="status" label={t('app.field.status')} values={filters.status.includes(',') ? [...STATUSES, filters.status] : STATUSES} current={filters.status} labelOf={(status) => status.split(',').map((s) => t(`app.status.${s}`)).join(' + ')} />
        <Choice name="visibility" label={t('app.field.visibility')} values={VISIBILITIES} current={filters.visibility} labelOf={(v) => t(`app.visibility.${v}`)} />
        <Field label={t('app.register.deleted')}>
          <Select name="deleted" defaultValue={filters.deleted} none={t('app.register.deletedExclude')} options={['include', 'only'] as const} labelOf={(value) => t(`app.register.deleted.${value}`)} />
        </Field>
        <Choice name="undated" label={t('app.register.undated')} values={['exclude', 'only']} current={filters.undated} labelOf={(v) => t(v === 'only' ? 'app.register.undatedOnly' : 'app.register.undatedExclude')} />
        <PlanChoice name="output" label={t('plans.filter.output')} current={filters.output} />
        <PlanChoice name="initiative" label={t('plans.filter.initiative')} current={filters.initiative} />
        <PlanChoice name="goal" label={t('plans.filter.goal')} current={filters.goal} />
        <Field label={t('app.register.from')}>
          <input name="from" type="date" defaultValue={filters.from} />
        </Field>
        <Field label={t('app.register.to')}>
          <input name="to" type="date" defaultValue={filters.to} />
        </Field>
        <Field label={t('app.register.words')}>
          <input name="q" type="search" defaultValue={filters.q} />
        </Field>
        <Field label={t('app.register.sort')}>
          <select name="sort" defaultValue={filters.sort || 'date'}>
            <option value="date">{t('app.register.sortDate')}</option>
            <option value="-date">{t('app.register.sortDateDesc')}</option>
            <option value="updated">{t('app.register.sortUpdated')}</option>
          </select>
        </Field>
        <button type="submit">{t('app.register.apply')}</button>
      </form>
      <p className="actions">
        <a href={`/api/activities${exportQuery}${exportQuery ? '&' : '?'}format=csv`} download>
          {t('app.register.exportCsv')}
        </a>
        <a href={`/api/activities${exportQuery}${exportQuery ? '&' : '?'}format=xlsx`} download>
          {t('app.register.exportXlsx')}
        </a>
        {user.role === 'reader' ? null : <Link to="/activities/import">{t('sheets.register.import')}</Link>}
      </p>
      <ErrorAlert error={error} />
      {page ? (
        page.data.length === 0 ? (
          <p>{t('app.register.none')}</p>
        ) : (
          <table className="cards-narrow">
            <caption className="visually-hidden">{t('app.register.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('app.field.title')}</th>
                <th scope="col" aria-sort={dateSort}>
                  <button type="button" className="sort" onClick={() => withFilters({ sort: dateSort === 'ascending' ? '-date' : 'date' })}>
                    {t('app.field.date')} <span aria-hidden="true">{dateSort === 'ascending' ? '▲' : dateSort === 'descending' ? '▼' : '↕'}</span>
                  </button>
                </th>
                <th scope="col">{t('app.field.kind')}</th>
                <th scope="col">{t('app.field.status')}</th>
                <th scope="col">{t('app.field.offices')}</th>
                {filters.deleted ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('app.editor.restore')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {page.data.map((activity) => (
                <tr key={activity.id}>
                  <td>
                    <Link to={`/activities/${activity.id}`} dir="auto" lang={titleLanguage(activity, language)}>
                      {titleOf(activity, language)}
                    </Link>
                  </td>
                  <td data-label={t('app.field.date')}>
                    <FuzzyDateText date={activity.date} />
                  </td>
                  <td data-label={t('app.field.kind')}>{t(`app.kind.${activity.kind}`)}</td>
                  <td data-label={t('app.field.status')}>
                    {t(`app.status.${activity.status}`)}
                    {activity.deletedAt ? <strong className="deleted-mark"> · {t('app.register.isDeleted')}</strong> : null}
                  </td>
                  <td data-label={t('app.field.offices')}>{[...new Set(activity.offices.map((o) => o.office))].map((code) => nameOf(offices, code)).join(', ')}</td>
                  {filters.deleted ? (
                    <td>
                      {activity.deletedAt ? (
                        <button type="button" onClick={() => void restore(activity)} aria-label={t('app.register.restoreNamed', { title: titleOf(activity, language) })}>
                          {t('app.editor.restore')}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
      <nav className="actions" aria-label={t('app.register.pages')}>
        {cursor ? (
          <button type="button" onClick={() => withFilters({})}>
            {t('app.register.firstPage')}
          </button>
        ) : null}
        {page?.next ? (
          <button type="button" onClick={() => withFilters({ cursor: page.next ?? undefined })}>
            {t('app.register.nextPage')}
          </button>
        ) : null}
      </nav>
    </>
  );
}
