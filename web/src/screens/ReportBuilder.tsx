/**
 * The report builder, for focal points: a Sector, a period and filters make a report definition;
 * its narrative sections are edited beside the generated report, which refreshes as they are saved.
 */
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ReportResponse } from '#src/reports/schemas.ts';
import { api, ApiError } from '../api.ts';
import type { Page } from '../activities.ts';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { Select } from '../Select.tsx';
import { SECTORS } from '../vocabulary.ts';

type Report = ReportResponse;
type Section = Report['narrative'][number];

/** How long typing may pause before the narrative is saved and the preview redrawn. */
const SAVE_AFTER_MS = 800;
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

function NarrativeEditor({ report, onSaved }: { report: Report; onSaved(report: Report): void }) {
  const { t } = useI18n();
  const [sections, setSections] = useState<Section[]>(report.narrative);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  /** After a 409: the report as someone else saved it; the text typed here stays until the user chooses. */
  const [theirs, setTheirs] = useState<Report | null>(null);
  const latest = useRef({ report, sections });
  latest.current = { report, sections };
  const changedSince = useRef(false);

  const save = useCallback(
    (base: Report) => {
      changedSince.current = false;
      setSaving(true);
      api<Report>('PATCH', `/api/reports/${base.id}`, {
        body: { version: base.version, narrative: latest.current.sections.map(({ key, title, markdown }) => ({ key, title, markdown })) },
      })
        .then(
          (saved) => {
            setError(null);
            setTheirs(null);
            onSaved(saved);
          },
          (caught: unknown) => {
            if (caught instanceof ApiError && caught.status === 409 && caught.current) setTheirs(caught.current as Report);
            setError(caught);
          },
        )
        .finally(() => setSaving(false));
    },
    [onSaved],
  );

  useEffect(() => {
    if (!changedSince.current || theirs) return;
    const timer = setTimeout(() => save(latest.current.report), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [sections, theirs, save]);

  const edit = (index: number, markdown: string) => {
    changedSince.current = true;
    setSections((current) => current.map((section, i) => (i === index ? { ...section, markdown } : section)));
  };

  return (
    <section aria-labelledby="narrative-title" className="narrative">
      <h2 id="narrative-title">{t('app.reports.narrative')}</h2>
      <p role="status">{saving ? t('app.reports.saving') : t('app.reports.savedVersion', { version: report.version })}</p>
      <ErrorAlert error={error} />
      {theirs ? (
        <p className="actions">
          <button type="button" onClick={() => save(theirs)}>
            {t('app.reports.saveMine')}
          </button>
          <button
            type="button"
            onClick={() => {
              setSections(theirs.narrative);
              setTheirs(null);
              setError(null);
              onSaved(theirs);
            }}
          >
            {t('app.reports.takeTheirs')}
          </button>
        </p>
      ) : null}
      {sections.map((section, index) => (
        <Field key={section.key} label={section.title}>
          <textarea rows={6} value={section.markdown} onChange={(e) => edit(index, e.target.value)} />
        </Field>
      ))}
    </section>
  );
}

export default function ReportBuilder() {
  const { t, language } = useI18n();
  const [reports, setReports] = useState<Report[] | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
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
          <p className="actions downloads">
            {FORMATS.map((format) => (
              <a key={format} href={`${report.links[format]}?lang=${language}`} download>
                {t('app.reports.download', { format: format.toUpperCase() })}
              </a>
            ))}
          </p>
          <div className="builder">
            <NarrativeEditor key={report.id} report={report} onSaved={setReport} />
            <iframe key={report.version} className="preview" title={t('app.reports.preview')} src={`${report.links.html}?lang=${language}`} />
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
