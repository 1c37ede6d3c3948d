/** Action items with their owner, due day and status; their owner (or the series' focal points) changes the status in place. */
import { Fragment, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { ActionLinkList, ActionLinksEditor, type ActionLink } from './ActionLinks.tsx';
import { screens, type ActionItem } from './model.ts';

const STATUSES = ['open', 'done', 'dropped'] as const;

export function ActionList({ items, showMeeting, onChanged }: { items: ActionItem[]; showMeeting?: boolean; onChanged?: (item: ActionItem) => void }) {
  const { t, formatDate } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [linking, setLinking] = useState<string | null>(null);
  if (items.length === 0) return <p>{t('meetings.action.none')}</p>;
  const relink = (item: ActionItem, links: ActionLink[]) =>
    api<ActionItem>('PATCH', `/api/meetings/actions/${item.id}`, { body: { version: item.version, links } }).then((updated) => {
      setError(null);
      onChanged?.(updated);
    }, setError);
  const columns = showMeeting ? 5 : 4;
  const change = (item: ActionItem, status: string) =>
    api<ActionItem>('PATCH', `/api/meetings/actions/${item.id}`, { body: { version: item.version, status } }).then((updated) => {
      setError(null);
      onChanged?.(updated);
    }, setError);
  return (
    <>
      <ErrorAlert error={error} />
      <table className="cards-narrow">
        <thead>
          <tr>
            <th scope="col">{t('meetings.action.text')}</th>
            <th scope="col">{t('meetings.action.owner')}</th>
            <th scope="col">{t('meetings.action.due')}</th>
            <th scope="col">{t('meetings.action.statusLabel')}</th>
            {showMeeting ? <th scope="col">{t('meetings.action.meeting')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <Fragment key={item.id}>
              <tr>
                <td data-label={t('meetings.action.text')}>
                  <span dir="auto">{item.text}</span>
                  <ActionLinkList links={item.links} />
                  {item.canEdit ? (
                    <button type="button" className="link" aria-expanded={linking === item.id} onClick={() => setLinking((now) => (now === item.id ? null : item.id))}>
                      {t('meetings.link.change', { text: item.text })}
                    </button>
                  ) : null}
                </td>
                <td data-label={t('meetings.action.owner')}>{item.ownerLabel}</td>
                <td data-label={t('meetings.action.due')}>
                  {formatDate(item.due)}
                  {item.overdue ? <strong className="reason"> {t('meetings.action.overdue')}</strong> : null}
                </td>
                <td data-label={t('meetings.action.statusLabel')}>
                  {item.canEdit ? (
                    <select aria-label={t('meetings.action.statusOf', { text: item.text })} value={item.status} onChange={(event) => void change(item, event.target.value)}>
                      {STATUSES.map((status) => (
                        <option key={status} value={status}>
                          {t(`meetings.action.status.${status}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`meetings.action.status.${item.status}`)
                  )}
                </td>
                {showMeeting ? (
                  <td data-label={t('meetings.action.meeting')}>
                    <Link to={screens.occurrence(item.occurrenceId)}>{item.seriesTitle}</Link>
                  </td>
                ) : null}
              </tr>
              {linking === item.id ? (
                <tr>
                  <td colSpan={columns}>
                    <ActionLinksEditor office={item.ownerOffice} links={item.links} onChange={(links) => void relink(item, links)} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** "My office": the office's action items and the meetings it takes part in. */
export function MyOfficeActions({ office }: { office: string | undefined }) {
  const { t } = useI18n();
  const [items, setItems] = useState<ActionItem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const query = office ? `?office=${encodeURIComponent(office)}&status=open` : '?status=open';
    api<{ data: ActionItem[] }>('GET', `/api/meetings/actions${query}`).then((page) => setItems(page.data), setError);
  }, [office]);
  return (
    <section aria-labelledby="my-actions">
      <h2 id="my-actions">{t('meetings.myOffice.heading')}</h2>
      <ErrorAlert error={error} />
      {items ? <ActionList items={items} showMeeting onChanged={(updated) => setItems((all) => (all ?? []).map((i) => (i.id === updated.id ? updated : i)))} /> : null}
    </section>
  );
}
