/**
 * The page a one-time link opens, signed in or not: whom it is for, a new password typed twice,
 * then the sign-in form. The link's secret is in the address's fragment, which no server sees.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError } from '../api.ts';
import type { LinkHolder } from '../accounts/model.ts';
import { PasswordFields } from '../accounts/PasswordFields.tsx';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { useSession } from '../session.tsx';
import { SignInForm } from '../SignInForm.tsx';

export default function SetPassword() {
  const { t, formatDate } = useI18n();
  const [token] = useState(() => window.location.hash.slice(1));
  const [holder, setHolder] = useState<LinkHolder | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = useFieldErrors(error);
  const { user } = useSession();
  const navigate = useNavigate();
  // Signed in with the new password: on to the workspace.
  useEffect(() => {
    if (done && user) void navigate('/', { replace: true });
  }, [done, user, navigate]);

  useEffect(() => {
    if (!token) {
      setInvalid(true);
      return;
    }
    api<LinkHolder>('POST', '/api/password-links/check', { body: { token } }).then(setHolder, (caught: unknown) => {
      if (caught instanceof ApiError && caught.status === 404) setInvalid(true);
      else setError(caught);
    });
  }, [token]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    setError(null);
    try {
      await api('POST', '/api/password-links/use', { body: { token, password } });
      // The secret is spent; it need not stay in the address bar or the history.
      window.history.replaceState(window.history.state, '', window.location.pathname);
      setDone(true);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 404) setInvalid(true);
      else setError(caught);
    }
  }

  if (invalid) {
    return (
      <section className="sign-in">
        <h1>{t('accounts.link.title')}</h1>
        <p role="alert">{t('accounts.link.notValid')}</p>
      </section>
    );
  }
  if (done && holder) {
    return (
      <section className="sign-in">
        <h1>{t('accounts.link.done')}</h1>
        <p>{t('accounts.link.signInNow')}</p>
        <SignInForm email={holder.email} />
      </section>
    );
  }
  if (!holder) return error ? <ErrorAlert error={error} /> : <p role="status">{t('app.loading')}</p>;
  return (
    <section className="sign-in">
      <h1>{holder.purpose === 'invite' ? t('accounts.link.welcome') : t('accounts.link.title')}</h1>
      <p>{t('accounts.link.for', { name: holder.displayName, email: holder.email, expires: formatDate(holder.expiresAt, true) })}</p>
      <form className="stack accounts-form" onSubmit={(event) => void submit(event)}>
        <input type="email" autoComplete="username" value={holder.email} readOnly hidden />
        <PasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} error={fieldError('password')} mismatch={mismatch} />
        <ErrorAlert error={error} />
        <button type="submit" className="primary">
          {t('accounts.link.set')}
        </button>
      </form>
    </section>
  );
}
