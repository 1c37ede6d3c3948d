/** "Are you sure?" before an action that changes much at once (delete, reject all): a modal that names it, Escape cancels. */
import { useId } from 'react';
import { Dialog } from './Dialog.tsx';
import { useI18n } from './i18n.tsx';

interface ConfirmProps {
  title: string;
  help: string;
  /** The button that does it, named for what it does ("Delete", "Reject all"). */
  confirm: string;
  onConfirm(): void;
  onCancel(): void;
}

export function Confirm({ title, help, confirm, onConfirm, onCancel }: ConfirmProps) {
  const { t } = useI18n();
  const id = useId();
  return (
    <Dialog labelledBy={id} role="alertdialog" onEscape={onCancel}>
      <h2 id={id}>{title}</h2>
      <p>{help}</p>
      <p className="actions">
        <button type="button" onClick={onCancel}>
          {t('app.confirm.cancel')}
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          {confirm}
        </button>
      </p>
    </Dialog>
  );
}
