/** Leaving a screen with unsaved changes asks first, inside the workspace and when closing the tab. */
import { useEffect } from 'react';
import { useBlocker, type Blocker } from 'react-router';
import { Dialog } from './Dialog.tsx';
import { useI18n } from './i18n.tsx';

/** Holds a move to another screen while `dirty`, until the user answers the dialog. */
export function useUnsavedChanges(dirty: boolean): Blocker {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return blocker;
}

/** "Stay" or "Leave", while a move is held. */
export function UnsavedChangesDialog({ blocker }: { blocker: Blocker }) {
  const { t } = useI18n();
  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog labelledBy="unsaved-title" role="alertdialog" onEscape={() => blocker.reset()}>
      <h2 id="unsaved-title">{t('app.editor.unsavedTitle')}</h2>
      <p>{t('app.editor.unsavedHelp')}</p>
      <button type="button" onClick={() => blocker.reset()}>
        {t('app.editor.stay')}
      </button>{' '}
      <button type="button" onClick={() => blocker.proceed()}>
        {t('app.editor.leave')}
      </button>
    </Dialog>
  );
}
