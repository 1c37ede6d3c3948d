/** After a 409: the stored version beside the user's, field by field, each with "take theirs". */
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
  const fields = differingFields(mine, theirs);
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('app.editor.conflictTitle')}</h2>
      <p>{t('app.editor.conflictHelp')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('app.editor.conflictField')}</th>
            <th scope="col">{t('app.editor.conflictYours')}</th>
            <th scope="col">{t('app.editor.conflictTheirs')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('app.editor.conflictTake')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => (
            <tr key={field}>
              <th scope="row">{t(DRAFT_LABELS[field])}</th>
              <td dir="auto">{showDraftValue(mine[field])}</td>
              <td dir="auto">{showDraftValue(theirs[field])}</td>
              <td>
                <button type="button" onClick={() => onTake(field)}>
                  {t('app.editor.conflictTake')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
