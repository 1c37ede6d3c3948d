/**
 * A focal point's review of one contribution: the text with the comments beside the items they are
 * about, a comment on an item or on the whole, "request changes" or "accept", "reopen" once
 * accepted; the possible omissions, the preview and the history alongside.
 */
import { useId, useState } from 'react';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { CommentForm, CommentList } from '../rounds/Comments.tsx';
import { ContentView } from '../rounds/ContentView.tsx';
import { ContributionPreview } from '../rounds/ContributionPreview.tsx';
import type { Contribution, ContributionAction } from '../rounds/model.ts';
import { Omissions } from '../rounds/Omissions.tsx';
import { ContributionHistory } from '../rounds/StateBadge.tsx';
import type { ContributionHandle, Transition } from '../rounds/useContribution.ts';

/** The reviewer's decisions, in the order offered, each with its endpoint and whether it needs a comment. */
const DECISIONS: Array<{ action: ContributionAction; transition: Transition; label: string; needsComment: boolean }> = [
  { action: 'request_changes', transition: 'request-changes', label: 'rounds.review.requestChanges', needsComment: true },
  { action: 'accept', transition: 'accept', label: 'rounds.review.accept', needsComment: false },
  { action: 'reopen', transition: 'reopen', label: 'rounds.review.reopen', needsComment: true },
];

function Decision({ handle, contribution, readOnly }: { handle: ContributionHandle; contribution: Contribution; readOnly: boolean }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const id = useId();
  const allowed = readOnly ? [] : DECISIONS.filter((decision) => contribution.actions.includes(decision.action));
  const decisions = allowed.length > 0 ? allowed : null;
  if (!decisions) return null;
  return (
    <section className="decision" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('rounds.review.decide')}</h2>
      <label htmlFor={id}>{t('rounds.review.decisionComment')}</label>
      <textarea id={id} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} dir="auto" />
      <p className="actions">
        {decisions.map((decision) => (
          <button
            key={decision.transition}
            type="button"
            className={decision.transition === 'accept' ? 'primary' : undefined}
            disabled={handle.busy || (decision.needsComment && !comment.trim())}
            onClick={() => void handle.move(decision.transition, comment).then((done) => done && setComment(''))}
          >
            {t(decision.label)}
          </button>
        ))}
      </p>
      {decisions.some((decision) => decision.needsComment) ? <p className="hint">{t('rounds.review.commentNeeded')}</p> : null}
    </section>
  );
}

export function ContributionReview({ handle, contribution, readOnly }: { handle: ContributionHandle; contribution: Contribution; readOnly: boolean }) {
  const { t, formatDate } = useI18n();
  const onComment = readOnly ? undefined : (itemId: string | null, text: string) => handle.comment(itemId, text);
  const onResolve = readOnly ? undefined : (comment: Parameters<ContributionHandle['resolve']>[0]) => void handle.resolve(comment);
  const content = contribution.state === 'accepted' && contribution.accepted ? contribution.accepted.content : contribution.content;
  return (
    <>
      <ErrorAlert error={handle.error} />
      {contribution.accepted ? (
        <p className="notice">{t('rounds.review.acceptedVersion', { version: contribution.accepted.version, when: formatDate(contribution.accepted.at, true), by: contribution.accepted.by })}</p>
      ) : null}
      <Decision key={contribution.version} handle={handle} contribution={contribution} readOnly={readOnly} />
      <div className="contribution-layout">
        <div className="contribution-main">
          <section aria-labelledby="whole-comments" className="whole-comments">
            <h2 id="whole-comments">{t('rounds.comments.onWhole')}</h2>
            <CommentList comments={contribution.comments.filter((comment) => comment.itemId === null)} onResolve={onResolve} />
            {onComment ? <CommentForm open label={t('rounds.review.commentOnWhole')} onSend={(text) => onComment(null, text)} /> : null}
          </section>
          <h2>{t('rounds.review.text')}</h2>
          {content ? <ContentView contribution={contribution} content={content} onComment={onComment} onResolve={onResolve} /> : <p>{t('rounds.view.notStarted')}</p>}
        </div>
        <div className="contribution-side">
          <Omissions contribution={contribution} content={content} />
          {content ? <ContributionPreview code={contribution.round} office={contribution.office} content={content} /> : null}
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('rounds.history.title')}</h2>
            <ContributionHistory history={contribution.history} />
          </section>
        </div>
      </div>
    </>
  );
}
