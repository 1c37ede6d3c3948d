/**
 * The cover and common sections of a round's report: its report definition (the existing reports
 * API), with the cover form and the narrative editor the report builder uses, beside the compiled
 * report as it prints now.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ReportResponse } from '#src/reports/schemas.ts';
import { api } from '../api.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { CoverEditor } from '../reports/CoverEditor.tsx';
import { NarrativeEditor } from '../reports/NarrativeEditor.tsx';
import { compiledUrl, screens } from '../rounds/model.ts';
import { roundName } from '../rounds/RoundHeading.tsx';
import { useRound } from '../rounds/useRound.ts';

export default function RoundCover() {
  const { t, language } = useI18n();
  const { code = '' } = useParams();
  const { round, error: roundError } = useRound(code);
  const [report, setReport] = useState<ReportResponse | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (round) api<ReportResponse>('GET', `/api/reports/${round.reportId}`).then(setReport, setError);
  }, [round]);

  if (!round || !report) return roundError || error ? <ErrorAlert error={roundError ?? error} /> : <p role="status">{t('app.loading')}</p>;
  const draft = round.counts.accepted < round.counts.asked;
  return (
    <>
      <p>
        <Link to={screens.board(code)}>{t('rounds.board.back')}</Link>
      </p>
      <h1>{t('rounds.cover.heading', { round: roundName(round) })}</h1>
      <div className="builder">
        <div>
          <CoverEditor key={report.id} report={report} onSaved={setReport} />
          <NarrativeEditor key={`${report.id}-narrative`} report={report} onSaved={setReport} />
        </div>
        <iframe key={report.version} className="preview" title={t('rounds.board.previewTitle')} src={compiledUrl(code, 'html', language, draft)} />
      </div>
    </>
  );
}
