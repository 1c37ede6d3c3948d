/**
 * Beside the text: the office's activities of the period that no item names ("in the register but
 * not in your section"), and those the server offers as possibly belonging here (dated just before
 * the period, recorded or changed during it); each can be added as an item in one click. Nothing
 * falls out of the section unnoticed.
 */
import { useState } from 'react';
import { api } from '../api.ts';
import type { Activity } from '../activities.ts';
import { useI18n } from '../i18n.tsx';
import { addActivityAsItem, itemTextOf } from './edit.ts';
import { linkedActivityIds, textUnits } from '#src/rounds/content.ts';
import type { ActivityLink, ActivitySummary, Contribution, ContributionContent } from './model.ts';

/** A link as the server words the activity, with the version the register holds now. */
async function linkFromSummary(summary: ActivitySummary): Promise<ActivityLink> {
  const activity = await api<Activity>('GET', `/api/activities/${encodeURIComponent(summary.id)}`);
  return { id: summary.id, seen: { version: activity.version, title: summary.title, date: summary.date, place: summary.place, status: summary.status } };
}

/**
 * The activities of the period the saved text names: the server does not list them as omissions,
 * but once the office takes them out of the text on screen, they are.
 */
function unlinkedSinceSaved(contribution: Contribution): ActivitySummary[] {
  if (!contribution.content) return [];
  const outside = new Set(contribution.outsidePeriod.map((flag) => flag.activityId));
  const seen = new Map(textUnits(contribution.content).flatMap((unit) => unit.activities.map((link) => [link.id, link.seen] as const)));
  return [...seen].filter(([id]) => !outside.has(id)).map(([id, { title, date, place, status }]) => ({ id, title, date, place, status }));
}

function ActivityRows({ activities, onAdd, busy }: { activities: ActivitySummary[]; onAdd?: ((activity: ActivitySummary) => void) | undefined; busy: string | null }) {
  const { t } = useI18n();
  return (
    <ul className="cards">
      {activities.map((activity) => (
        <li key={activity.id}>
          <span dir="auto">{activity.title}</span>
          <span className="meta">
            {[activity.date, activity.place].filter(Boolean).join(' · ')} · {t(`app.status.${activity.status}`)}
          </span>
          {onAdd ? (
            <button type="button" className="small" disabled={busy === activity.id} onClick={() => onAdd(activity)} aria-label={t('rounds.omissions.addNamed', { title: activity.title })}>
              {t('rounds.omissions.add')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

interface OmissionsProps {
  contribution: Contribution;
  /** The text as it is on screen (it may name an activity the saved version did not). */
  content: ContributionContent | null;
  /** Without it, the lists are read only (the review). */
  onChange?: ((content: ContributionContent) => void) | undefined;
}

export function Omissions({ contribution, content, onChange }: OmissionsProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const named = new Set(content ? linkedActivityIds(content) : []);
  const omissions = [...contribution.omissions, ...unlinkedSinceSaved(contribution)].filter((activity) => !named.has(activity.id));
  const offered = contribution.offered.filter((activity) => !named.has(activity.id));

  const add =
    onChange && content
      ? (activity: ActivitySummary) => {
          setBusy(activity.id);
          setFailed(false);
          linkFromSummary(activity)
            .then((link) => onChange(addActivityAsItem(content, link, itemTextOf(activity)).content), () => setFailed(true))
            .finally(() => setBusy(null));
        }
      : undefined;

  return (
    <aside className="omissions" aria-labelledby="omissions-title">
      <h2 id="omissions-title">{t('rounds.omissions.title')}</h2>
      <p className="hint">{t('rounds.omissions.help')}</p>
      {failed ? <p className="warning">{t('app.error.unexpected')}</p> : null}
      {omissions.length === 0 ? <p>{t('rounds.omissions.none')}</p> : <ActivityRows activities={omissions} onAdd={add} busy={busy} />}
      <h2 id="offered-title">{t('rounds.omissions.offeredTitle')}</h2>
      <p className="hint">{t('rounds.omissions.offeredHelp')}</p>
      {offered.length === 0 ? <p>{t('rounds.omissions.noneOffered')}</p> : <ActivityRows activities={offered} onAdd={add} busy={busy} />}
    </aside>
  );
}
