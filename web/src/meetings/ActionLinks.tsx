/**
 * What an action item is about: activities of the register (picked with the rounds' activity
 * picker) and offices' contributions to a reporting round, shown as links to them.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { RoundSummaryResponse } from '#src/rounds/schemas.ts';
import { titleOf, type Activity } from '../activities.ts';
import { api } from '../api.ts';
import { Field } from '../Field.tsx';
import { useI18n } from '../i18n.tsx';
import { nameOf, useOffices } from '../registry.ts';
import { ActivityPicker } from '../rounds/ActivityPicker.tsx';
import type { ActionItem } from './model.ts';

export type ActionLink = ActionItem['links'][number];

const keyOf = (link: ActionLink): string => (link.kind === 'activity' ? link.id : `${link.round}/${link.office}`);

/** Activities' titles, fetched once each. */
function useTitles(links: readonly ActionLink[]): Record<string, string> {
  const { language } = useI18n();
  const [titles, setTitles] = useState<Record<string, string>>({});
  useEffect(() => {
    for (const link of links) {
      if (link.kind !== 'activity' || titles[link.id]) continue;
      api<Activity>('GET', `/api/activities/${link.id}`).then(
        (activity) => setTitles((known) => ({ ...known, [link.id]: titleOf(activity, language) })),
        () => undefined,
      );
    }
  }, [links, titles, language]);
  return titles;
}

/** The links as a list; with `onChange`, each can be removed. */
export function ActionLinkList({ links, onChange }: { links: readonly ActionLink[]; onChange?: (next: ActionLink[]) => void }) {
  const { t } = useI18n();
  const offices = useOffices();
  const titles = useTitles(links);
  if (links.length === 0) return null;
  const nameOfLink = (link: ActionLink) =>
    link.kind === 'activity' ? (titles[link.id] ?? link.id) : t('meetings.link.contribution', { office: nameOf(offices, link.office), round: link.round });
  return (
    <ul className="links" aria-label={t('meetings.link.heading')}>
      {links.map((link) => (
        <li key={keyOf(link)}>
          <Link to={link.kind === 'activity' ? `/activities/${link.id}` : `/rounds/${encodeURIComponent(link.round)}/offices/${encodeURIComponent(link.office)}`} dir="auto">
            {nameOfLink(link)}
          </Link>
          {onChange ? (
            <>
              {' '}
              <button type="button" onClick={() => onChange(links.filter((l) => keyOf(l) !== keyOf(link)))} aria-label={t('meetings.link.remove', { name: nameOfLink(link) })}>
                {t('meetings.link.removeShort')}
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Choosing an action item's links: an activity of the owner office (or of any, for a person), the office's contribution to a round. */
export function ActionLinksEditor({ office, links, onChange }: { office: string | null; links: readonly ActionLink[]; onChange(next: ActionLink[]): void }) {
  const { t, language } = useI18n();
  const [picking, setPicking] = useState(false);
  const [rounds, setRounds] = useState<RoundSummaryResponse[]>([]);
  const [round, setRound] = useState('');
  useEffect(() => {
    if (office) api<{ data: RoundSummaryResponse[] }>('GET', '/api/rounds').then((page) => setRounds(page.data), () => setRounds([]));
  }, [office]);
  const add = (link: ActionLink) => onChange([...links.filter((l) => keyOf(l) !== keyOf(link)), link]);
  return (
    <fieldset>
      <legend>{t('meetings.link.heading')}</legend>
      <ActionLinkList links={links} onChange={onChange} />
      <p className="actions">
        <button type="button" onClick={() => setPicking(true)}>
          {t('meetings.link.activity')}
        </button>
      </p>
      {office && rounds.length > 0 ? (
        <div className="row">
          <Field label={t('meetings.link.round')}>
            <select value={round} onChange={(event) => setRound(event.target.value)}>
              <option value="">—</option>
              {rounds.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.code} · {r.meeting}
                </option>
              ))}
            </select>
          </Field>
          <button type="button" disabled={!round} onClick={() => add({ kind: 'contribution', round, office })}>
            {t('meetings.link.addContribution')}
          </button>
        </div>
      ) : null}
      {picking ? (
        <ActivityPicker
          office={office ?? ''}
          language={language}
          linked={links.flatMap((l) => (l.kind === 'activity' ? [l.id] : []))}
          onPick={(picked) => {
            add({ kind: 'activity', id: picked.id });
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </fieldset>
  );
}
