/** A modal dialog over the screen: focus moves into it on opening and goes back where it was on closing. */
import { useEffect, useRef, type ReactNode } from 'react';

export function Dialog({ labelledBy, role = 'dialog', children }: { labelledBy: string; role?: 'dialog' | 'alertdialog'; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>('input, button, select, textarea');
    (first ?? ref.current)?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div className="overlay">
      <div ref={ref} role={role} aria-modal="true" aria-labelledby={labelledBy} className="dialog" tabIndex={-1}>
        {children}
      </div>
    </div>
  );
}
