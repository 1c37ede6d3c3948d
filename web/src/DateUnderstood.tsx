/**
 * What a fuzzy date was understood as, read in the browser with the server's own parser while the
 * user types: the range, "date to be decided" for an undated one, and for a numeric date whose
 * numbers could both be the month ("05/06/2020") which order was taken, with a button for the other.
 */
import { formatFuzzyDate, isUndated, parseFuzzyDate, type DayOrder } from '#src/activities/fuzzy-date.ts';
import { Message, useI18n } from './i18n.tsx';

export function DateUnderstood({ text, order = 'dmy', onOrder }: { text: string; order?: DayOrder; onOrder?: (order: DayOrder) => void }) {
  const { t, language } = useI18n();
  if (!text.trim()) return null;
  const parsed = parseFuzzyDate(text, { order });
  if (!parsed.ok) return <span className="warning">{t('app.editor.dateNotUnderstood')}</span>;
  if (isUndated(parsed.value)) return <span className="undated">{t('app.editor.dateUndated')}</span>;
  const reading = parsed.reading;
  return (
    <span>
      <Message id="app.editor.dateUnderstood" values={{ date: formatFuzzyDate(parsed.value, language), start: <bdi>{parsed.value.start}</bdi>, end: <bdi>{parsed.value.end}</bdi> }} />
      {reading?.ambiguous ? (
        <>
          {' '}
          <span className="date-order">{t(reading.order === 'dmy' ? 'app.editor.dateReadDayFirst' : 'app.editor.dateReadMonthFirst')}</span>
          {onOrder ? (
            <>
              {' '}
              <button type="button" className="link" onClick={() => onOrder(reading.order === 'dmy' ? 'mdy' : 'dmy')}>
                {t(reading.order === 'dmy' ? 'app.editor.dateReadAsMonthFirst' : 'app.editor.dateReadAsDayFirst')}
              </button>
            </>
          ) : null}
        </>
      ) : null}
    </span>
  );
}
