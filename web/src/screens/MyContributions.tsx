/** "My contributions": the office's parts of the open reporting rounds, each linking to its editor. */
import { useI18n } from '../i18n.tsx';
import { MyContributionsList, useMyContributions } from '../rounds/MyContributionsList.tsx';

export default function MyContributions() {
  const { t } = useI18n();
  const mine = useMyContributions();
  return (
    <>
      <h1>{t('rounds.mine.title')}</h1>
      <MyContributionsList {...mine} />
    </>
  );
}
