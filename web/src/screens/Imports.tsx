/** Upload a report to import, and the imports made so far. */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../api.ts';
import type { Page } from '../activities.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { nameOf, useOffices } from '../registry.ts';
import { LanguageSelect, Select } from '../Select.tsx';
import type { BatchSummary, UploadOutcome } from '../imports.ts';

export default function Imports() {
  const { t, language, formatDate } = useI18n();
  const offices = useOffices();
  const navigate = useNavigate();
  const id = useId();
  const [batches, setBatches] = useState<BatchSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<Page<BatchSummary>>('GET', '/api/imports').then((page) => setBatches(page.data), setError);
  }, []);

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (!form.get('office')) form.delete('office');
    setBusy(true);
    setError(null);
    try {
      const batch = await api<BatchSummary & { existing?: boolean; duplicates?: number }>('POST', '/api/imports', { form });
      // What the upload left out is said on the review, never skipped without a word.
      navigate(`/imports/${batch.id}`, { state: { existing: batch.existing ?? false, proposedBefore: batch.duplicates ?? 0 } satisfies UploadOutcome });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('app.imports.title')}</h1>
      <form onSubmit={(event) => void upload(event)} className="stack upload">
        <label htmlFor={`${id}-file`}>{t('app.imports.file')}</label>
        <input id={`${id}-file`} name="file" type="file" accept=".docx,.txt,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document" required />
        <label htmlFor={`${id}-language`}>{t('app.imports.language')}</label>
        <LanguageSelect id={`${id}-language`} name="language" defaultValue={language} />
        <label htmlFor={`${id}-office`}>{t('app.imports.office')}</label>
        <Select id={`${id}-office`} name="office" defaultValue="" none={t('app.imports.officeFromDocument')} options={offices.map((office) => office.code)} labelOf={(code) => nameOf(offices, code)} />
        <ErrorAlert error={error} />
        <button type="submit" disabled={busy}>
          {t('app.imports.upload')}
        </button>
      </form>
      <h2>{t('app.imports.previous')}</h2>
      {batches && batches.length === 0 ? <p>{t('app.imports.none')}</p> : null}
      <ul className="cards">
        {batches?.map((batch) => (
          <li key={batch.id}>
            <Link to={`/imports/${batch.id}`}>{batch.header.title ?? batch.document}</Link>
            <span className="meta">
              {formatDate(batch.createdAt, true)} · {t('app.imports.counts', { proposed: batch.counts.proposed, accepted: batch.counts.accepted, rejected: batch.counts.rejected })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
