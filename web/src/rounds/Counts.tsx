/** A round's counts in one sentence: "9 of 13 accepted, 2 submitted, 1 changes requested, 1 not started — 1 late". */
import { useI18n } from '../i18n.tsx';
import type { RoundCounts } from './model.ts';

/** The states after "accepted", in the order the sentence names them (those at zero are left out). */
const PARTS = [
  ['submitted', 'rounds.counts.submitted'],
  ['changesRequested', 'rounds.counts.changesRequested'],
  ['draft', 'rounds.counts.draft'],
  ['notStarted', 'rounds.counts.notStarted'],
] as const;

export function CountsLine({ counts }: { counts: RoundCounts }) {
  const { t, language, formatNumber } = useI18n();
  const parts = [
    t('rounds.counts.accepted', { accepted: formatNumber(counts.accepted), asked: formatNumber(counts.asked) }),
    ...PARTS.filter(([field]) => counts[field] > 0).map(([field, key]) => t(key, { n: formatNumber(counts[field]) })),
  ];
  const sentence = new Intl.ListFormat(language, { style: 'long', type: 'unit' }).format(parts);
  return (
    <span className="counts">
      {sentence}
      {counts.late > 0 ? <strong className="late"> — {t('rounds.counts.late', { n: formatNumber(counts.late) })}</strong> : null}
    </span>
  );
}
