/**
 * A <select> over a list of values, each shown in the user's words: controlled (`value`, `onChange`
 * with the chosen value) or left to its form (`name`, `defaultValue`). Other attributes, such as the
 * id and descriptions `Field` gives it, go to the <select>.
 */
import type { SelectHTMLAttributes } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from './i18n.tsx';

type SelectProps<V extends string> = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'defaultValue' | 'onChange' | 'children'> & {
  options: readonly V[];
  labelOf(value: V): string;
  /** The language an option is written in, where it is not the page's. */
  langOf?(value: V): string;
  /** A first option with no value, saying what none means ("any", "as the document says"). */
  none?: string;
  value?: V;
  defaultValue?: string;
  onChange?(value: NoInfer<V>): void;
};

export function Select<V extends string>({ options, labelOf, langOf, none, onChange, ...select }: SelectProps<V>) {
  return (
    <select {...select} onChange={onChange && ((event) => onChange(event.target.value as V))}>
      {none === undefined ? null : <option value="">{none}</option>}
      {options.map((value) => (
        <option key={value} value={value} lang={langOf?.(value)}>
          {labelOf(value)}
        </option>
      ))}
    </select>
  );
}

/** The six languages, each named in itself (and marked so, for screen readers). */
export function LanguageSelect(props: Omit<SelectProps<Language>, 'options' | 'labelOf' | 'langOf' | 'none'>) {
  return <Select {...props} options={LANGUAGES} labelOf={(code) => LANGUAGE_NAMES[code]} langOf={(code) => code} />;
}
