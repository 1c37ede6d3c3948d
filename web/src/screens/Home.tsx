/**
 * "My office": the office's contributions to open reporting rounds, what is due before the current
 * reporting period's report, what comes next, what changed lately, and imports still waiting for review.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, queryString } from '../api.ts';
import type { DueResponse } from '#src/reports/schemas.ts';
import { titleLanguage, titleOf, type Activity, type Page } from '../activities.ts';
import { ErrorAlert } from '../errors.tsx';
import { FuzzyDateText } from '../FuzzyDateText.tsx';
import { isolate, useI18n } from '../i18n.tsx';
import { awaitsReview, type BatchSummary } from '../imports.ts';
import { useOffices } from '../registry.ts';
import { MyContributionsList, useMyContributions } from '../rounds/MyContributionsList.tsx';
import { MyOfficeActions } from '../meetings/ActionList.tsx';
import { useUser } from '../session.tsx';
import { YearChart } from '../statistics/YearChart.tsx';

const today = (): string => new Date().toISOString().slice(0, 10);

/** An activity's title linking to its editor, and its date (with when it was last changed, if asked). */
function ActivityCard({ activity, updatedAt }: { activity: Pick<Activity, 'id' | 'title' | 'originalLanguage' | 'date'>; updatedAt?: string }) {
  const { language, formatDate } = useI18n();
  return (
    <>
      <Link to={`/activities/${activity.id}`} dir="auto" lang={titleLanguage(activity, language)}>
        {titleOf(activity, language)}
      </Link>
      <span className="meta">
        <FuzzyDateText date={activity.date} />
        {updatedAt ? ` · ${formatDate(updatedAt, true)}` : ''}
      </span>
    </>
  );
}

function ActivityList({ activities, empty, showUpdated }: { activities: Activity[] | null; empty: string; showUpdated?: boolean }) {
  if (!activities) return null;
  if (activities.length === 0) return <p>{empty}</p>;
  return (
    <ul className="cards">
      {activities.map((activity) => (
        <li key={activity.id}>
          <ActivityCard activity={activity} {...(showUpdated ? { updatedAt: activity.updatedAt } : {})} />
        </li>
      ))}
    </ul>
  );
}

/** The office's activities that need something before the report, each linking to the editor with why. */
function DueList({ due }: { due: DueResponse | null }) {
  const { t, formatDate } = useI18n();
  if (!due) return null;
  if (due.periods.length === 0) return <p>{t('app.home.noPeriod')}</p>;
  return (
    <>
      <ul className="periods">
        {due.periods.map((period) => (
          <li key={period.report}>
            {t('app.home.duePeriod', { group: isolate(period.advisoryGroup), sector: isolate(period.sector), from: isolate(formatDate(period.from)), to: isolate(formatDate(period.to)) })}
          </li>
        ))}
      </ul>
      {due.data.length === 0 ? (
        <p>{t('app.home.nothingDue')}</p>
      ) : (
        <ul className="cards due">
          {due.data.map((activity) => (
            <li key={activity.id}>
              <ActivityCard activity={activity} />
              {activity.reasons.map((reason) => (
                <span key={reason} className="reason">
                  {t(`app.home.dueReason.${reason}`, { status: t(`app.status.${activity.status}`) })}
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default function Home() {
  const { t } = useI18n();
  const user = useUser();
  const [upcoming, setUpcoming] = useState<Activity[] | null>(null);
  const [recent, setRecent] = useState<Activity[] | null>(null);
  const [drafts, setDrafts] = useState<BatchSummary[] | null>(null);
  const [due, setDue] = useState<DueResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const office = user.office ?? undefined;
  const contributions = useMyContributions();
  const officeName = useOffices().find((o) => o.code === office)?.name ?? office;

  useEffect(() => {
    const list = (params: Record<string, string | undefined>) => api<Page<Activity>>('GET', `/api/activities${queryString({ office, limit: '10', ...params })}`);
    Promise.all([
      list({ from: today(), sort: 'date' }).then((page) => setUpcoming(page.data)),
      list({ sort: 'updated' }).then((page) => setRecent(page.data)),
      api<Page<BatchSummary>>('GET', '/api/imports').then((page) =>
        setDrafts(page.data.filter((batch) => (!office || batch.office === office) && awaitsReview(batch))),
      ),
      office ? api<DueResponse>('GET', `/api/offices/${encodeURIComponent(office)}/due`).then(setDue) : null,
    ]).catch(setError);
  }, [office]);

  return (
    <>
      <h1>{office ? t('app.home.title', { office: officeName ?? '' }) : t('app.home.titleAll')}</h1>
      <ErrorAlert error={error} />
      <div className="columns">
        <section aria-labelledby="contributions">
          <h2 id="contributions">{t('rounds.mine.homeTitle')}</h2>
          <MyContributionsList {...contributions} />
        </section>
        {office ? <MyOfficeActions office={office} /> : null}
        {office ? (
          <section aria-labelledby="due">
            <h2 id="due">{t('app.home.due')}</h2>
            <DueList due={due} />
          </section>
        ) : null}
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">{t('app.home.upcoming')}</h2>
          <ActivityList activities={upcoming} empty={t('app.home.noUpcoming')} />
        </section>
        <section aria-labelledby="recent">
          <h2 id="recent">{t('app.home.recent')}</h2>
          <ActivityList activities={recent} empty={t('app.home.noRecent')} showUpdated />
        </section>
        <section aria-labelledby="drafts">
          <h2 id="drafts">{t('app.home.drafts')}</h2>
          {drafts && drafts.length === 0 ? <p>{t('app.home.noDrafts')}</p> : null}
          <ul className="cards">
            {drafts?.map((batch) => (
              <li key={batch.id}>
                <Link to={`/imports/${batch.id}`} dir="auto">
                  {batch.header.title ?? batch.document}
                </Link>
                <span className="meta">
                  {t('app.imports.counts', { proposed: batch.counts.proposed, accepted: batch.counts.accepted, rejected: batch.counts.rejected })}
                  {batch.counts.unplacedOpen > 0 ? ` · ${t('review.counts.unplaced', { open: batch.counts.unplacedOpen })}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <YearChart year={new Date().getUTCFullYear()} />
    </>
  );
}
