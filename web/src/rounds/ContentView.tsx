/**
 * A contribution's text as the reviewer (or the office, once submitted) reads it: paragraphs and
 * numbered items, each with the activities it names, what changed in the register or lies outside
 * the period, and the comments on it beside; in review, a comment can be added to each.
 */
import { directionOf, useI18n, type Language } from '../i18n.tsx';
import { CommentForm, CommentList } from './Comments.tsx';
import type { ActivityLink, Comment, Contribution, ContributionContent } from './model.ts';

interface ViewProps {
  contribution: Contribution;
  content: ContributionContent;
  /** In review: adds a comment on one paragraph or item. */
  onComment?: ((itemId: string, text: string) => Promise<boolean>) | undefined;
  onResolve?: ((comment: Comment) => void) | undefined;
}

function Unit({ id, text, activities, label, language, contribution, onComment, onResolve }: Omit<ViewProps, 'content'> & { id: string; text: string; activities: ActivityLink[]; label: string; language: Language }) {
  const { t, language: uiLanguage, direction } = useI18n();
  const outside = new Set(contribution.outsidePeriod.filter((flag) => flag.itemId === id).map((flag) => flag.activityId));
  const changed = contribution.changed.filter((change) => change.itemId === id);
  return (
    <div className="unit">
      <div className="unit-text" lang={language} dir={directionOf(language)}>
        <p dir="auto">{text || <em>{t('rounds.view.emptyText')}</em>}</p>
        {activities.length > 0 ? (
          <ul className="chips" aria-label={t('rounds.editor.linkedTo', { label })}>
            {activities.map((link) => (
              <li key={link.id}>
                <span dir="auto">{link.seen.title}</span> <span className="meta">{link.seen.date}</span>
                {outside.has(link.id) ? (
                  <>
                    {' '}
                    <span className="warning" lang={uiLanguage} dir={direction}>
                      {t('rounds.editor.outsidePeriod')}
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {changed.length > 0 ? <p className="flag changed" lang={uiLanguage} dir={direction}>{t('rounds.view.changedSince', { count: changed.length })}</p> : null}
      </div>
      <div className="unit-comments">
        <CommentList comments={contribution.comments.filter((comment) => comment.itemId === id)} onResolve={onResolve} />
        {onComment ? <CommentForm label={t('rounds.review.commentOn', { label })} onSend={(body) => onComment(id, body)} /> : null}
      </div>
    </div>
  );
}

export function ContentView({ contribution, content, onComment, onResolve }: ViewProps) {
  const { t } = useI18n();
  let lists = 0;
  let paragraphs = 0;
  return (
    <div className="content-view">
      {content.blocks.length === 0 ? <p>{t('rounds.view.empty')}</p> : null}
      {content.blocks.map((block) => {
        if (block.kind === 'paragraph') {
          paragraphs += 1;
          return <Unit key={block.id} {...block} label={t('rounds.editor.paragraphLabel', { n: paragraphs })} language={content.language} contribution={contribution} onComment={onComment} onResolve={onResolve} />;
        }
        lists += 1;
        const list = t('rounds.editor.listLabel', { n: lists });
        return (
          <ol key={block.id} className="view-list" aria-label={list}>
            {block.items.map((item, index) => (
              <li key={item.id}>
                <Unit {...item} label={t('rounds.editor.itemLabel', { list, n: index + 1 })} language={content.language} contribution={contribution} onComment={onComment} onResolve={onResolve} />
              </li>
            ))}
          </ol>
        );
      })}
    </div>
  );
}
