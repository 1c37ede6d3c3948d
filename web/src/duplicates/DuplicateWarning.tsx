/**
 * On saving an activity, the entries of the register that may be the same event, each with why:
 * the user links them (a new activity: its office joins the entry already there; or related),
 * or saves anyway with a reason, which is kept with the pair.
 */
import { useId, useState } from 'react';
import type { CheckResponse } from '#src/duplicates/schemas.ts';
import { Dialog } from '../Dialog.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { Select } from '../Select.tsx';
import { RELATION_KINDS, type RelationKind } from '../vocabulary.ts';
import { Entry, Reasons } from './pieces.tsx';

export type Candidate = CheckResponse['candidates'][number];

interface DuplicateWarningProps {
  candidates: readonly Candidate[];
  /** A new activity may join an entry instead of being saved; an activity already saved may not. */
  canJoin: boolean;
  busy: boolean;
  onJoin(candidate: Candidate): void;
  onRelate(candidate: Candidate, kind: RelationKind): void;
  onSaveAnyway(reason: string): void;
  onBack(): void;
}

export function DuplicateWarning({ candidates, canJoin, busy, onJoin, onRelate, onSaveAnyway, onBack }: DuplicateWarningProps) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [kinds, setKinds] = useState<Record<string, RelationKind>>({});
  return (
    <Dialog labelledBy={id} onEscape={onBack}>
      <h2 id={id}>{t('duplicates.editor.title')}</h2>
      <p>{t('duplicates.editor.help')}</p>
      <p role="status">{t('duplicates.editor.found', { count: candidates.length })}</p>
      <ul className="cards duplicates">
        {candidates.map((candidate) => (
          <li key={candidate.activity.id}>
            <Entry activity={candidate.activity} newTab />
            <Reasons reasons={candidate.reasons} />
            <div className="row">
              {canJoin ? (
                <button type="button" disabled={busy} onClick={() => onJoin(candidate)} title={t('duplicates.editor.joinHelp')}>
                  {t('duplicates.editor.join')}
                </button>
              ) : null}
              <Field label={t('duplicates.action.relation')}>
                <Select
                  value={kinds[candidate.activity.id] ?? 'back-to-back'}
                  onChange={(kind) => setKinds((known) => ({ ...known, [candidate.activity.id]: kind }))}
                  options={RELATION_KINDS}
                  labelOf={(kind) => t(`app.relation.${kind}`)}
                />
              </Field>
              <button type="button" disabled={busy} onClick={() => onRelate(candidate, kinds[candidate.activity.id] ?? 'back-to-back')}>
                {t('duplicates.editor.relate')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <Field label={t('duplicates.editor.reason')}>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
      </Field>
      <p className="actions">
        <button type="button" onClick={onBack}>
          {t('duplicates.editor.back')}
        </button>
        <button type="button" className="primary" disabled={busy || reason.trim() === ''} onClick={() => onSaveAnyway(reason.trim())}>
          {t('duplicates.editor.saveAnyway')}
        </button>
      </p>
    </Dialog>
  );
}
