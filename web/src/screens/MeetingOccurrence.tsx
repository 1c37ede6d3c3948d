/**
 * One meeting: when (in the viewer's zone, with the series' zone named), the agenda (drafted by
 * Fieldbook, edited by the chair), attendance (each office's editors for their office), the
 * minutes (notes and decisions per agenda item, approved by the chair and then frozen, as DOCX or
 * PDF), the action items raised here and those carried from earlier meetings.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../api.ts';
import { Confirm } from '../Confirm.tsx';
import { ErrorAlert } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { ActionList } from '../meetings/ActionList.tsx';
import { ActionLinksEditor, type ActionLink } from '../meetings/ActionLinks.tsx';
import { formatInstant, linesOf, toLocalInput, type ActionItem, type Occurrence } from '../meetings/model.ts';

type Agenda = NonNullable<Occurrence['agenda']>;
type Minutes = NonNullable<Occurrence['minutes']>;

function AgendaSection({ occurrence, onSaved, setError }: { occurrence: Occurrence; onSaved: (o: Occurrence) => void; setError: (e: unknown) => void }) {
  const { t, formatDate } = useI18n();
  const [editing, setEditing] = useState<Agenda | null>(null);
  const [chairItems, setChairItems] = useState('');
  const agenda = occurrence.agenda;
  const frozen = occurrence.minutesState === 'approved' || occurrence.state === 'cancelled';
  const draft = (event: FormEvent) => {
    event.preventDefault();
    api<Occurrence>('POST', `/api/meetings/occurrences/${occurrence.id}/agenda/draft`, { body: { version: occurrence.version, chairItems: linesOf(chairItems) } }).then(onSaved, setError);
  };
  const save = () => {
    if (!editing) return;
    api<Occurrence>('PUT', `/api/meetings/occurrences/${occurrence.id}/agenda`, { body: { version: occurrence.version, agenda: { items: editing.items.map((item) => ({ ...item, points: linesOf(item.points.join('\n')) })) } } }).then((o) => {
      setEditing(null);
      onSaved(o);
    }, setError);
  };
  return (
    <section aria-labelledby="agenda">
      <h2 id="agenda">{t('meetings.agenda.heading')}</h2>
      {occurrence.agendaDraftedAt ? <p className="meta">{t('meetings.agenda.drafted', { when: formatDate(occurrence.agendaDraftedAt, true) })}</p> : null}
      {!agenda ? <p>{t('meetings.agenda.none')}</p> : null}
      {agenda && !editing ? (
        <ol>
          {agenda.items.map((item) => (
            <li key={item.id}>
              <strong dir="auto">{item.title}</strong>
              {item.points.length > 0 ? (
                <ul>
                  {item.points.map((point, n) => (
                    <li key={n} dir="auto">
                      {point}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {editing ? (
        <div>
          {editing.items.map((item, n) => (
            <Field key={item.id} label={t('meetings.agenda.pointsLabel', { title: item.title })}>
              <textarea
                rows={Math.min(10, item.points.length + 2)}
                value={item.points.join('\n')}
                onChange={(event) => setEditing({ items: editing.items.map((other, m) => (m === n ? { ...other, points: event.target.value.split('\n') } : other)) })}
              />
            </Field>
          ))}
          <p className="actions">
            <button type="button" className="primary" onClick={save}>
              {t('meetings.agenda.save')}
            </button>
          </p>
        </div>
      ) : null}
      {occurrence.canManage && !frozen ? (
        <>
          {agenda && !editing ? (
            <p className="actions">
              <button type="button" onClick={() => setEditing(agenda)}>
                {t('meetings.agenda.edit')}
              </button>
            </p>
          ) : null}
          <form onSubmit={draft}>
            <Field label={t('meetings.agenda.chairItems')}>
              <textarea rows={3} value={chairItems} onChange={(event) => setChairItems(event.target.value)} />
            </Field>
            <p className="actions">
              <button type="submit">{agenda ? t('meetings.agenda.redraft') : t('meetings.agenda.draft')}</button>
            </p>
          </form>
        </>
      ) : null}
    </section>
  );
}

function AttendanceSection({ occurrence, onSaved, setError }: { occurrence: Occurrence; onSaved: (o: Occurrence) => void; setError: (e: unknown) => void }) {
  const { t } = useI18n();
  const frozen = occurrence.minutesState === 'approved' || occurrence.state === 'cancelled';
  const set = (office: string, state: string) => api<Occurrence>('PUT', `/api/meetings/occurrences/${occurrence.id}/attendance/${encodeURIComponent(office)}`, { body: { state } }).then(onSaved, setError);
  return (
    <section aria-labelledby="attendance">
      <h2 id="attendance">{t('meetings.attendance.heading')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('meetings.attendance.office')}</th>
            <th scope="col">{t('meetings.attendance.heading')}</th>
          </tr>
        </thead>
        <tbody>
          {occurrence.attendance.map((a) => (
            <tr key={a.office}>
              <th scope="row">{a.name}</th>
              <td>
                {a.canEdit && !frozen ? (
                  <select aria-label={t('meetings.attendance.state', { office: a.name })} value={a.state ?? ''} onChange={(event) => void set(a.office, event.target.value)}>
                    <option value="" disabled>
                      {t('meetings.attendance.unknown')}
                    </option>
                    {(['present', 'excused', 'absent'] as const).map((state) => (
                      <option key={state} value={state}>
                        {t(`meetings.attendance.${state}`)}
                      </option>
                    ))}
                  </select>
                ) : a.state ? (
                  t(`meetings.attendance.${a.state}`)
                ) : (
                  t('meetings.attendance.unknown')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The minutes' items: those already written, and one for each agenda item not yet minuted. */
