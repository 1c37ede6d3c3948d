/**
 * The report builder, for focal points: a Sector, a period and filters make a report definition;
 * its narrative sections are edited beside the generated report, which refreshes as they are saved.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ReportResponse } from '#src/reports/schemas.ts';
import { api } from '../api.ts';
import type { Page } from '../activities.ts';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { AnnexChoice, withAnnex } from '../reports/AnnexChoice.tsx';
import { NarrativeEditor } from '../reports/NarrativeEditor.tsx';
import { useI18n } from '../i18n.tsx';
import { Select } from '../Select.tsx';
import { SECTORS } from '../vocabulary.ts';

type Report = ReportResponse;

const FORMATS = ['docx', 'pdf', 'html', 'md'] as const;

function NewReportForm({ onCreated }: { onCreated(report: Report): void }) {
  const { t, language } = useI18n();
  const id = useId();
  const [error, setError] = useState<unknown>(null);
  const fieldErrorOf = useFieldErrors(error);
  const year = new Date().getUTCFullYear();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    try {
      onCreated(
        await api<Report>('POST', '/api/reports', {
          body: { sector: form.get('sector'), from: form.get('from'), to: form.get('to'), selection: form.get('selection'), visibility: form.get('visibility'), language },
        }),
      );
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form onSubmit={(event) => void create(event)} className="filters" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('app.reports.new')}</h2>
      <Field label={t('app.field.sector')} error={fieldErrorOf('sector')}>
        <Select name="sector" defaultValue="ITU-T" options={SECTORS} labelOf={(sector) => sector} />
      </Field>
      <Field label={t('app.register.from')} error={fieldErrorOf('from')}>
        <input name="from" type="date" defaultValue={`${year}-01-01`} required />
      </Field>
      <Field label={t('app.register.to')} error={fieldErrorOf('to')}>
        <input name="to" type="date" defaultValue={`${year}-12-31`} required />
      </Field>
      <Field label={t('app.reports.selection')}>
        <select name="selection" defaultValue="all">
          <option value="all">{t('app.reports.selectionAll')}</option>
          <option value="held">{t('app.reports.selectionHeld')}</option>
          <option value="planned">{t('app.reports.selectionPlanned')}</option>
        </select>
      </Field>
      <Field label={t('app.field.visibility')}>
        <select name="visibility" defaultValue="public">
          <option value="public">{t('app.visibility.public')}</option>
          <option value="all">{t('app.reports.visibilityAll')}</option>
        </select>
      </Field>
      <ErrorAlert error={error} />
      <button type="submit">{t('app.reports.create')}</button>
    </form>
  );
}

export default function ReportBuilder() {
  const { t, language } = useI18n();
  const [reports, setReports] = useState<Report[] | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [annex, setAnnex] = useState(false);
  const pickId = useId();

  useEffect(() => {
    api<Page<Report>>('GET', '/api/reports').then((page) => setReports(page.data), setError);
  }, []);

  const describe = (r: Report) => `${r.sector} ${r.advisoryGroup}, ${r.from} – ${r.to}`;
  return (
    <>
      <h1>{t('app.reports.title')}</h1>
      <ErrorAlert error={error} />
      {reports && reports.length > 0 ? (
        <p className="actions">
          <label htmlFor={pickId}>{t('app.reports.open')}</label>
          <select id={pickId} value={report?.id ?? ''} onChange={(e) => setReport(reports.find((r) => r.id === e.target.value) ?? null)}>
            <option value="">{t('app.reports.new')}</option>
            {reports.map((r) => (
              <option key={r.id} value={r.id}>
                {describe(r)}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {report ? (
        <>
          <h2>{describe(report)}</h2>
          <p className="actions">
            <AnnexChoice checked={annex} onChange={setAnnex} />
          </p>
          <p className="actions downloads">
            {FORMATS.map((format) => (
              <a key={format} href={withAnnex(`${report.links[format]}?lang=${language}`, annex)} download>
                {t('app.reports.download', { format: format.toUpperCase() })}
              </a>
            ))}
          </p>
          <div className="builder">
            <NarrativeEditor key={report.id} report={report} onSaved={setReport} />
            <iframe key={report.version} className="preview" title={t('app.reports.preview')} src={withAnnex(`${report.links.html}?lang=${language}`, annex)} />
          </div>
        </>
      ) : (
        <NewReportForm
          onCreated={(created) => {
            setReports((current) => [created, ...(current ?? [])]);
            setReport(created);
          }}
        />
      )}
    </>
  );
}
