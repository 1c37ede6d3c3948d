/** What a fuzzy date was understood as, read in the browser with the server's own parser while the user types. */
import { formatFuzzyDate, parseFuzzyDate } from '#src/activities/fuzzy-date.ts';
import { Message, useI18n } from './i18n.tsx';

export function DateUnderstood({ text }: { text: string }) {
  const { t, language } = useI18n();
  if (!text.trim()) return null;
  const parsed = parseFuzzyDate(text);
  return parsed.ok ? (
    <span>
      <Message id="app.editor.dateUnderstood" values={{ date: formatFuzzyDate(parsed.value, language), start: <bdi>{parsed.value.start}</bdi>, end: <bdi>{parsed.value.end}</bdi> }} />
    </span>
  ) : (
    <span className="warning">{t('app.editor.dateNotUnderstood')}</span>
  );
}