function minutesDraft(occurrence: Occurrence): Minutes {
  const written = occurrence.minutes?.items ?? [];
  const minuted = new Set(written.map((item) => item.agendaItemId));
  const fresh = (occurrence.agenda?.items ?? []).filter((item) => !minuted.has(item.id)).map((item) => ({ agendaItemId: item.id, title: item.title, notes: '', decisions: [] }));
  return { items: [...written, ...fresh] };
}

function MinutesSection({ occurrence, onSaved, setError }: { occurrence: Occurrence; onSaved: (o: Occurrence) => void; setError: (e: unknown) => void }) {
  const { t, formatDate, language } = useI18n();
  const [draft, setDraft] = useState<Minutes>(() => minutesDraft(occurrence));
  const [decisions, setDecisions] = useState<string[]>(() => minutesDraft(occurrence).items.map((item) => item.decisions.join('\n')));
  const [approving, setApproving] = useState(false);
  const frozen = occurrence.minutesState === 'approved';
  const editable = occurrence.canManage && !frozen && occurrence.state === 'scheduled';
  const save = (event: FormEvent) => {
    event.preventDefault();
    const minutes = { items: draft.items.map((item, n) => ({ ...item, decisions: linesOf(decisions[n] ?? '') })) };
    api<Occurrence>('PUT', `/api/meetings/occurrences/${occurrence.id}/minutes`, { body: { version: occurrence.version, minutes } }).then(onSaved, setError);
  };
  const approve = () => {
    setApproving(false);
    api<Occurrence>('POST', `/api/meetings/occurrences/${occurrence.id}/minutes/approve`, { body: { version: occurrence.version } }).then(onSaved, setError);
  };
  const shown = occurrence.minutes;
  return (
    <section aria-labelledby="minutes">
      <h2 id="minutes">{t('meetings.minutes.heading')}</h2>
      <p className="meta">
        {t(`meetings.minutesState.${occurrence.minutesState}`)}
        {occurrence.minutesHistory.length > 0 ? ` · ${t('meetings.minutes.history', { count: occurrence.minutesHistory.length })}` : ''}
      </p>
      {frozen ? <p>{t('meetings.minutes.frozen', { by: occurrence.minutesApprovedBy ?? '', at: formatDate(occurrence.minutesApprovedAt ?? occurrence.startAt, true) })}</p> : null}
      {shown ? (
        <p className="actions">
          <a href={`/api/meetings/occurrences/${occurrence.id}/minutes.docx?lang=${language}`} download>
            {t('meetings.minutes.download')} (DOCX)
          </a>
          <a href={`/api/meetings/occurrences/${occurrence.id}/minutes.pdf?lang=${language}`} download>
            {t('meetings.minutes.download')} (PDF)
          </a>
        </p>
      ) : null}
      {!editable ? (
        shown ? (
          shown.items.map((item, n) => (
            <article key={n}>
              <h3 dir="auto">{item.title}</h3>
              {item.notes ? (
                <p dir="auto" style={{ whiteSpace: 'pre-line' }}>
                  {item.notes}
                </p>
              ) : null}
              {item.decisions.length > 0 ? (
                <>
                  <h4>{t('meetings.minutes.decisions')}</h4>
                  <ol>
                    {item.decisions.map((d, m) => (
                      <li key={m} dir="auto">
                        {d}
                      </li>
                    ))}
                  </ol>
                </>
              ) : null}
            </article>
          ))
        ) : (
          <p>{t('meetings.minutes.none')}</p>
        )
      ) : (
        <form onSubmit={save}>
          {draft.items.map((item, n) => (
            <fieldset key={`${item.agendaItemId ?? 'free'}-${n}`}>
              <legend dir="auto">{item.title || t('meetings.minutes.pointTitle')}</legend>
              {item.agendaItemId === null ? (
                <Field label={t('meetings.minutes.pointTitle')}>
                  <input required value={item.title} onChange={(event) => setDraft({ items: draft.items.map((other, m) => (m === n ? { ...other, title: event.target.value } : other)) })} />
                </Field>
              ) : null}
              <Field label={t('meetings.minutes.notes', { title: item.title })}>
                <textarea rows={4} value={item.notes} onChange={(event) => setDraft({ items: draft.items.map((other, m) => (m === n ? { ...other, notes: event.target.value } : other)) })} />
              </Field>
              <Field label={t('meetings.minutes.decisionsLabel', { title: item.title })}>
                <textarea rows={2} value={decisions[n] ?? ''} onChange={(event) => setDecisions(draft.items.map((_, m) => (m === n ? event.target.value : (decisions[m] ?? ''))))} />
              </Field>
            </fieldset>
          ))}
          <p className="actions">
            <button type="button" onClick={() => setDraft({ items: [...draft.items, { agendaItemId: null, title: '', notes: '', decisions: [] }] })}>
              {t('meetings.minutes.addPoint')}
            </button>
            <button type="submit" className="primary">
              {t('meetings.minutes.save')}
            </button>
            {occurrence.canApprove && occurrence.minutesState === 'draft' ? (
              <button type="button" onClick={() => setApproving(true)}>
                {t('meetings.minutes.approve')}
              </button>
            ) : null}
          </p>
        </form>
      )}
      {approving ? <Confirm title={t('meetings.minutes.approve')} help={t('meetings.minutes.approveConfirm')} confirm={t('meetings.minutes.approve')} onConfirm={approve} onCancel={() => setApproving(false)} /> : null}
    </section>
  );
}

