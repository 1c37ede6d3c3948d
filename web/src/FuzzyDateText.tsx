/** A date as people wrote it, with the range it was understood as beside it when the two differ. */
import { isUndated } from '#src/activities/fuzzy-date.ts';
import { dateLabel, type Activity } from './activities.ts';
import { useI18n } from './i18n.tsx';

export function FuzzyDateText({ date }: { date: Activity['date'] }) {
  const { t, language } = useI18n();
  const { written, understood: range } = dateLabel(date, language);
  // An undated activity ("TBD") is worded the same everywhere: "Date to be decided".
  const understood = isUndated(date) ? t('app.register.undated') : range;
  return (
    <>
      <bdi>{written}</bdi>
      {understood ? (
        <>
          {' '}
          <span className="understood">({understood})</span>
        </>
      ) : null}
    </>
  );
}
