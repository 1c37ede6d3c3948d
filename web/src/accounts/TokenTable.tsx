/** API tokens in a table: name, created, last used, expiry, state; revoking one asks first. */
import { useState } from 'react';
import { Confirm } from '../Confirm.tsx';
import { useI18n } from '../i18n.tsx';
import { tokenState, type Token } from './model.ts';

export function TokenTable({ tokens, onRevoke }: { tokens: readonly Token[]; onRevoke(token: Token): Promise<void> }) {
  const { t, formatDate } = useI18n();
  const [asking, setAsking] = useState<Token | null>(null);
  const now = new Date();
  if (tokens.length === 0) return <p>{t('accounts.tokens.none')}</p>;
  return (
    <>
      <table className="tokens cards-narrow">
        <thead>
          <tr>
            <th scope="col">{t('accounts.tokens.name')}</th>
            <th scope="col">{t('accounts.tokens.created')}</th>
            <th scope="col">{t('accounts.tokens.lastUsed')}</th>
            <th scope="col">{t('accounts.tokens.expires')}</th>
            <th scope="col">{t('accounts.tokens.state')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('accounts.tokens.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const state = tokenState(token, now);
            return (
              <tr key={token.id}>
                <th scope="row">
                  <bdi>{token.name}</bdi>
                </th>
                <td data-label={t('accounts.tokens.created')}>{formatDate(token.createdAt, true)}</td>
                <td data-label={t('accounts.tokens.lastUsed')}>{token.lastUsedAt ? formatDate(token.lastUsedAt, true) : t('accounts.tokens.never')}</td>
                <td data-label={t('accounts.tokens.expires')}>{token.expiresAt ? formatDate(token.expiresAt, true) : t('accounts.tokens.noExpiry')}</td>
                <td data-label={t('accounts.tokens.state')}>{t(`accounts.tokens.state.${state}`)}</td>
                <td>
                  {state === 'active' ? (
                    <button type="button" onClick={() => setAsking(token)}>
                      {t('accounts.tokens.revoke')}
                      <span className="visually-hidden"> {token.name}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {asking ? (
        <Confirm
          title={t('accounts.tokens.revokeTitle', { name: asking.name })}
          help={t('accounts.tokens.revokeHelp')}
          confirm={t('accounts.tokens.revoke')}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            const token = asking;
            setAsking(null);
            void onRevoke(token);
          }}
        />
      ) : null}
    </>
  );
}
