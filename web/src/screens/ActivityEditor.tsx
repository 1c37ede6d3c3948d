/**
 * One activity: every field of the register, saved with the version it was based on. A stale
 * version (409) shows what changed on the server beside what the user typed; nothing typed is lost.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Confirm } from '../Confirm.tsx';
import { ConflictView } from '../ConflictView.tsx';
import { DateUnderstood } from '../DateUnderstood.tsx';
import { useActivityDraft } from '../draft.ts';
import { draftOf, withOriginal } from '../draft-model.ts';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field, FieldGroup } from '../Field.tsx';
import { ListField } from '../ListField.tsx';
import { useI18n } from '../i18n.tsx';
import { nameOf, useBodies, useOffices, type Body } from '../registry.ts';
import { PlanPicker } from '../plans/PlanPicker.tsx';
import { RelatedPicker } from '../RelatedPicker.tsx';
import { LanguageSelect, Select } from '../Select.tsx';
import { OriginalTexts, TranslationTexts } from '../Translations.tsx';
import { UnsavedChangesDialog } from '../UnsavedChanges.tsx';
import { ACTIVITY_KINDS, OFFICE_ROLES, PLACE_MODES, SECTORS, STATUSES, VISIBILITIES } from '../vocabulary.ts';

/** Suggestions for an input of registry codes, each with its name. */
function CodeSuggestions({ id, entries }: { id: string; entries: ReadonlyArray<{ code: string; name: string }> }) {
  return (
    <datalist id={id}>
      {entries.map((entry) => (
        <option key={entry.code} value={entry.code}>
          {entry.name}
        </option>
      ))}
    </datalist>
  );
}

/**
 * A body found by its code or name, added to the activity's bodies. What is typed lives in the
 * draft (`pendingBody`), so saving without pressing "Add" still adds it.
 */
function BodyFinder({ bodies, code, setCode, onFound }: { bodies: Body[]; code: string; setCode(code: string): void; onFound(code: string): void }) {
  const { t } = useI18n();
  return (
    <>
      <CodeSuggestions id="body-codes" entries={bodies} />
      <div className="row">
        <Field label={t('app.editor.findBody')}>
          <input list="body-codes" value={code} onChange={(e) => setCode(e.target.value)} />
        </Field>
        <button
          type="button"
          onClick={() => {
            if (code.trim()) onFound(code.trim());
            setCode('');
          }}
        >
          {t('app.editor.addBody')}
        </button>
      </div>
    </>
  );
}

