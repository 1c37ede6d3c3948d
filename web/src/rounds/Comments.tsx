/**
 * Review comments: those on one item (or on the whole contribution) where they belong, each with
 * who wrote it and when; resolved ones stay, marked so. A form adds one where review allows it.
 */
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n.tsx';
import type { Comment } from './model.ts';

export function CommentList({ comments, onResolve }: { comments: readonly Comment[]; onResolve?: ((comment: Comment) => void) | undefined }) {
  const { t, formatDate } = useI18n();
  if (comments.length === 0) return null;
  return (
    <ul className="comments">
      {comments.map((comment) => (
        <li key={comment.id} className={comment.resolvedAt ? 'resolved' : undefined}>
          <p dir="auto">{comment.text}</p>
          <span className="meta">
            <bdi>{comment.by}</bdi> · {formatDate(comment.at, true)}
            {comment.resolvedAt ? ` · ${t('rounds.comments.resolved', { when: formatDate(comment.resolvedAt, true) })}` : null}
          </span>
          {onResolve && !comment.resolvedAt ? (
            <button type="button" onClick={() => onResolve(comment)}>
              {t('rounds.comments.resolve')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A comment on one item (its label names which) or on the whole contribution. */
export function CommentForm({ label, onSend }: { label: string; onSend(text: string): Promise<boolean> }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() && (await onSend(text.trim()))) setText('');
  };
  return (
    <form className="comment-form" onSubmit={(event) => void send(event)}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} dir="auto" />
      <button type="submit" disabled={!text.trim()}>
        {t('rounds.comments.add')}
      </button>
    </form>
  );
}
