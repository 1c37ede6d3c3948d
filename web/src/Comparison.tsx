/**
 * Two states of a record side by side, a field a row: a conflict's yours and theirs, a history
 * entry's before and after. Values are shown as text, each in its own direction; on a phone, a card a field.
 */
import { useI18n } from './i18n.tsx';

export interface ComparedField<F extends string> {
  field: F;
  label: string;
  first: string;
  second: string;
}

interface ComparisonProps<F extends string> {
  /** The two states' column headings. */
  headings: readonly [first: string, second: string];
  rows: ReadonlyArray<ComparedField<F>>;
  /** A button on each row, in a last column whose heading only screen readers hear. */
  action?: { label: string; onClick(field: F): void };
}

export function Comparison<F extends string>({ headings, rows, action }: ComparisonProps<F>) {
  const { t } = useI18n();
  return (
    <table className="cards-narrow">
      <thead>
        <tr>
          <th scope="col">{t('app.editor.conflictField')}</th>
          <th scope="col">{headings[0]}</th>
          <th scope="col">{headings[1]}</th>
          {action ? (
            <th scope="col">
              <span className="visually-hidden">{action.label}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field}>
            <th scope="row">{row.label}</th>
            <td dir="auto" data-label={headings[0]}>
              {row.first}
            </td>
            <td dir="auto" data-label={headings[1]}>
              {row.second}
            </td>
            {action ? (
              <td>
                <button type="button" onClick={() => action.onClick(row.field)}>
                  {action.label}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
