/** What the editor's warning and the coordination view both show: an entry of a pair, and why two entries may be one event. */
import { Link } from 'react-router';
import type { CheckResponse } from '#src/duplicates/schemas.ts';
import { dateLabel, titleOf, type Activity } from '../activities.ts';
import { useI18n } from '../i18n.tsx';
import { nameOf, useOffices } from '../registry.ts';

export type Reason = CheckResponse['candidates'][number]['reasons'][number];

/** One reason, in words: "Same body: SG12RG-AFR", "3 days apart", "Similar titles (62 % alike)". */
export function reasonText(t: ReturnType<typeof useI18n>['t'], reason: Reason): string {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(reason)) if (key !== 'code' && value !== undefined) params[key] = value;
  if (reason.similarity !== undefined) params.similarity = Math.round(reason.similarity * 100);
  return t(`duplicates.reason.${reason.code}`, params);
}

export function Reasons({ reasons }: { reasons: readonly Reason[] }) {
  const { t } = useI18n();
  if (reasons.length === 0) return null;
  return (
    <ul className="reasons" aria-label={t('duplicates.why')}>
      {reasons.map((reason) => (
        <li key={reason.code}>{reasonText(t, reason)}</li>
      ))}
    </ul>
  );
}

/** An entry of the register as a pair shows it: title (a link to it), date, place, offices, and the bureau for headquarters' own events. */
export function Entry({ activity, newTab = false }: { activity: Activity; newTab?: boolean }) {
  const { t, language } = useI18n();
  const offices = useOffices();
  const date = dateLabel(activity.date, language);
  const atHeadquarters = activity.offices.some((o) => offices.find((office) => office.code === o.office)?.kind === 'headquarters');
  return (
    <div className="entry">
      {newTab ? (
        <a href={`/app/activities/${activity.id}`} dir="auto" target="_blank" rel="noopener" title={t('duplicates.editor.open')}>
          {titleOf(activity, language)}
        </a>
      ) : (
        <Link to={`/activities/${activity.id}`} dir="auto">
          {titleOf(activity, language)}
        </Link>
      )}
      <span>
        {date.written}
        {activity.place?.city ? ` · ${activity.place.city}` : ''}
        {activity.place?.country ? ` (${activity.place.country})` : ''}
      </span>
      <span>{t('duplicates.offices', { offices: activity.offices.map((o) => `${nameOf(offices, o.office)} (${t(`app.role.${o.role}`)})`).join(', ') })}</span>
      {atHeadquarters && activity.bureaux.length > 0 ? <span>{t('duplicates.department', { bureaux: activity.bureaux.join(', ') })}</span> : null}
    </div>
  );
}
