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
          <div className="meta">
            <bdi>{comment.by}</bdi> · {formatDate(comment.at, true)}
            {comment.resolvedAt ? ` · ${t('rounds.comments.resolved', { when: formatDate(comment.resolvedAt, true) })}` : null}
          </div>
          {onResolve && !comment.resolvedAt ? (
            <button type="button" className="small" onClick={() => onResolve(comment)}>
              {t('rounds.comments.resolve')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * A comment on one item or paragraph (its label names which) or on the whole contribution: a
 * button that opens the field, so a long text does not carry a text box under every item.
 */
export function CommentForm({ label, onSend, open: startOpen = false }: { label: string; onSend(text: string): Promise<boolean>; open?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [open, setOpen] = useState(startOpen);
  const [text, setText] = useState('');
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() && (await onSend(text.trim()))) {
      setText('');
      setOpen(startOpen);
    }
  };
  if (!open) {
    return (
      <button type="button" className="small" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  return (
    <form className="comment-form" onSubmit={(event) => void send(event)}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={text} onChange={(e) => setText(e.target.value)} dir="auto" autoFocus={!startOpen} />
      <span className="tools">
        <button type="submit" disabled={!text.trim()}>
          {t('rounds.comments.add')}
        </button>
        {startOpen ? null : (
          <button type="button" onClick={() => setOpen(false)}>
            {t('rounds.editor.cancel')}
          </button>
        )}
      </span>
    </form>
  );
}
