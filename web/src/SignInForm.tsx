/** Email and password; wrong ones are said beside the form, in the user's language. */
import { useId, useState, type FormEvent } from 'react';
import { ErrorAlert } from './errors.tsx';
import { useI18n } from './i18n.tsx';
import { useSession } from './session.tsx';

export function SignInForm({ email: knownEmail = '' }: { email?: string }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const id = useId();
  const [email, setEmail] = useState(knownEmail);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="stack">
      <label htmlFor={`${id}-email`}>{t('app.session.email')}</label>
      <input id={`${id}-email`} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      <label htmlFor={`${id}-password`}>{t('app.session.password')}</label>
      <input id={`${id}-password`} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      <ErrorAlert error={error} />
      <button type="submit" disabled={busy}>
        {t('app.session.signIn')}
      </button>
    </form>
  );
}
