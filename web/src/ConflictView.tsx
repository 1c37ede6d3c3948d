/**
 * After a 409: what was merged. Fields only the other person changed were taken from their
 * version (listed by name); fields both changed are shown side by side, each with "take theirs".
 */
import { Comparison } from './Comparison.tsx';
import { openClashes, type Draft, type Texts } from './draft-model.ts';
import { useI18n } from './i18n.tsx';

/** The form's label of each draft field, for the conflict view. */
const DRAFT_LABELS: Record<keyof Draft, string> = {
  originalLanguage: 'app.field.language',
  languages: 'app.editor.translations',
  title: 'app.field.title',
  kind: 'app.field.kind',
  status: 'app.field.status',
  statusReason: 'app.field.statusReason',
  visibility: 'app.field.visibility',
  offices: 'app.field.offices',
  sectors: 'app.field.sectors',
  bodies: 'app.field.bodies',
  pendingBody: 'app.field.bodies',
  dateText: 'app.field.date',
  dateOrder: 'app.field.date',
  placeMode: 'app.field.placeMode',
  city: 'app.field.city',
  country: 'app.field.country',
  description: 'app.field.description',
  outcome: 'app.field.outcome',
  participants: 'app.field.participants',
  links: 'app.field.links',
  related: 'app.field.related',
  plans: 'plans.field.label',
};

/** A draft value as text: lists joined, entries by their code and role, texts by language. */
function showDraftValue(value: Draft[keyof Draft]): string {
  if (typeof value === 'object' && !Array.isArray(value)) {
    const texts = Object.entries(value as Texts).filter(([, text]) => text);
    return texts.length ? texts.map(([language, text]) => `${language}: ${text}`).join(' · ') : '—';
  }
  if (!Array.isArray(value)) return value === '' ? '—' : String(value);
  if (value.length === 0) return '—';
  return value.map((item) => (typeof item === 'string' ? item : Object.values(item).filter(Boolean).join(' '))).join('; ');
}

/** Server state beside the user's, field by field, after a 409. */
interface ConflictViewProps {
  mine: Draft;
  theirs: Draft;
  taken: ReadonlyArray<keyof Draft>;
  clashes: ReadonlyArray<keyof Draft>;
  onTake(field: keyof Draft): void;
}

export function ConflictView({ mine, theirs, taken, clashes, onTake }: ConflictViewProps) {
  const { t } = useI18n();
  const open = openClashes(clashes, mine, theirs);
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('app.editor.conflictTitle')}</h2>
      {taken.length ? <p>{t('app.editor.conflictTaken', { fields: taken.map((field) => t(DRAFT_LABELS[field])).join(', ') })}</p> : null}
      {open.length ? (
        <>
          <p>{t('app.editor.conflictHelp')}</p>
          <Comparison
            headings={[t('app.editor.conflictYours'), t('app.editor.conflictTheirs')]}
            rows={open.map((field) => ({ field, label: t(DRAFT_LABELS[field]), first: showDraftValue(mine[field]), second: showDraftValue(theirs[field]) }))}
            action={{ label: t('app.editor.conflictTake'), onClick: onTake }}
          />
        </>
      ) : (
        <p>{t('app.editor.conflictNoClash')}</p>
      )}
    </section>
  );
}

