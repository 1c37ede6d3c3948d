/**
 * A body as admins and focal points keep it (decision 23): its name, dates, other spellings and its
 * title for each study period (a study group is renamed each one); every change in its history.
 * `/bodies/new` adds one, e.g. a study group of a new study period.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { BodyRecordResponse } from '#src/registry/schemas.ts';
import { api, ApiError } from '../api.ts';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { forgetRegistry } from '../registry.ts';
import { useUser } from '../session.tsx';
import { RegistryEditHeading } from '../RegistryEditHeading.tsx';
import { RecordHistory, type HistoryEntry } from '../RecordHistory.tsx';

const TYPES = ['sector', 'bureau', 'advisory-group', 'study-group', 'regional-group', 'regional-organisation', 'conference'] as const;

interface BodyForm {
  code: string;
  type: (typeof TYPES)[number];
  parent: string;
  name: string;
  aliases: string;
  from: string;
  to: string;
  confirmed: boolean;
  note: string;
  termPeriod: string;
  termName: string;
}

const EMPTY: BodyForm = { code: '', type: 'study-group', parent: 'ITU-T', name: '', aliases: '', from: '', to: '', confirmed: false, note: '', termPeriod: '', termName: '' };
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

export default function BodyEdit() {
  const { code } = useParams();
  const creating = code === undefined;
  const { t } = useI18n();
  const user = useUser();
  const canEdit = user.role === 'admin' || user.role === 'focal-point';
  const navigate = useNavigate();
  const [record, setRecord] = useState<BodyRecordResponse | null>(null);
  const [form, setForm] = useState<BodyForm>(EMPTY);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errorOf = useFieldErrors(error);

  const show = useCallback((body: BodyRecordResponse) => {
    forgetRegistry();
    setRecord(body);
    setForm({
      code: body.code,
      type: body.type,
      parent: body.parent ?? '',
      name: body.names.en,
      aliases: body.aliases.join('; '),
      from: body.from ?? '',
      to: body.to ?? '',
      confirmed: body.confirmed,
      note: body.note ?? '',
      termPeriod: '',
      termName: '',
    });
    void api<{ data: HistoryEntry[] }>('GET', `/api/bodies/${encodeURIComponent(body.code)}/history`).then((h) => setHistory(h.data), () => undefined);
  }, []);

  useEffect(() => {
    if (creating) return;
    api<BodyRecordResponse>('GET', `/api/bodies/${encodeURIComponent(code ?? '')}/record`).then(show, setError);
  }, [code, creating, show]);

  const set = <K extends keyof BodyForm>(key: K, value: BodyForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const aliases = form.aliases.split(';').map((a) => a.trim()).filter(Boolean);
    const term = form.termPeriod.trim() && form.termName.trim() ? [{ studyPeriod: form.termPeriod.trim(), name: { en: form.termName.trim() }, confirmed: form.confirmed }] : undefined;
    const common = { name: { ...(record?.names ?? {}), en: form.name.trim() }, parent: orNull(form.parent), aliases, from: orNull(form.from), to: orNull(form.to), confirmed: form.confirmed };
    try {
      if (creating) {
        const note = orNull(form.note);
        const created = await api<BodyRecordResponse>('POST', '/api/bodies', { body: { code: form.code.trim(), type: form.type, region: null, ...common, ...(term ? { terms: term } : {}), ...(note ? { note } : {}) } });
        navigate(`/bodies/${encodeURIComponent(created.code)}/edit`);
        return;
      }
      show(await api<BodyRecordResponse>('PATCH', `/api/bodies/${encodeURIComponent(code ?? '')}`, { body: { version: record!.version, ...common, note: orNull(form.note), ...(term ? { terms: term } : {}) } }));
      setSaved(true);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.status === 409 && caught.current) show(caught.current as BodyRecordResponse);
    }
  }

  if (!creating && !record) return <ErrorAlert error={error} />;
  const title = creating ? t('registryedit.body.newTitle') : t('registryedit.body.title', { body: record!.name });
  return (
    <>
      <RegistryEditHeading title={title} back={{ to: '/bodies', label: t('registryedit.body.back') }} record={record} error={error} saved={saved} />
      <form onSubmit={save} aria-label={title}>
        <fieldset disabled={!canEdit}>
          {creating ? (
            <>
              <Field label={t('registryedit.field.code')} error={errorOf('code')} hint={t('registryedit.hint.code')}>
                <input value={form.code} onChange={(e) => set('code', e.target.value)} required />
              </Field>
              <Field label={t('registryedit.body.type')} error={errorOf('type')}>
                <select value={form.type} onChange={(e) => set('type', e.target.value as BodyForm['type'])}>
                  {TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`registryedit.bodyType.${type}`)}
                    </option>
                  ))}
                </select>
              </Field>
            </>
          ) : null}
          <Field label={t('registryedit.field.name')} error={errorOf('name')}>
            <input value={form.name} onChange={(e) => set('name', e.target.value)} required />
          </Field>
          <Field label={t('registryedit.field.parent')} error={errorOf('parent')}>
            <input value={form.parent} onChange={(e) => set('parent', e.target.value)} />
          </Field>
          <Field label={t('registryedit.body.aliases')} error={errorOf('aliases')} hint={t('registryedit.hint.aliases')}>
            <input value={form.aliases} onChange={(e) => set('aliases', e.target.value)} />
          </Field>
          <Field label={t('registryedit.body.from')} error={errorOf('from')}>
            <input type="date" value={form.from} onChange={(e) => set('from', e.target.value)} />
          </Field>
          <Field label={t('registryedit.body.to')} error={errorOf('to')}>
            <input type="date" value={form.to} onChange={(e) => set('to', e.target.value)} />
          </Field>
          <label>
            <input type="checkbox" checked={form.confirmed} onChange={(e) => set('confirmed', e.target.checked)} /> {t('registryedit.field.confirmed')}
          </label>
          <Field label={t('registryedit.field.note')} error={errorOf('note')}>
            <textarea value={form.note} onChange={(e) => set('note', e.target.value)} rows={2} />
          </Field>
          <h2>{t('registryedit.body.terms')}</h2>
          <ul>
            {(record?.termNames ?? []).map((term) => (
              <li key={term.studyPeriod}>
                {term.studyPeriod}: {term.names.en} {term.confirmed ? '' : `(${t('registryedit.unconfirmed')})`}
              </li>
            ))}
          </ul>
          <Field label={t('registryedit.body.termPeriod')} error={errorOf('terms')} hint={t('registryedit.hint.termPeriod')}>
            <input value={form.termPeriod} onChange={(e) => set('termPeriod', e.target.value)} pattern="\d{4}-\d{4}" />
          </Field>
          <Field label={t('registryedit.body.termName')}>
            <input value={form.termName} onChange={(e) => set('termName', e.target.value)} />
          </Field>
          {canEdit ? <button type="submit">{creating ? t('registryedit.body.create') : t('registryedit.save')}</button> : null}
        </fieldset>
      </form>
      {record ? <RecordHistory entries={history} /> : null}
    </>
  );
}
