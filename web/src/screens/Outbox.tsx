/** The mail outbox, for admins: every notice, its state, and why it has not gone yet. */
import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api.ts';
import type { Page } from '../activities.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { MAIL_STATES, type MailState, type OutboxMessage } from '../mail.ts';
import { Select } from '../Select.tsx';

const PAGE_SIZE = 50;

function outboxPath(state: MailState | null, cursor: string | null): string {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (state) query.set('state', state);
  if (cursor) query.set('cursor', cursor);
  return `/api/mail/outbox?${query}`;
}

export default function Outbox() {
  const { t, formatDate } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('state');
  const state = (MAIL_STATES as readonly string[]).includes(wanted ?? '') ? (wanted as MailState) : null;
  const [messages, setMessages] = useState<OutboxMessage[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    setMessages(null);
    api<Page<OutboxMessage>>('GET', outboxPath(state, null)).then((page) => {
      if (!current) return;
      setMessages(page.data);
      setNext(page.next);
    }, setError);
    return () => {
      current = false;
    };
  }, [state]);

  async function more() {
    try {
      const page = await api<Page<OutboxMessage>>('GET', outboxPath(state, next));
      setMessages((shown) => [...(shown ?? []), ...page.data]);
      setNext(page.next);
    } catch (caught) {
      setError(caught);
    }
  }

  const status = (message: OutboxMessage): string => {
    if (message.state === 'sent' && message.sentAt) return t('mail.outbox.sentAt', { at: formatDate(message.sentAt, true) });
    if (message.state === 'held' && message.nextAttemptAt) return t('mail.outbox.digestAt', { at: formatDate(message.nextAttemptAt, true) });
    if (message.state === 'pending' && message.nextAttemptAt && message.attempts > 0) return t('mail.outbox.nextAttempt', { at: formatDate(message.nextAttemptAt, true) });
    return '';
  };

  return (
    <>
      <h1>{t('mail.outbox.title')}</h1>
      <p>{t('mail.outbox.intro')}</p>
      <label htmlFor={`${id}-state`}>{t('mail.outbox.state')}</label>{' '}
      <Select
        id={`${id}-state`}
        value={state ?? ('' as MailState)}
        none={t('mail.outbox.any')}
        options={MAIL_STATES}
        labelOf={(value) => t(`mail.outbox.state.${value}`)}
        onChange={(value) => setParams(value ? { state: value } : {})}
      />
      <ErrorAlert error={error} />
      {messages === null ? <p role="status">{t('app.loading')}</p> : null}
      {messages && messages.length === 0 ? <p>{t('mail.outbox.none')}</p> : null}
      {messages && messages.length > 0 ? (
        <table className="outbox">
          <thead>
            <tr>
              <th scope="col">{t('mail.outbox.created')}</th>
              <th scope="col">{t('mail.outbox.to')}</th>
              <th scope="col">{t('mail.outbox.subject')}</th>
              <th scope="col">{t('mail.outbox.language')}</th>
              <th scope="col">{t('mail.outbox.state')}</th>
              <th scope="col">{t('mail.outbox.attempts')}</th>
              <th scope="col">{t('mail.outbox.status')}</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <td>{formatDate(message.createdAt, true)}</td>
                <td>
                  <bdi>{message.to}</bdi>
                </td>
                <td lang={message.language} dir={message.language === 'ar' ? 'rtl' : 'ltr'}>
                  <details>
                    <summary>{message.subject}</summary>
                    <pre className="mail-text">{message.text}</pre>
                  </details>
                </td>
                <td>{message.language}</td>
                <td>{t(`mail.outbox.state.${message.state}`)}</td>
                <td>{message.attempts}</td>
                <td>
                  {status(message)}
                  {message.lastError ? <span className="meta"> {t('mail.outbox.error', { error: message.lastError })}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {next ? (
        <button type="button" onClick={() => void more()}>
          {t('mail.outbox.more')}
        </button>
      ) : null}
    </>
  );
}
