/** After a 409: the stored version beside the user's, field by field, each with "take theirs". */
import { Comparison } from './Comparison.tsx';
import { differingFields, type Draft } from './draft.ts';
import { useI18n } from './i18n.tsx';

/** The form's label of each draft field, for the conflict view. */
const DRAFT_LABELS: Record<keyof Draft, string> = {
  originalLanguage: 'app.field.language',
  title: 'app.field.title',
  kind: 'app.field.kind',
  status: 'app.field.status',
  statusReason: 'app.field.statusReason',
  visibility: 'app.field.visibility',
  offices: 'app.field.offices',
  sectors: 'app.field.sectors',
  bodies: 'app.field.bodies',
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
};

/** A draft value as text: lists joined, entries by their code and role. */
function showDraftValue(value: Draft[keyof Draft]): string {
  if (!Array.isArray(value)) return value === '' ? '—' : String(value);
  if (value.length === 0) return '—';
  return value.map((item) => (typeof item === 'string' ? item : Object.values(item).filter(Boolean).join(' '))).join('; ');
}

/** Server state beside the user's, field by field, after a 409. */
export function ConflictView({ mine, theirs, onTake }: { mine: Draft; theirs: Draft; onTake(field: keyof Draft): void }) {
  const { t } = useI18n();
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('app.editor.conflictTitle')}</h2>
      <p>{t('app.editor.conflictHelp')}</p>
      <Comparison
        headings={[t('app.editor.conflictYours'), t('app.editor.conflictTheirs')]}
        rows={differingFields(mine, theirs).map((field) => ({ field, label: t(DRAFT_LABELS[field]), first: showDraftValue(mine[field]), second: showDraftValue(theirs[field]) }))}
        action={{ label: t('app.editor.conflictTake'), onClick: onTake }}
      />
    </section>
  );
}
