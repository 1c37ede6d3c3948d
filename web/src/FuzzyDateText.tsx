/** A date as people wrote it, with the range it was understood as beside it when the two differ. */
import { dateLabel, type Activity } from './activities.ts';
import { useI18n } from './i18n.tsx';

export function FuzzyDateText({ date }: { date: Activity['date'] }) {
  const { language } = useI18n();
  const { written, understood } = dateLabel(date, language);
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
