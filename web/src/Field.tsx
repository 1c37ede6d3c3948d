/** A labelled form field with its hint and the API's message about it, tied together for screen readers; and a group of them under a legend. */
import { cloneElement, useId, type ReactElement } from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: React.ReactNode;
  children: ReactElement<{ id?: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;
}

export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': described, 'aria-invalid': error ? true : undefined })}
      {hint ? (
        <div id={`${id}-hint`} className="hint" aria-live="polite">
          {hint}
        </div>
      ) : null}
      {error ? (
        <div id={`${id}-error`} className="field-error">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** Fields that belong together under a legend, with what the API said about the group as a whole. */
export function FieldGroup({ legend, error, children }: { legend: string; error?: string | undefined; children: React.ReactNode }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {error ? <div className="field-error">{error}</div> : null}
      {children}
    </fieldset>
  );
}
