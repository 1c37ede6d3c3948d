/**
 * The coverage of a Sector's plan in a year (decision 25): the outputs against every region and
 * its offices, each figure a link to the register filtered to the activities it counts (planned
 * or held), the gaps written out; the regional initiatives against their region's offices; the
 * heatmap drawn by the server beside; the same as CSV or XLSX. The Sector and year are in the URL.
 */
import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { registerFilter, type Bucket } from '#src/coverage/model.ts';
import type { CoverageResponse } from '#src/coverage/schemas.ts';
import { PLAN_SECTORS } from '#src/plans/model.ts';
import { api, queryString } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { useRegions } from '../registry.ts';

type Table = CoverageResponse['outputs'];
type Figures = Table['total'];

const DEFAULT_SECTOR = 'ITU-T';
const thisYear = () => new Date().getUTCFullYear();

function FigureLinks({ table, year, row, rowName, column, columnName, figures }: { table: Table; year: number; row: string | null; rowName: string; column: Table['columns'][number] | null; columnName: string; figures: Figures }) {
  const { t, formatNumber } = useI18n();
  if (figures.gap) return <span className="coverage-gap">{t('coverage.gap')}</span>;
  // The accessible name starts with the visible words, then says which row and column the figure is of.
  const link = (bucket: Bucket, count: number, label: string) => (
    <Link to={`/activities${queryString(registerFilter(table, year, bucket, row, column))}`} aria-label={t('coverage.figureLink', { figure: `${formatNumber(count)} ${label}`, row: rowName, column: columnName })}>
      {formatNumber(count)} {label}
    </Link>
  );
  return (
    <>
      {link('planned', figures.planned, t('coverage.planned'))}
      <br />
      {link('held', figures.held, t('coverage.held'))}
    </>
  );
}

function CoverageTable({ table, year, caption, rowHeading }: { table: Table; year: number; caption: string; rowHeading: string }) {
  const { t } = useI18n();
  const total = t('coverage.total');
  return (
    // Scrolls sideways on a phone: focusable and named, so a keyboard can scroll it too.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="coverage-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {table.columns.map((c) => (
              <th scope="col" key={c.code} className={c.kind === 'region' ? 'coverage-region' : undefined}>
                {c.kind === 'region' ? c.code : c.name}
              </th>
            ))}
            <th scope="col">{total}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">
                {row.label} <span className="coverage-title">{row.title}</span>
              </th>
              {row.cells.map((cell, i) => (
                <td key={table.columns[i]!.code} className={cell.gap ? 'coverage-gap-cell' : table.columns[i]!.kind === 'region' ? 'coverage-region' : undefined}>
                  <FigureLinks table={table} year={year} row={row.label} rowName={row.label} column={table.columns[i]!} columnName={table.columns[i]!.name} figures={cell} />
                </td>
              ))}
              <td>
                <FigureLinks table={table} year={year} row={row.label} rowName={row.label} column={null} columnName={total} figures={row.total} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{total}</th>
            {table.totals.map((cell, i) => (
              <td key={table.columns[i]!.code} className={cell.gap ? 'coverage-gap-cell' : undefined}>
                <FigureLinks table={table} year={year} row={null} rowName={total} column={table.columns[i]!} columnName={table.columns[i]!.name} figures={cell} />
              </td>
            ))}
            <td>
              <FigureLinks table={table} year={year} row={null} rowName={total} column={null} columnName={total} figures={table.total} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

export default function Coverage() {
  const { t, language } = useI18n();
  const regions = useRegions();
  const [params, setParams] = useSearchParams();
  const sector = params.get('sector') ?? DEFAULT_SECTOR;
  const year = Number(params.get('year') ?? thisYear());
  const [data, setData] = useState<CoverageResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const query = queryString({ sector, year: String(year), lang: language });

  useEffect(() => {
    let current = true;
    setError(null);
    setData(null);
    api<CoverageResponse>('GET', `/api/coverage${query}`).then(
      (result) => current && setData(result),
      (caught: unknown) => current && setError(caught),
    );
    return () => {
      current = false;
    };
  }, [query]);

  function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setParams(new URLSearchParams({ sector: String(form.get('sector') ?? DEFAULT_SECTOR), year: String(form.get('year') ?? year) }));
  }

  const shownYear = new Intl.NumberFormat(language, { useGrouping: false }).format(year);
  const plan = data?.plan?.name ?? sector;
  const regionName = (code: string | null) => regions.find((r) => r.code === code)?.name ?? code ?? '';
  return (
    <>
      <h1>{t('coverage.heading', { plan, year: shownYear })}</h1>
      <form className="filters" onSubmit={choose} key={`${sector}|${year}`} aria-label={t('coverage.title')}>
        <Field label={t('coverage.sector')}>
          <select name="sector" defaultValue={sector}>
            {PLAN_SECTORS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('coverage.year')}>
          <input name="year" type="number" min={1900} max={2200} defaultValue={year} required />
        </Field>
        <button type="submit">{t('coverage.show')}</button>
      </form>
      <ErrorAlert error={error} />
      {data ? (
        <>
          <p>{t('coverage.intro', { plan, year: shownYear })}</p>
          <p className="hint">
            {t(data.internalCounted ? 'coverage.internalCounted' : 'coverage.publicCounted')} {t('coverage.distinct')}
          </p>
          <p>
            <a href={`/api/coverage${queryString({ sector, year: String(year), lang: language, format: 'csv' })}`} download>
              {t('coverage.downloadCsv')}
            </a>{' '}
            ·{' '}
            <a href={`/api/coverage${queryString({ sector, year: String(year), lang: language, format: 'xlsx' })}`} download>
              {t('coverage.downloadXlsx')}
            </a>{' '}
            · <a href={`/${language}/plans/${sector}/${year}/coverage`}>{t('coverage.publicPage')}</a>
          </p>
          {data.outputs.rows.length === 0 ? (
            <p>{t('coverage.noPlan', { sector, year: shownYear })}</p>
          ) : (
            <section className="coverage">
              <img className="coverage-heatmap" src={`/api/coverage/heatmap.svg${query}`} alt={t('coverage.heatmap.description', { plan, year: shownYear })} />
              <CoverageTable table={data.outputs} year={year} caption={t('coverage.outputsCaption', { plan, year: shownYear })} rowHeading={t('coverage.output')} />
            </section>
          )}
          {data.initiatives.map((table) => (
            <section key={table.region} className="coverage">
              <h2>{t('coverage.site.initiatives')}: {regionName(table.region)}</h2>
              <CoverageTable table={table} year={year} caption={t('coverage.initiativesCaption', { region: regionName(table.region), year: shownYear })} rowHeading={t('coverage.initiative')} />
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
