/** One account, for admins: change role, office or bureau (at the version seen), disable or enable, reset the password, revoke tokens. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api.ts';
import type { Page } from '../activities.ts';
import type { Account, IssuedLink, Token } from '../accounts/model.ts';
import { Placement, type PlacementValue } from '../accounts/Placement.tsx';
import { TokenTable } from '../accounts/TokenTable.tsx';
import { Confirm } from '../Confirm.tsx';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { LinkIssued } from './Users.tsx';

export default function User() {
  const { id = '' } = useParams();
  const { t, formatDate } = useI18n();
  const [account, setAccount] = useState<Account | null>(null);
  const [placement, setPlacement] = useState<PlacementValue | null>(null);
  const [tokens, setTokens] = useState<Token[] | null>(null);
  const [link, setLink] = useState<IssuedLink | null>(null);
  const [asking, setAsking] = useState<'disable' | 'reset' | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fieldError = useFieldErrors(error);

  const show = (next: Account) => {
    setAccount(next);
    setPlacement({ role: next.role, office: next.office, bureau: next.bureau });
  };
  const load = useCallback(async () => {
    try {
      show(await api<Account>('GET', `/api/users/${id}`));
      setTokens((await api<Page<Token>>('GET', `/api/users/${id}/tokens`)).data);
    } catch (caught) {
      setError(caught);
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  /** Runs a change; on a 409 the account as it is now is shown, and the admin decides again. */
  async function act(work: () => Promise<Account | void>) {
    setError(null);
    setSaved(false);
    try {
      const next = await work();
      if (next) show(next);
      setTokens((await api<Page<Token>>('GET', `/api/users/${id}/tokens`)).data);
      setSaved(true);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.status === 409 && caught.current) show(caught.current as Account);
    }
  }

  if (!account || !placement) return error ? <ErrorAlert error={error} /> : <p role="status">{t('app.loading')}</p>;

  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(() => api<Account>('PATCH', `/api/users/${id}`, { body: { version: account.version, ...placement } }));
  };

  return (
    <>
      <p>
        <Link to="/users">{t('accounts.users.back')}</Link>
      </p>
      <h1>
        <bdi>{account.displayName}</bdi>
      </h1>
      <p>
        <bdi>{account.email}</bdi> · {account.lastSignInAt ? t('accounts.users.lastSignInAt', { at: formatDate(account.lastSignInAt, true) }) : t('accounts.users.neverSignedIn')} ·{' '}
        {account.disabledAt ? t('accounts.users.disabledAt', { at: formatDate(account.disabledAt, true) }) : t('accounts.users.enabled')}
      </p>
      <ErrorAlert error={error} />
      {saved ? <p role="status">{t('accounts.users.saved')}</p> : null}
      {link ? <LinkIssued email={account.email} link={link} /> : null}

      <form className="stack accounts-form" onSubmit={save} aria-labelledby="placement">
        <h2 id="placement">{t('accounts.users.placement')}</h2>
        <Placement value={placement} onChange={setPlacement} errorOf={(field) => fieldError(field)} />
        <button type="submit" className="primary">
          {t('accounts.users.save')}
        </button>
      </form>

      <section aria-labelledby="access">
        <h2 id="access">{t('accounts.users.access')}</h2>
        <p className="actions">
          {account.disabledAt ? (
            <button type="button" onClick={() => void act(() => api<Account>('POST', `/api/users/${id}/enable`, { body: { version: account.version } }))}>
              {t('accounts.users.enable')}
            </button>
          ) : (
            <>
              <button type="button" onClick={() => setAsking('disable')}>
                {t('accounts.users.disable')}
              </button>
              <button type="button" onClick={() => setAsking('reset')}>
                {t('accounts.users.reset')}
              </button>
            </>
          )}
        </p>
      </section>

      <section aria-labelledby="their-tokens">
        <h2 id="their-tokens">{t('accounts.tokens.title')}</h2>
        {tokens ? <TokenTable tokens={tokens} onRevoke={(token) => act(() => api('DELETE', `/api/tokens/${token.id}`))} /> : null}
      </section>

      {asking === 'disable' ? (
        <Confirm
          title={t('accounts.users.disableTitle', { name: account.displayName })}
          help={t('accounts.users.disableHelp')}
          confirm={t('accounts.users.disable')}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            void act(() => api<Account>('POST', `/api/users/${id}/disable`, { body: { version: account.version } }));
          }}
        />
      ) : null}
      {asking === 'reset' ? (
        <Confirm
          title={t('accounts.users.resetTitle', { name: account.displayName })}
          help={t('accounts.users.resetHelp')}
          confirm={t('accounts.users.reset')}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            setAsking(null);
            void act(async () => setLink(await api<IssuedLink>('POST', `/api/users/${id}/password-reset`)));
          }}
        />
      ) : null}
    </>
  );
}
