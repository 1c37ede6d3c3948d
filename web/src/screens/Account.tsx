/** One's own account: change the password (given the current one), and one's API tokens: list, create (the secret shown once), revoke. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import type { Page } from '../activities.ts';
import { endOfDay, type CreatedToken, type Token } from '../accounts/model.ts';
import { PasswordFields } from '../accounts/PasswordFields.tsx';
import { ShownOnce } from '../accounts/ShownOnce.tsx';
import { TokenTable } from '../accounts/TokenTable.tsx';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { useUser } from '../session.tsx';

function ChangePassword() {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const fieldError = useFieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    setError(null);
    try {
      await api('PUT', '/api/me/password', { body: { currentPassword: current, newPassword: password } });
      setCurrent('');
      setPassword('');
      setRepeat('');
      setDone(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="own-password">
      <h2 id="own-password">{t('accounts.own.password')}</h2>
      <p>{t('accounts.own.passwordHelp')}</p>
      <form className="stack accounts-form" onSubmit={(event) => void submit(event)}>
        <Field label={t('accounts.password.current')} error={fieldError('currentPassword')}>
          <input type="password" autoComplete="current-password" required value={current} onChange={(event) => setCurrent(event.target.value)} />
        </Field>
        <PasswordFields password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} error={fieldError('newPassword')} mismatch={mismatch} />
        <ErrorAlert error={error} />
        {done ? <p role="status">{t('accounts.own.passwordChanged')}</p> : null}
        <button type="submit" className="primary">
          {t('accounts.own.changePassword')}
        </button>
      </form>
    </section>
  );
}

function NewToken({ onCreated }: { onCreated(token: CreatedToken): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<unknown>(null);
  const fieldError = useFieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const created = await api<CreatedToken>('POST', '/api/tokens', { body: { name, ...(expires ? { expiresAt: endOfDay(expires) } : {}) } });
      setName('');
      setExpires('');
      onCreated(created);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="stack accounts-form" onSubmit={(event) => void submit(event)}>
      <h3>{t('accounts.tokens.new')}</h3>
      <Field label={t('accounts.tokens.name')} hint={t('accounts.tokens.nameHint')} error={fieldError('name')}>
        <input required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
      </Field>
      <Field label={t('accounts.tokens.expiresOn')} hint={t('accounts.tokens.expiresHint')} error={fieldError('expiresAt')}>
        <input type="date" value={expires} onChange={(event) => setExpires(event.target.value)} />
      </Field>
      <ErrorAlert error={error} />
      <button type="submit">{t('accounts.tokens.create')}</button>
    </form>
  );
}

export default function Account() {
  const { t } = useI18n();
  const user = useUser();
  const [tokens, setTokens] = useState<Token[] | null>(null);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => api<Page<Token>>('GET', '/api/tokens').then((page) => setTokens(page.data), setError), []);
  useEffect(() => {
    void load();
  }, [load]);

  async function revoke(token: Token) {
    try {
      await api('DELETE', `/api/tokens/${token.id}`);
      await load();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <h1>{t('accounts.own.title')}</h1>
      <p>
        <bdi>{user.displayName}</bdi> · <bdi>{user.email}</bdi> · {t(`accounts.roleName.${user.role}`)}
      </p>
      <ChangePassword />
      <section aria-labelledby="own-tokens">
        <h2 id="own-tokens">{t('accounts.tokens.title')}</h2>
        <p>{t('accounts.tokens.intro')}</p>
        <ErrorAlert error={error} />
        {created ? <ShownOnce label={t('accounts.tokens.createdLabel', { name: created.name })} help={t('accounts.tokens.shownOnce')} value={created.token} /> : null}
        {tokens === null ? <p role="status">{t('app.loading')}</p> : <TokenTable tokens={tokens} onRevoke={revoke} />}
        <NewToken
          onCreated={(token) => {
            setCreated(token);
            void load();
          }}
        />
      </section>
    </>
  );
}