export default function ActivityEditor() {
  const { t } = useI18n();
  const { id } = useParams();
  const offices = useOffices();
  const bodies = useBodies();
  const { saved, draft, change, update, base, conflict, error, notice, busy, save, removeOrRestore, blocker } = useActivityDraft(id);
  const fieldErrorOf = useFieldErrors(error);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const statusChanged = base !== null && draft.status !== base.status;

  // Nothing to type into before the stored activity is there, so no typing is overwritten by it.
  if (id && !saved) return error ? <ErrorAlert error={error} /> : <p role="status">{t('app.loading')}</p>;

  return (
    <>
      <h1>{saved ? t('app.editor.editTitle') : t('app.editor.newTitle')}</h1>
      {saved ? (
        <p className="actions">
          <Link to={`/activities/${saved.id}/history`}>{t('app.history.link')}</Link>
          <button type="button" onClick={() => (saved.deletedAt ? void removeOrRestore() : setConfirmingDelete(true))}>
            {saved.deletedAt ? t('app.editor.restore') : t('app.editor.delete')}
          </button>
        </p>
      ) : null}
      {saved?.deletedAt ? <p className="banner">{t('app.editor.isDeleted')}</p> : null}
      {notice ? (
        <p role="status" className="notice">
          {t(notice)}
        </p>
      ) : null}
      {conflict ? (
        <ConflictView mine={draft} theirs={draftOf(conflict.theirs)} taken={conflict.taken} clashes={conflict.clashes} onTake={(field) => change(field, draftOf(conflict.theirs)[field])} />
      ) : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        className="editor"
        noValidate
      >
        <ErrorAlert error={error} />
        <Field label={t('app.field.language')}>
          <LanguageSelect value={draft.originalLanguage} onChange={(language) => update((current) => withOriginal(current, language))} />
        </Field>
        <OriginalTexts draft={draft} onText={change} errorOf={fieldErrorOf} />
        <Field label={t('app.field.kind')} error={fieldErrorOf('kind')}>
          <Select value={draft.kind} onChange={(value) => change('kind', value)} options={ACTIVITY_KINDS} labelOf={(kind) => t(`app.kind.${kind}`)} />
        </Field>
        <Field label={t('app.field.date')} error={fieldErrorOf('date')} hint={<DateUnderstood text={draft.dateText} order={draft.dateOrder} onOrder={(order) => change('dateOrder', order)} />}>
          <input dir="auto" value={draft.dateText} onChange={(e) => change('dateText', e.target.value)} placeholder={t('app.editor.datePlaceholder')} />
        </Field>
        <div className="row">
          <Field label={t('app.field.status')} error={fieldErrorOf('status')}>
            <Select value={draft.status} onChange={(value) => change('status', value)} options={STATUSES} labelOf={(status) => t(`app.status.${status}`)} />
          </Field>
          {statusChanged ? (
            <Field label={t('app.field.statusReason')} error={fieldErrorOf('statusReason')}>
              <input value={draft.statusReason} onChange={(e) => change('statusReason', e.target.value)} />
            </Field>
          ) : null}
          <Field label={t('app.field.visibility')} error={fieldErrorOf('visibility')}>
            <Select value={draft.visibility} onChange={(value) => change('visibility', value)} options={VISIBILITIES} labelOf={(visibility) => t(`app.visibility.${visibility}`)} />
          </Field>
        </div>
        <ListField
          layout="rows"
          legend={t('app.field.offices')}
          error={fieldErrorOf('offices', true)}
          items={draft.offices}
          onChange={(next) => change('offices', next)}
          entry={(entry, update, index) => (
            <>
              <Field label={t('app.field.office')} hint={nameOf(offices, entry.office)} error={fieldErrorOf(`offices.${index}`)}>
                <input list="office-codes" value={entry.office} onChange={(e) => update({ office: e.target.value })} />
              </Field>
              <Field label={t('app.field.role')}>
                <Select value={entry.role} onChange={(role) => update({ role })} options={OFFICE_ROLES} labelOf={(role) => t(`app.role.${role}`)} />
              </Field>
            </>
          )}
          adder={(add) => (
            <>
              <CodeSuggestions id="office-codes" entries={offices} />
              <button type="button" onClick={() => add({ office: '', role: 'organised' })}>
                {t('app.editor.addOffice')}
              </button>
            </>
          )}
        />
        <ListField layout="checks" legend={t('app.field.sectors')} items={draft.sectors} onChange={(next) => change('sectors', next)} choices={SECTORS} />
        <ListField
          layout="chips"
          legend={t('app.field.bodies')}
          error={fieldErrorOf('bodies')}
          items={draft.bodies}
          onChange={(next) => change('bodies', next)}
          nameOf={(code) => nameOf(bodies, code)}
          adder={(add) => <BodyFinder bodies={bodies} code={draft.pendingBody} setCode={(code) => change('pendingBody', code)} onFound={add} />}
        />
        <PlanPicker items={draft.plans} onChange={(next) => change('plans', next)} saved={saved?.planLinks ?? null} error={fieldErrorOf('plans')} />
        <FieldGroup legend={t('app.field.place')} error={fieldErrorOf('place', true)}>
          <div className="row">
            <Field label={t('app.field.placeMode')} error={fieldErrorOf('place.mode')}>
              <Select value={draft.placeMode} onChange={(value) => change('placeMode', value)} options={PLACE_MODES} labelOf={(mode) => t(`app.placeMode.${mode}`)} />
            </Field>
            <Field label={t('app.field.city')} error={fieldErrorOf('place.city')}>
              <input value={draft.city} onChange={(e) => change('city', e.target.value)} />
            </Field>
            <Field label={t('app.field.country')} error={fieldErrorOf('place.country')}>
              <input value={draft.country} onChange={(e) => change('country', e.target.value)} maxLength={2} size={3} />
            </Field>
          </div>
        </FieldGroup>
        <Field label={t('app.field.participants')} error={fieldErrorOf('participants')}>
          <input type="number" min={0} value={draft.participants} onChange={(e) => change('participants', e.target.value)} />
        </Field>
        <ListField
          layout="rows"
          legend={t('app.field.links')}
          items={draft.links}
          onChange={(next) => change('links', next)}
          entry={(link, update, index) => (
            <>
              <Field label={t('app.field.url')} error={fieldErrorOf(`links.${index}`)}>
                <input type="url" value={link.url} onChange={(e) => update({ url: e.target.value })} />
              </Field>
              <Field label={t('app.field.linkTitle')}>
                <input value={link.title} onChange={(e) => update({ title: e.target.value })} />
              </Field>
            </>
          )}
          adder={(add) => (
            <button type="button" onClick={() => add({ url: '', title: '' })}>
              {t('app.editor.addLink')}
            </button>
          )}
        />
        <TranslationTexts draft={draft} onText={change} onChange={update} errorOf={fieldErrorOf} />
        <RelatedPicker self={saved?.id ?? null} related={draft.related} onChange={(next) => change('related', next)} errorOf={fieldErrorOf} />
        <button type="submit" className="primary" disabled={busy}>
          {conflict ? t('app.editor.saveMerged') : t('app.editor.save')}
        </button>
      </form>
      {confirmingDelete ? (
        <Confirm
          title={t('app.editor.confirmDeleteTitle')}
          help={t('app.editor.confirmDeleteHelp')}
          confirm={t('app.editor.delete')}
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => {
            setConfirmingDelete(false);
            void removeOrRestore();
          }}
        />
      ) : null}
      <UnsavedChangesDialog blocker={blocker} />
    </>
  );
}
