/**
 * A spreadsheet into the register, in three steps: the server reads the file's headings and
 * guesses what each holds (in the user's words: "Titre", "Fecha"), the user corrects any guess;
 * the preview says what every row would do (add, update, unchanged, refused with its reasons by
 * column), writing nothing; then apply. The file stays in the browser and is sent again with
 * each choice of columns.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { ImportPreviewResponse, ImportReportResponse } from '#src/activities/schemas.ts';
import { api, ApiError, queryString } from '../api.ts';
import { ErrorAlert, problemMessage, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { isolate, useI18n } from '../i18n.tsx';

type Preview = ImportPreviewResponse;
type Column = NonNullable<Preview['columns'][number]>;
type RowError = NonNullable<Preview['rows'][number]['errors']>[number];

/** The columns a heading may be taken as, in the order of the export. */
const CHOICES: readonly Column[] = ['id', 'version', 'title', 'original_language', 'kind', 'status', 'visibility', 'offices', 'sectors', 'bodies', 'date_text', 'date_start', 'date_end', 'place_mode', 'place_city', 'place_country', 'participants', 'description', 'outcome', 'links', 'outputs', 'initiatives', 'goals'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Enough rows to read on a screen; the counts say how many there are. */
const SHOWN_ROWS = 200;

/** The `columns` parameter: one name per heading, empty for a heading left out. */
const columnsParam = (columns: Preview['columns']) => columns.map((c) => c ?? '').join(',');
/** A workbook by its name: browsers give a .csv many types (text/csv, application/vnd.ms-excel …). */
const typeOf = (file: File) => (/\.xlsx$/i.test(file.name) ? XLSX : 'text/csv');

export default function SheetImport() {
  const i18n = useI18n();
  const { t, language, formatNumber } = i18n;
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [report, setReport] = useState<ImportReportResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function check(chosen: File, columns?: Preview['columns']) {
    setError(null);
    setReport(null);
    setBusy(true);
    try {
      const query = queryString({ columns: columns ? columnsParam(columns) : undefined });
      setPreview(await api<Preview>('POST', `/api/activities/import/preview${query}`, { file: { body: chosen, type: typeOf(chosen) } }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  async function apply(mode: 'all-or-nothing' | 'valid-rows') {
    if (!file || !preview) return;
    setError(null);
    setBusy(true);
    try {
      const query = queryString({ columns: columnsParam(preview.columns), mode });
      setReport(await api<ImportReportResponse>('POST', `/api/activities/import${query}`, { file: { body: file, type: typeOf(file) } }));
      setPreview(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  function read(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).get('file');
    if (!(chosen instanceof File) || chosen.size === 0) return;
    setFile(chosen);
    void check(chosen);
  }

  // Why a file cannot be read (not UTF-8, not a workbook, no rows …): the server's words, in English, after ours.
  const fileError = useFieldErrors(error);
  const unreadable = error instanceof ApiError ? error.fieldIssue('body', true) : undefined;
  const columnName = (column: string) => (i18n.has(`sheets.column.${column}`) ? t(`sheets.column.${column}`) : column);
  const errorText = (e: RowError) => `${columnName(e.column === 'row' ? '' : e.column)}${e.column === 'row' ? '' : ': '}${problemMessage(i18n, { code: e.code, issues: [{ path: e.column, code: e.code, message: e.message, params: e.params }], problem: e.message })}`;

  return (
    <>
      <h1>{t('sheets.import.title')}</h1>
      <p>{t('sheets.import.intro')}</p>
      <p className="actions">
        <a href={`/api/activities/import/template?lang=${language}&format=csv`} download>
          {t('sheets.import.templateCsv')}
        </a>
        <a href={`/api/activities/import/template?lang=${language}&format=xlsx`} download>
          {t('sheets.import.templateXlsx')}
        </a>
      </p>
      <form onSubmit={read} className="row">
        <Field label={t('sheets.import.file')}>
          <input name="file" type="file" accept=".csv,.xlsx,text/csv" required />
        </Field>
        <button type="submit" disabled={busy}>
          {t('sheets.import.read')}
        </button>
      </form>
      <ErrorAlert error={error} />
      {unreadable ? (
        <p className="field-error">
          {fileError('body', true)}: <span lang="en">{unreadable.message}</span>
        </p>
      ) : null}
      {report ? (
        <div role="status">
          <p>{t('sheets.import.done', { created: formatNumber(report.created), updated: formatNumber(report.updated) })}</p>
          <p>
            <Link to="/activities?sort=updated">{t('sheets.import.openRegister')}</Link>
          </p>
        </div>
      ) : null}
      {preview && file ? <Columns preview={preview} busy={busy} onChange={(columns) => void check(file, columns)} columnName={columnName} /> : null}
      {preview && preview.problems.length === 0 ? <Outcome preview={preview} busy={busy} onApply={(mode) => void apply(mode)} columnName={columnName} errorText={errorText} /> : null}
    </>
  );
}

function Columns({ preview, busy, onChange, columnName }: { preview: Preview; busy: boolean; onChange(columns: Preview['columns']): void; columnName(column: string): string }) {
  const { t } = useI18n();
  const headingId = useId();
  const choose = (position: number, value: string) => onChange(preview.columns.map((c, i) => (i === position ? ((value || null) as Column | null) : c)));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sheets.import.columnsTitle')}</h2>
      <p>{t('sheets.import.columnsHelp')}</p>
      {preview.problems.length > 0 ? (
        <ul role="alert" className="alert">
          {preview.problems.map((problem) => (
            <li key={`${problem.code} ${problem.column ?? ''}`}>{t(`sheets.import.problem.${problem.code}`, { column: isolate(columnName(problem.column ?? '')) })}</li>
          ))}
        </ul>
      ) : null}
      <table className="cards-narrow">
        <thead>
          <tr>
            <th scope="col">{t('sheets.import.heading')}</th>
            <th scope="col">{t('sheets.import.example')}</th>
            <th scope="col">{t('sheets.import.column')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.header.map((heading, position) => (
            <tr key={position}>
              <th scope="row" dir="auto">
                {heading}
              </th>
              <td data-label={t('sheets.import.example')} dir="auto">
                {preview.firstRow[position] ?? ''}
              </td>
              <td>
                <select
                  aria-label={t('sheets.import.columnFor', { heading })}
                  value={preview.columns[position] ?? ''}
                  disabled={busy}
                  onChange={(event) => choose(position, event.currentTarget.value)}
                >
                  <option value="">{t('sheets.import.leaveOut')}</option>
                  {CHOICES.map((column) => (
                    <option key={column} value={column}>
                      {columnName(column)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface OutcomeProps {
  preview: Preview;
  busy: boolean;
  onApply(mode: 'all-or-nothing' | 'valid-rows'): void;
  columnName(column: string): string;
  errorText(error: RowError): string;
}

function Outcome({ preview, busy, onApply, columnName, errorText }: OutcomeProps) {
  const { t, formatNumber } = useI18n();
  const headingId = useId();
  const { counts } = preview;
  const worth = preview.rows.filter((r) => r.action !== 'unchanged');
  const shown = worth.slice(0, SHOWN_ROWS);
  const storable = counts.create + counts.update;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sheets.import.previewTitle')}</h2>
      <p role="status">
        {t('sheets.import.counts', { create: formatNumber(counts.create), update: formatNumber(counts.update), unchanged: formatNumber(counts.unchanged), refused: formatNumber(counts.refused) })}
      </p>
      {worth.length > shown.length ? <p>{t('sheets.import.firstShown', { shown: formatNumber(shown.length), total: formatNumber(worth.length) })}</p> : null}
      <ul className="sheet-rows">
        {shown.map((row) => (
          <li key={row.row} className={`sheet-row ${row.action}`}>
            <strong>{t('sheets.import.row', { row: formatNumber(row.row) })}</strong> · {t(`sheets.import.action.${row.action}`)}
            {row.title ? (
              <>
                {' · '}
                <bdi>{row.title}</bdi>
              </>
            ) : null}
            {row.changed && row.changed.length > 0 ? <div>{t('sheets.import.changed', { columns: row.changed.map(columnName).join(', ') })}</div> : null}
            {row.errors ? (
              <ul>
                {row.errors.map((e, i) => (
                  <li key={i}>{errorText(e)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {counts.refused > 0 ? <p>{t('sheets.import.refusedHelp')}</p> : null}
      {storable === 0 ? (
        <p>{t('sheets.import.nothing')}</p>
      ) : (
        <p className="actions">
          {counts.refused === 0 ? (
            <button type="button" className="primary" disabled={busy} onClick={() => onApply('all-or-nothing')}>
              {t('sheets.import.apply', { create: formatNumber(counts.create), update: formatNumber(counts.update) })}
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => onApply('valid-rows')}>
              {t('sheets.import.applyValid', { refused: formatNumber(counts.refused) })}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
