/**
 * An office as admins and focal points keep it in the workspace (decision 23): where it is, what it
 * covers, when it opened or closed, and its heads as dated assignments with their titles; every
 * change in its history. A stale save shows the office as it is now. `/offices/new` opens one.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { OfficeRecordResponse } from '#src/registry/schemas.ts';
import { api, ApiError } from '../api.ts';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { forgetRegistry, useRegions } from '../registry.ts';
import { RegistryEditHeading } from '../RegistryEditHeading.tsx';
import { RecordHistory, type HistoryEntry } from '../RecordHistory.tsx';
import { useUser } from '../session.tsx';

type HeadRecord = OfficeRecordResponse['headRecords'][number];

interface OfficeForm {
  code: string;
  kind: 'regional' | 'area' | 'europe' | 'headquarters';
  region: string;
  parent: string;
  name: string;
  city: string;
  country: string;
  lat: string;
  lon: string;
  countriesCovered: string;
  coverageConfirmed: boolean;
  openedOn: string;
  closedOn: string;
  confirmed: boolean;
  note: string;
}

const EMPTY: OfficeForm = {
  code: '',
  kind: 'area',
  region: 'ASP',
  parent: '',
  name: '',
  city: '',
  country: '',
  lat: '0',
  lon: '0',
  countriesCovered: '',
  coverageConfirmed: false,
  openedOn: '',
  closedOn: '',
  confirmed: false,
  note: '',
};

const formOf = (o: OfficeRecordResponse): OfficeForm => ({
  code: o.code,
  kind: o.kind,
  region: o.region,
  parent: o.parent ?? '',
  name: o.names.en,
  city: o.cityNames.en,
  country: o.country,
  lat: String(o.coordinates.lat),
  lon: String(o.coordinates.lon),
  countriesCovered: (o.countriesCovered ?? []).join(', '),
  coverageConfirmed: o.coverageConfirmed,
  openedOn: o.openedOn ?? '',
  closedOn: o.closedOn ?? '',
  confirmed: o.confirmed,
  note: o.note ?? '',
});

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const codes = (value: string): string[] | null => {
  const list = value.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
  return list.length > 0 ? list : null;
};

export default function OfficeEdit() {
  const { code } = useParams();
  const creating = code === undefined;
  const { t } = useI18n();
  const user = useUser();
  const canEdit = user.role === 'admin' || user.role === 'focal-point';
  const navigate = useNavigate();
  const regions = useRegions();
  const [record, setRecord] = useState<OfficeRecordResponse | null>(null);
  const [form, setForm] = useState<OfficeForm>(EMPTY);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const errorOf = useFieldErrors(error);

  const show = useCallback((office: OfficeRecordResponse) => {
    forgetRegistry();
    setRecord(office);
    setForm(formOf(office));
    void api<{ data: HistoryEntry[] }>('GET', `/api/offices/${office.code}/history`).then((h) => setHistory(h.data), () => undefined);
  }, []);

  useEffect(() => {
    if (creating) return;
    api<OfficeRecordResponse>('GET', `/api/offices/${code}/record`).then(show, setError);
  }, [code, creating, show]);

  const set = <K extends keyof OfficeForm>(key: K, value: OfficeForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const fields = () => ({
    kind: form.kind,
    region: form.region,
    parent: orNull(form.parent),
    name: { ...(record?.names ?? {}), en: form.name.trim() },
    city: { ...(record?.cityNames ?? {}), en: form.city.trim() },
    country: form.country.trim().toUpperCase(),
    coordinates: { lat: Number(form.lat), lon: Number(form.lon) },
    countriesCovered: codes(form.countriesCovered),
    coverageConfirmed: form.coverageConfirmed,
    openedOn: orNull(form.openedOn),
    closedOn: orNull(form.closedOn),
    confirmed: form.confirmed,
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    try {
      if (creating) {
        const note = orNull(form.note);
        const created = await api<OfficeRecordResponse>('POST', '/api/offices', { body: { code: form.code.trim(), ...fields(), ...(note ? { note } : {}) } });
        navigate(`/offices/${created.code}/edit`);
        return;
      }
      show(await api<OfficeRecordResponse>('PATCH', `/api/offices/${code}`, { body: { version: record!.version, ...fields(), note: orNull(form.note) } }));
      setSaved(true);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.status === 409 && caught.current) show(caught.current as OfficeRecordResponse);
    }
  }

  if (!creating && !record) return <ErrorAlert error={error} />;
  const title = creating ? t('registryedit.office.newTitle') : t('registryedit.office.title', { office: record!.name });

  return (
    <>
      <RegistryEditHeading title={title} back={{ to: '/offices', label: t('registryedit.office.back') }} record={record} error={error} saved={saved} />
      <form onSubmit={save} aria-label={title}>
        <fieldset disabled={!canEdit}>
          {creating ? (
            <Field label={t('registryedit.field.code')} error={errorOf('code')} hint={t('registryedit.hint.code')}>
              <input value={form.code} onChange={(e) => set('code', e.target.value)} required pattern="[A-Za-z0-9][A-Za-z0-9\-]*" />
            </Field>
          ) : null}
          <Field label={t('registryedit.field.kind')} error={errorOf('kind')}>
            <select value={form.kind} onChange={(e) => set('kind', e.target.value as OfficeForm['kind'])}>
              {(['regional', 'area', 'europe', 'headquarters'] as const).map((kind) => (
                <option key={kind} value={kind}>
                  {t(`registryedit.kind.${kind}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('registryedit.field.region')} error={errorOf('region')}>
            <select value={form.region} onChange={(e) => set('region', e.target.value)}>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('registryedit.field.parent')} error={errorOf('parent')} hint={t('registryedit.hint.parent')}>
            <input value={form.parent} onChange={(e) => set('parent', e.target.value)} />
          </Field>
          <Field label={t('registryedit.field.name')} error={errorOf('name')}>
            <input value={form.name} onChange={(e) => set('name', e.target.value)} required />
          </Field>
          <Field label={t('registryedit.field.city')} error={errorOf('city')}>
            <input value={form.city} onChange={(e) => set('city', e.target.value)} required />
          </Field>
          <Field label={t('registryedit.field.country')} error={errorOf('country')} hint={t('registryedit.hint.country')}>
            <input value={form.country} onChange={(e) => set('country', e.target.value)} required maxLength={2} />
          </Field>
          <Field label={t('registryedit.field.latitude')} error={errorOf('coordinates.lat')}>
            <input type="number" step="any" value={form.lat} onChange={(e) => set('lat', e.target.value)} />
          </Field>
          <Field label={t('registryedit.field.longitude')} error={errorOf('coordinates.lon')}>
            <input type="number" step="any" value={form.lon} onChange={(e) => set('lon', e.target.value)} />
          </Field>
          <Field label={t('registryedit.field.countriesCovered')} error={errorOf('countriesCovered')} hint={t('registryedit.hint.countriesCovered')}>
            <textarea value={form.countriesCovered} onChange={(e) => set('countriesCovered', e.target.value)} rows={2} />
          </Field>
          <label>
            <input type="checkbox" checked={form.coverageConfirmed} onChange={(e) => set('coverageConfirmed', e.target.checked)} /> {t('registryedit.field.coverageConfirmed')}
          </label>
          <Field label={t('registryedit.field.openedOn')} error={errorOf('openedOn')}>
            <input type="date" value={form.openedOn} onChange={(e) => set('openedOn', e.target.value)} />
          </Field>
          <Field label={t('registryedit.field.closedOn')} error={errorOf('closedOn')}>
            <input type="date" value={form.closedOn} onChange={(e) => set('closedOn', e.target.value)} />
          </Field>
          <label>
            <input type="checkbox" checked={form.confirmed} onChange={(e) => set('confirmed', e.target.checked)} /> {t('registryedit.field.confirmed')}
          </label>
          <Field label={t('registryedit.field.note')} error={errorOf('note')}>
            <textarea value={form.note} onChange={(e) => set('note', e.target.value)} rows={2} />
          </Field>
          {canEdit ? <button type="submit">{creating ? t('registryedit.office.create') : t('registryedit.save')}</button> : null}
        </fieldset>
      </form>
      {record ? <Heads office={record} canEdit={canEdit} onChange={show} /> : null}
      {record ? <RecordHistory entries={history} /> : null}
    </>
  );
}

interface HeadForm {
  honorific: string;
  name: string;
  title: string;
  from: string;
  to: string;
  source: string;
  confirmed: boolean;
}

const headFormOf = (h: HeadRecord | null): HeadForm =>
  h
    ? { honorific: h.person.honorific ?? '', name: h.person.name, title: h.title?.en ?? '', from: h.from ?? '', to: h.to ?? '', source: h.source, confirmed: h.confirmed }
    : { honorific: '', name: '', title: '', from: '', to: '', source: '', confirmed: false };

/** The office's heads over time; each can be corrected or ended, a new one recorded. */
function Heads({ office, canEdit, onChange }: { office: OfficeRecordResponse; canEdit: boolean; onChange: (o: OfficeRecordResponse) => void }) {
  const { t, formatDate, language } = useI18n();
  const [editing, setEditing] = useState<HeadRecord | 'new' | null>(null);
  const [form, setForm] = useState<HeadForm>(headFormOf(null));
  const [error, setError] = useState<unknown>(null);
  const errorOf = useFieldErrors(error);
  const set = <K extends keyof HeadForm>(key: K, value: HeadForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const day = (value: string | null) => (value ? formatDate(value) : '…');

  function open(head: HeadRecord | 'new') {
    setEditing(head);
    setForm(headFormOf(head === 'new' ? null : head));
    setError(null);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    const honorific = (['Mr', 'Mrs', 'Ms', 'Dr', 'Prof'] as const).find((h) => h === form.honorific) ?? null;
    const existing = editing === 'new' ? null : editing;
    const body = {
      person: { ...(existing ? { id: existing.person.id } : {}), honorific, name: form.name.trim() },
      title: form.title.trim() ? { ...(existing?.title ?? {}), en: form.title.trim() } : null,
      from: orNull(form.from),
      to: orNull(form.to),
      source: form.source.trim(),
      confirmed: form.confirmed,
    };
    try {
      const saved = existing
        ? await api<OfficeRecordResponse>('PATCH', `/api/offices/${office.code}/heads/${existing.id}`, { body: { version: existing.version, ...body } })
        : await api<OfficeRecordResponse>('POST', `/api/offices/${office.code}/heads`, { body });
      setEditing(null);
      onChange(saved);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.status === 409 && caught.current) onChange(caught.current as OfficeRecordResponse);
    }
  }

  return (
    <section aria-labelledby="heads-title">
      <h2 id="heads-title">{t('registryedit.heads.title')}</h2>
      {office.headRecords.length === 0 ? <p>{t('registryedit.heads.none')}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('registryedit.heads.person')}</th>
            <th scope="col">{t('registryedit.heads.personTitle')}</th>
            <th scope="col">{t('registryedit.heads.span')}</th>
            <th scope="col">{t('registryedit.field.confirmed')}</th>
            {canEdit ? <th scope="col">{t('registryedit.heads.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {office.headRecords.map((head) => (
            <tr key={head.id}>
              <th scope="row">
                {[head.person.honorific, head.person.name].filter(Boolean).join(' ')}
                {head.current ? <strong> ({t('registryedit.heads.current')})</strong> : null}
              </th>
              <td>{head.title ? (head.title[language] ?? head.title.en) : ''}</td>
              <td>{t('registryedit.heads.fromTo', { from: day(head.from), to: day(head.to) })}</td>
              <td>{head.confirmed ? t('registryedit.yes') : t('registryedit.unconfirmed')}</td>
              {canEdit ? (
                <td>
                  <button type="button" onClick={() => open(head)} aria-label={t('registryedit.heads.editOf', { name: head.person.name })}>
                    {t('registryedit.heads.edit')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && editing === null ? (
        <button type="button" onClick={() => open('new')}>
          {t('registryedit.heads.add')}
        </button>
      ) : null}
      {editing !== null ? (
        <form onSubmit={save} aria-label={editing === 'new' ? t('registryedit.heads.add') : t('registryedit.heads.edit')}>
          <ErrorAlert error={error} />
          <Field label={t('registryedit.heads.honorific')} error={errorOf('person.honorific')}>
            <select value={form.honorific} onChange={(e) => set('honorific', e.target.value)}>
              <option value="">—</option>
              {['Mr', 'Mrs', 'Ms', 'Dr', 'Prof'].map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('registryedit.heads.person')} error={errorOf('person.name')}>
            <input value={form.name} onChange={(e) => set('name', e.target.value)} required />
          </Field>
          <Field label={t('registryedit.heads.personTitle')} error={errorOf('title')}>
            <input value={form.title} onChange={(e) => set('title', e.target.value)} />
          </Field>
          <Field label={t('registryedit.heads.from')} error={errorOf('from')}>
            <input type="date" value={form.from} onChange={(e) => set('from', e.target.value)} />
          </Field>
          <Field label={t('registryedit.heads.to')} error={errorOf('to')}>
            <input type="date" value={form.to} onChange={(e) => set('to', e.target.value)} />
          </Field>
          <Field label={t('registryedit.heads.source')} error={errorOf('source')}>
            <input value={form.source} onChange={(e) => set('source', e.target.value)} required />
          </Field>
          <label>
            <input type="checkbox" checked={form.confirmed} onChange={(e) => set('confirmed', e.target.checked)} /> {t('registryedit.field.confirmed')}
          </label>
          <button type="submit">{t('registryedit.save')}</button>{' '}
          <button type="button" onClick={() => setEditing(null)}>
            {t('registryedit.cancel')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
