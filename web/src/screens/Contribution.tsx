/**
 * /rounds/:code/offices/:office — one contribution: the office's editors write it; focal points
 * and admins review it; anyone else who may read it reads it.
 */
import { useParams } from 'react-router';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { screens } from '../rounds/model.ts';
import { RoundLine } from '../rounds/RoundHeading.tsx';
import { useContribution } from '../rounds/useContribution.ts';
import { useRound } from '../rounds/useRound.ts';
import { useUser } from '../session.tsx';
import { ContributionForOffice, ContributionHeading } from './ContributionEditor.tsx';
import { ContributionReview } from './ContributionReview.tsx';

export default function ContributionScreen() {
  const { t } = useI18n();
  const { code = '', office = '' } = useParams();
  const user = useUser();
  const handle = useContribution(code, office);
  const { round } = useRound(code);
  const { contribution } = handle;
  if (!contribution) return handle.error ? <ErrorAlert error={handle.error} /> : <p role="status">{t('app.loading')}</p>;
  const reviewer = user.role === 'focal-point' || user.role === 'admin';
  const ownOffice = user.role === 'editor' && user.office === contribution.office;
  const back = reviewer ? { to: screens.board(code), label: t('rounds.board.back') } : { to: '/contributions', label: t('rounds.mine.back') };
  return (
    <>
      <ContributionHeading contribution={contribution} back={back} />
      {round ? <RoundLine round={round} /> : null}
      {ownOffice && round?.state !== 'closed' ? (
        <ContributionForOffice handle={handle} contribution={contribution} />
      ) : (
        <ContributionReview handle={handle} contribution={contribution} readOnly={!reviewer || round?.state === 'closed'} />
      )}
    </>
  );
}
