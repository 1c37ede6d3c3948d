/**
 * Whether a report's downloads and preview carry the annex "Activities by plan output" (the
 * server adds it on request: `annex=plan-outputs`, for the quick printout and a round's report).
 */
import { useI18n } from '../i18n.tsx';

/** The address with the annex asked for, or as it was. The addresses given already carry a query (`?lang=`). */
export const withAnnex = (url: string, annex: boolean): string => (annex ? `${url}${url.includes('?') ? '&' : '?'}annex=plan-outputs` : url);

export function AnnexChoice({ checked, onChange }: { checked: boolean; onChange(checked: boolean): void }) {
  const { t } = useI18n();
  return (
    <label className="annex-choice">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} /> {t('annualplan.annex.choose')}
    </label>
  );
}