function NewAction({ occurrence, onAdded, setError }: { occurrence: Occurrence; onAdded: () => void; setError: (e: unknown) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [owner, setOwner] = useState(occurrence.series.offices[0]?.code ?? '');
  const [due, setDue] = useState('');
  const [links, setLinks] = useState<ActionLink[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    api<ActionItem>('POST', `/api/meetings/occurrences/${occurrence.id}/actions`, { body: { text, ownerOffice: owner, due, links } }).then(() => {
      setText('');
      setLinks([]);
      onAdded();
    }, setError);
  };
  return (
    <form onSubmit={submit}>
      <Field label={t('meetings.action.text')}>
        <input required value={text} onChange={(event) => setText(event.target.value)} />
      </Field>
      <Field label={t('meetings.action.ownerOffice')}>
        <select value={owner} onChange={(event) => setOwner(event.target.value)}>
          {occurrence.series.offices.map((office) => (
            <option key={office.code} value={office.code}>
              {office.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('meetings.action.due')}>
        <input required type="date" value={due} onChange={(event) => setDue(event.target.value)} />
      </Field>
      <ActionLinksEditor office={owner || null} links={links} onChange={setLinks} />
      <p className="actions">
        <button type="submit">{t('meetings.action.add')}</button>
      </p>
    </form>
  );
}

function MoveOrCancel({ occurrence, onSaved, setError }: { occurrence: Occurrence; onSaved: (o: Occurrence) => void; setError: (e: unknown) => void }) {
  const { t } = useI18n();
  const [start, setStart] = useState(toLocalInput(occurrence.startAt));
  const [cancelling, setCancelling] = useState(false);
  const move = (event: FormEvent) => {
    event.preventDefault();
    api<Occurrence>('POST', `/api/meetings/occurrences/${occurrence.id}/move`, { body: { version: occurrence.version, startAt: new Date(start).toISOString() } }).then(onSaved, setError);
  };
  const cancel = () => {
    setCancelling(false);
    api<Occurrence>('POST', `/api/meetings/occurrences/${occurrence.id}/cancel`, { body: { version: occurrence.version } }).then(onSaved, setError);
  };
  return (
    <details>
      <summary>{t('meetings.occurrence.move')}</summary>
      <form onSubmit={move}>
        <Field label={t('meetings.occurrence.newStart')}>
          <input required type="datetime-local" value={start} onChange={(event) => setStart(event.target.value)} />
        </Field>
        <p className="actions">
          <button type="submit">{t('meetings.occurrence.moveSave')}</button>
          <button type="button" onClick={() => setCancelling(true)}>
            {t('meetings.occurrence.cancel')}
          </button>
        </p>
      </form>
      {cancelling ? <Confirm title={t('meetings.occurrence.cancel')} help={t('meetings.occurrence.cancelConfirm')} confirm={t('meetings.occurrence.cancel')} onConfirm={cancel} onCancel={() => setCancelling(false)} /> : null}
    </details>
  );
}

export default function MeetingOccurrence() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const [occurrence, setOccurrence] = useState<Occurrence | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    api<Occurrence>('GET', `/api/meetings/occurrences/${encodeURIComponent(id)}`).then(setOccurrence, setError);
  }, [id, reload]);
  const saved = (o: Occurrence) => {
    setError(null);
    setOccurrence(o);
  };
  if (!occurrence) return <ErrorAlert error={error} />;
  const s = occurrence.series;
  const upcoming = Date.parse(occurrence.startAt) > Date.now();
  return (
    <>
      <h1 dir="auto">{s.title}</h1>
      <p>{t('meetings.occurrence.when', { when: formatInstant(occurrence.startAt, language), zone: s.timeZone })}</p>
      <p className="meta">
        {t(`meetings.kind.${s.kind}`)} · {t('meetings.series.chair')}: {s.chairLabel} · {t(`meetings.state.${occurrence.state}`)}
        {occurrence.moved ? ` · ${t('meetings.moved')}` : ''}
      </p>
      {s.onlineUrl && occurrence.state === 'scheduled' ? (
        <p>
          <a href={s.onlineUrl} dir="ltr">
            {t('meetings.occurrence.join')}
          </a>
        </p>
      ) : null}
      {occurrence.state === 'cancelled' ? <p role="status">{t('meetings.occurrence.cancelled')}</p> : null}
      <ErrorAlert error={error} />
      {occurrence.canManage && upcoming && occurrence.state === 'scheduled' ? <MoveOrCancel key={occurrence.version} occurrence={occurrence} onSaved={saved} setError={setError} /> : null}
      <AgendaSection key={`agenda-${occurrence.version}`} occurrence={occurrence} onSaved={saved} setError={setError} />
      <AttendanceSection occurrence={occurrence} onSaved={saved} setError={setError} />
      <MinutesSection key={`minutes-${occurrence.version}`} occurrence={occurrence} onSaved={saved} setError={setError} />
      <section aria-labelledby="actions-raised">
        <h2 id="actions-raised">{t('meetings.action.heading')}</h2>
        <ActionList items={occurrence.actionItems} onChanged={() => setReload((n) => n + 1)} />
        {occurrence.canManage && occurrence.minutesState !== 'approved' && occurrence.state === 'scheduled' ? <NewAction occurrence={occurrence} onAdded={() => setReload((n) => n + 1)} setError={setError} /> : null}
      </section>
      <section aria-labelledby="actions-carried">
        <h2 id="actions-carried">{t('meetings.action.carried')}</h2>
        <ActionList items={occurrence.carried} showMeeting onChanged={() => setReload((n) => n + 1)} />
      </section>
    </>
  );
}
