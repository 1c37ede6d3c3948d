/** Accounts, for admins: who has which role, office or bureau, when they last signed in; and inviting someone. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import type { Page } from '../activities.ts';
import type { Account, Invitation } from '../accounts/model.ts';
import { Placement, type PlacementValue } from '../accounts/Placement.tsx';
import { ShownOnce } from '../accounts/ShownOnce.tsx';
import { ErrorAlert, useFieldErrors } from '../errors.tsx';
import { Field } from '../Field.tsx';
import { useI18n, type Language } from '../i18n.tsx';
import { nameOf, useOffices } from '../registry.ts';
import { LanguageSelect } from '../Select.tsx';

/** What an invitation gave the admin: the link to pass on, or word that it went by mail. */
export function LinkIssued({ email, link }: { email: string; link: Invitation['link'] }) {
  const { t, formatDate } = useI18n();
  const expires = formatDate(link.expiresAt, true);
  if (link.url === null) return <p role="status">{t('accounts.link.mailed', { email, expires })}</p>;
  return <ShownOnce label={t('accounts.link.shownLabel', { email })} help={t('accounts.link.shownHelp', { expires })} value={link.url} />;
}

function Invite({ onInvited }: { onInvited(invitation: Invitation): void }) {
  const { t, language: own } = useI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [placement, setPlacement] = useState<PlacementValue>({ role: 'editor', office: null, bureau: null });
  const [language, setLanguage] = useState<Language>(own);
  const [error, setError] = useState<unknown>(null);
  const fieldError = useFieldErrors(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const body = { email, role: placement.role, office: placement.office, bureau: placement.bureau, language, ...(displayName.trim() ? { displayName } : {}) };
      onInvited(await api<Invitation>('POST', '/api/users/invitations', { body }));
      setEmail('');
      setDisplayName('');
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="stack accounts-form" onSubmit={(event) => void submit(event)} aria-labelledby="invite">
      <h2 id="invite">{t('accounts.invite.title')}</h2>
      <p>{t('accounts.invite.help')}</p>
      <Field label={t('accounts.users.email')} error={fieldError('email')}>
        <input type="email" required value={email} onChange={(event) => setEmail(event.target.value)} />
      </Field>
      <Field label={t('accounts.users.name')} error={fieldError('displayName')}>
        <input value={displayName} onChange={(event) => setDisplayName(event.target.value)} />
      </Field>
      <Placement value={placement} onChange={setPlacement} errorOf={(field) => fieldError(field)} />
      <Field label={t('accounts.users.language')} error={fieldError('language')}>
        <LanguageSelect value={language} onChange={setLanguage} />
      </Field>
      <ErrorAlert error={error} />
      <button type="submit" className="primary">
        {t('accounts.invite.send')}
      </button>
    </form>
  );
}

export default function Users() {
  const { t, formatDate } = useI18n();
  const offices = useOffices();
  const [users, setUsers] = useState<Account[] | null>(null);
  const [invited, setInvited] = useState<Invitation | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => api<Page<Account>>('GET', '/api/users').then((page) => setUsers(page.data), setError), []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>{t('accounts.users.title')}</h1>
      <ErrorAlert error={error} />
      {invited ? <LinkIssued email={invited.user.email} link={invited.link} /> : null}
      {users === null ? <p role="status">{t('app.loading')}</p> : null}
      {users ? (
        <table className="users cards-narrow">
          <thead>
            <tr>
              <th scope="col">{t('accounts.users.name')}</th>
              <th scope="col">{t('accounts.users.role')}</th>
              <th scope="col">{t('accounts.users.where')}</th>
              <th scope="col">{t('accounts.users.lastSignIn')}</th>
              <th scope="col">{t('accounts.users.state')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id}>
                <th scope="row">
                  <Link to={`/users/${user.id}`}>
                    <bdi>{user.displayName}</bdi>
                  </Link>
                  {user.displayName !== user.email ? (
                    <span className="meta">
                      {' '}
                      <bdi>{user.email}</bdi>
                    </span>
                  ) : null}
                </th>
                <td data-label={t('accounts.users.role')}>{t(`accounts.roleName.${user.role}`)}</td>
                <td data-label={t('accounts.users.where')}>{user.office ? nameOf(offices, user.office) : (user.bureau ?? '')}</td>
                <td data-label={t('accounts.users.lastSignIn')}>{user.lastSignInAt ? formatDate(user.lastSignInAt, true) : t('accounts.users.neverSignedIn')}</td>
                <td data-label={t('accounts.users.state')}>{user.disabledAt ? t('accounts.users.disabled') : t('accounts.users.enabled')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Invite
        onInvited={(invitation) => {
          setInvited(invitation);
          void load();
        }}
      />
    </>
  );
}
