/**
 * Who receives each bureau's briefings in the director's name: shown to every reader of the
 * briefings; admins, who alone list the accounts, name one here (or none).
 */
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { Page } from '../activities.ts';
import type { Account } from '../accounts/model.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { useUser } from '../session.tsx';

interface DirectorAccount {
  bureau: string;
  userId: string | null;
  email: string | null;
}

export function DirectorAccounts() {
  const { t } = useI18n();
  const user = useUser();
  const [named, setNamed] = useState<DirectorAccount[] | null>(null);
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const admin = user.role === 'admin';

  useEffect(() => {
    api<{ data: DirectorAccount[] }>('GET', '/api/briefings/directors').then((page) => setNamed(page.data), setError);
    if (admin) api<Page<Account>>('GET', '/api/users').then((page) => setAccounts(page.data), setError);
  }, [admin]);

  const choose = (bureau: string, userId: string | null) => {
    setSaved(null);
    setError(null);
    api('PUT', `/api/briefings/directors/${encodeURIComponent(bureau)}`, { body: { userId } }).then(() => {
      setNamed((now) => now?.map((d) => (d.bureau === bureau ? { ...d, userId, email: accounts?.find((a) => a.id === userId)?.email ?? null } : d)) ?? null);
      setSaved(bureau);
    }, setError);
  };

  if (!named) return <ErrorAlert error={error} />;
  return (
    <section aria-labelledby="director-accounts">
      <h2 id="director-accounts">{t('briefings.recipients.heading')}</h2>
      <ErrorAlert error={error} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('briefings.field.bureau')}</th>
            <th scope="col">{t('briefings.recipients.account')}</th>
          </tr>
        </thead>
        <tbody>
          {named.map((d) => (
            <tr key={d.bureau}>
              <th scope="row">{d.bureau}</th>
              <td>
                {admin && accounts ? (
                  <select aria-label={t('briefings.recipients.choose', { bureau: d.bureau })} value={d.userId ?? ''} onChange={(e) => choose(d.bureau, e.target.value || null)}>
                    <option value="">{t('briefings.recipients.none')}</option>
                    {accounts.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.email}
                      </option>
                    ))}
                  </select>
                ) : (
                  (d.email ?? t('briefings.recipients.none'))
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {saved ? <p role="status">{t('briefings.recipients.saved', { bureau: saved })}</p> : null}
    </section>
  );
}
