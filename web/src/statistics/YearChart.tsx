/**
 * The year's activities per month and region, as the signed-in person may see them (internal ones
 * counted for staff): the chart is an SVG image drawn by the server, the table beside it gives
 * every figure, and the public page of the same year is a link away.
 */
import { useEffect, useState } from 'react';
import type { YearCountsResponse } from '#src/opendata/schemas.ts';
import { api } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { useRegions } from '../registry.ts';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function YearChart({ year }: { year: number }) {
  const { t, language, formatNumber } = useI18n();
  const regions = useRegions();
  const [data, setData] = useState<YearCountsResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<YearCountsResponse>('GET', `/api/statistics/activities-per-month?year=${year}`).then(setData, setError);
  }, [year]);
  const shownYear = new Intl.NumberFormat(language, { useGrouping: false }).format(year);
  const at = (month: number, region: string) => data?.counts.find((c) => c.month === month && c.region === region)?.count ?? 0;
  const monthName = (month: number) => new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  const rowTotal = (month: number) => regions.reduce((sum, r) => sum + at(month, r.code), 0);
  return (
    <section aria-labelledby="year-chart-heading" className="year-chart">
      <h2 id="year-chart-heading">{t('opendata.workspace.chartTitle', { year: shownYear })}</h2>
      <ErrorAlert error={error} />
      <img src={`/api/statistics/activities-per-month.svg?year=${year}&lang=${language}`} alt={t('opendata.year.chartDescription', { year: shownYear })} width={720} />
      {data ? (
        // Scrolls sideways on a phone: focusable and named, so a keyboard can scroll it too.
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('opendata.workspace.caption', { year: shownYear })}>
          <table>
            <caption>{t('opendata.workspace.caption', { year: shownYear })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('opendata.year.month')}</th>
                {regions.map((r) => (
                  <th scope="col" key={r.code}>
                    {r.name}
                  </th>
                ))}
                <th scope="col">{t('opendata.year.total')}</th>
              </tr>
            </thead>
            <tbody>
              {[...MONTHS, 0].map((month) =>
                month === 0 && rowTotal(0) === 0 ? null : (
                  <tr key={month}>
                    <th scope="row">{month === 0 ? t('opendata.year.monthUnknown') : monthName(month)}</th>
                    {regions.map((r) => (
                      <td key={r.code} className="number">
                        {formatNumber(at(month, r.code))}
                      </td>
                    ))}
                    <td className="number">{formatNumber(rowTotal(month))}</td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
      <p>
        {t('opendata.year.note')} <a href={`/${language}/years/${year}`}>{t('opendata.workspace.public')}</a>
      </p>
    </section>
  );
}
