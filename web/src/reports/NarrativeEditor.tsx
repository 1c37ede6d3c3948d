/**
 * A report definition's narrative sections (the common sections of a round's report), each edited
 * as Markdown and saved a moment after typing pauses, with the version it was based on; after a
 * 409 the typing stays and the user chooses to save it over theirs or to take theirs.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportResponse } from '#src/reports/schemas.ts';
import { api, ApiError } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';

type Report = ReportResponse;
type Section = Report['narrative'][number];

/** How long typing may pause before the narrative is saved and the preview redrawn. */
const SAVE_AFTER_MS = 800;

export function NarrativeEditor({ report, onSaved }: { report: Report; onSaved(report: Report): void }) {
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
