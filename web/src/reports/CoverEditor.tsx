/**
 * A report definition's cover, as a TD has it: number, place and date, source, contacts, title,
 * purpose, keywords, abstract. A field left empty goes back to the generated default. Saved with
 * the version it was based on; after a 409 the typing stays and the user chooses.
 */
import { useState, type FormEvent } from 'react';
import type { ReportResponse } from '#src/reports/schemas.ts';
import type { Purpose } from '#src/reports/phrases.ts';
import { api, ApiError } from '../api.ts';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { ListField } from '../ListField.tsx';
import { Select } from '../Select.tsx';

type Report = ReportResponse;
type Header = Report['header'];
type Contact = Header['contacts'][number];

const PURPOSES = Object.keys({ discussion: true, information: true, decision: true, admin: true } satisfies Record<Purpose, true>) as Purpose[];
/** The cover's lines of text, in the order a TD prints them. */
const LINES = ['documentNumber', 'placeAndDate', 'studyPeriod', 'questions', 'source', 'title', 'keywords'] as const;
type Line = (typeof LINES)[number];

interface CoverDraft extends Record<Line, string> {
  abstract: string;
  purpose: Purpose;
  contacts: Array<Record<keyof Contact, string>>;
}

const draftOf = (header: Header): CoverDraft => ({
  ...(Object.fromEntries(LINES.map((line) => [line, header[line] ?? ''])) as Record<Line, string>),
  abstract: header.abstract ?? '',
  purpose: header.purpose,
  contacts: header.contacts.map((contact) => ({ name: contact.name, organisation: contact.organisation ?? '', country: contact.country ?? '', tel: contact.tel ?? '', email: contact.email ?? '' })),
});

const orNull = (text: string): string | null => text.trim() || null;
const bodyOf = (draft: CoverDraft) => ({
  ...Object.fromEntries(LINES.map((line) => [line, orNull(draft[line])])),
  abstract: orNull(draft.abstract),
  purpose: draft.purpose,
  contacts: draft.contacts
    .filter((contact) => contact.name.trim())
    .map((contact) => ({ name: contact.name.trim(), organisation: orNull(contact.organisation), country: orNull(contact.country), tel: orNull(contact.tel), email: orNull(contact.email) })),
});

export function CoverEditor({ report, onSaved }: { report: Report; onSaved(report: Report): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<CoverDraft>(() => draftOf(report.header));
  const [error, setError] = useState<unknown>(null);
  const [theirs, setTheirs] = useState<Report | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const fieldErrorOf = useFieldErrors(error);
  const change = <K extends keyof CoverDraft>(field: K, value: CoverDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setSaved(false);
  };

  async function save(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const base = theirs ?? report;
      const next = await api<Report>('PATCH', `/api/reports/${base.id}`, { body: { version: base.version, header: bodyOf(draft) } });
      setTheirs(null);
      setDraft(draftOf(next.header));
      setSaved(true);
      onSaved(next);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.current) setTheirs(caught.current as Report);
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="cover-editor" aria-labelledby="cover-title" onSubmit={(event) => void save(event)} noValidate>
      <h2 id="cover-title">{t('rounds.cover.section')}</h2>
      <p className="hint">{t('rounds.cover.help')}</p>
      {theirs ? (
        <p className="actions">
          <button type="button" onClick={() => void save()}>
            {t('app.reports.saveMine')}
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(draftOf(theirs.header));
              setTheirs(null);
              setError(null);
              onSaved(theirs);
            }}
          >
            {t('app.reports.takeTheirs')}
          </button>
        </p>
      ) : null}
      {LINES.map((line) => (
        <Field key={line} label={t(`rounds.cover.field.${line}`)} error={fieldErrorOf(`header.${line}`)}>
          <input dir="auto" value={draft[line]} onChange={(e) => change(line, e.target.value)} />
        </Field>
      ))}
      <Field label={t('rounds.cover.field.purpose')} error={fieldErrorOf('header.purpose')}>
        <Select value={draft.purpose} onChange={(purpose) => change('purpose', purpose)} options={PURPOSES} labelOf={(purpose) => t(`rounds.cover.purposes.${purpose}`)} />
      </Field>
      <ListField
        layout="rows"
        legend={t('rounds.cover.contacts')}
        error={fieldErrorOf('header.contacts', true)}
        items={draft.contacts}
        onChange={(next) => change('contacts', next)}
        nameOf={(contact) => contact.name}
        entry={(contact, update, index) => (
          <>
            {(['name', 'organisation', 'country', 'tel', 'email'] as const).map((field) => (
              <Field key={field} label={t(`rounds.cover.contact.${field}`)} error={fieldErrorOf(`header.contacts.${index}.${field}`)}>
                <input dir="auto" type={field === 'email' ? 'email' : field === 'tel' ? 'tel' : 'text'} value={contact[field]} onChange={(e) => update({ [field]: e.target.value })} />
              </Field>
            ))}
          </>
        )}
        adder={(add) => (
          <button type="button" onClick={() => add({ name: '', organisation: '', country: '', tel: '', email: '' })}>
            {t('rounds.cover.addContact')}
          </button>
        )}
      />
      <Field label={t('rounds.cover.field.abstract')} error={fieldErrorOf('header.abstract')}>
        <textarea dir="auto" rows={5} value={draft.abstract} onChange={(e) => change('abstract', e.target.value)} />
      </Field>
      <ErrorAlert error={error} />
      <p className="actions">
        <button type="submit" disabled={busy}>
          {t('rounds.cover.save')}
        </button>
        <span role="status">{saved ? t('rounds.cover.saved', { version: report.version }) : ''}</span>
      </p>
    </form>
  );
}
