/**
 * A draft field that holds a list (an activity's offices, Sectors, bodies, links, related
 * activities): a FieldGroup with its legend and what the API said about the list itself, the
 * entries each with a way to remove it, and what adds one. Changes go out as the whole new list.
 */
import type { ReactNode } from 'react';
import { FieldGroup } from './Field.tsx';
import { useI18n } from './i18n.tsx';

interface ListFieldCommon<T> {
  legend: string;
  /** What the API said about the list itself, not about one entry. */
  error?: string | undefined;
  items: readonly T[];
  onChange(next: T[]): void;
}

/** Entries that are their own fields, a row each, then "Remove". */
interface Rows<T extends object> extends ListFieldCommon<T> {
  layout: 'rows';
  /** An entry's fields; `update` changes some of them. */
  entry(item: T, update: (change: Partial<T>) => void, index: number): ReactNode;
  /** Identifies an entry, so none is added twice; without it, entries are told apart by their place. */
  keyOf?(item: T): string;
  /** The entry as its "Remove" button names it to a screen reader, where the row shows no name of its own. */
  nameOf?(item: T): string;
  /** What adds an entry: a button adding an empty one, or a search whose result is added. */
  adder(add: (item: T) => void): ReactNode;
}

/** Codes, each shown by its name with a × to remove it. */
interface Chips extends ListFieldCommon<string> {
  layout: 'chips';
  nameOf(code: string): string;
  adder(add: (code: string) => void): ReactNode;
}

/** Some of a fixed set, a checkbox each. */
interface Checks extends ListFieldCommon<string> {
  layout: 'checks';
  choices: readonly string[];
}

export function ListField<T extends object>(props: Rows<T> | Chips | Checks) {
  return (
    <FieldGroup legend={props.legend} error={props.error}>
      {props.layout === 'rows' ? <RowEntries {...props} /> : props.layout === 'chips' ? <ChipEntries {...props} /> : <CheckEntries {...props} />}
    </FieldGroup>
  );
}

function RowEntries<T extends object>({ items, onChange, entry, keyOf, nameOf, adder }: Rows<T>) {
  const { t } = useI18n();
  const add = (item: T) => {
    if (!keyOf || !items.some((listed) => keyOf(listed) === keyOf(item))) onChange([...items, item]);
  };
  return (
    <>
      {items.map((item, index) => (
        <div className="row" key={keyOf ? keyOf(item) : index}>
          {entry(item, (change) => onChange(items.map((listed, i) => (i === index ? { ...listed, ...change } : listed))), index)}
          <button type="button" onClick={() => onChange(items.filter((_, i) => i !== index))} aria-label={nameOf ? t('app.editor.removeNamed', { name: nameOf(item) }) : undefined}>
            {t('app.editor.remove')}
          </button>
        </div>
      ))}
      {adder(add)}
    </>
  );
}

function ChipEntries({ items, onChange, nameOf, adder }: Chips) {
  const { t } = useI18n();
  const add = (code: string) => {
    if (!items.includes(code)) onChange([...items, code]);
  };
  return (
    <>
      <ul className="chips">
        {items.map((code) => (
          <li key={code}>
            {nameOf(code)}{' '}
            <button type="button" aria-label={t('app.editor.removeNamed', { name: nameOf(code) })} onClick={() => onChange(items.filter((listed) => listed !== code))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {adder(add)}
    </>
  );
}

function CheckEntries({ items, onChange, choices }: Checks) {
  return choices.map((choice) => (
    <label key={choice} className="check">
      <input type="checkbox" checked={items.includes(choice)} onChange={(event) => onChange(event.target.checked ? [...items, choice] : items.filter((listed) => listed !== choice))} /> {choice}
    </label>
  ));
}
