/**
 * An office's contribution to a round, as its editors write it: started from the register, edited
 * as blocks beside the possible omissions and a live preview exactly as the report prints it,
 * saved with its version (a 409 keeps the typing), submitted; the focal point's comments beside
 * the items they are about, and the history of its states.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { isEmptyContent } from '#src/rounds/content.ts';
import { ErrorAlert } from '../errors.tsx';
import { useI18n } from '../i18n.tsx';
import { UnsavedChangesDialog, useUnsavedChanges } from '../UnsavedChanges.tsx';
import { CommentList } from '../rounds/Comments.tsx';
import { ContentView } from '../rounds/ContentView.tsx';
import { ContributionPreview } from '../rounds/ContributionPreview.tsx';
import { ContributionText } from '../rounds/ContributionText.tsx';
import { EDITABLE, type Contribution, type ContributionContent } from '../rounds/model.ts';
import { Omissions } from '../rounds/Omissions.tsx';
import { ContributionHistory, StateBadge } from '../rounds/StateBadge.tsx';
import type { ContributionHandle } from '../rounds/useContribution.ts';

type Notice = 'rounds.editor.saved' | null;

/** The content to edit: the stored one, or an empty one in the language the user writes in. */
const contentOf = (contribution: Contribution, language: ContributionContent['language']): ContributionContent => contribution.content ?? { language, blocks: [] };

function Editing({ handle, contribution }: { handle: ContributionHandle; contribution: Contribution }) {
  const { t, language } = useI18n();
  const [content, setContent] = useState<ContributionContent>(() => contentOf(contribution, language));
  const [dirty, setDirty] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [comment, setComment] = useState('');
  const blocker = useUnsavedChanges(dirty);
  const shown = useRef(contribution.version);

  // What another person saved replaces the text only once the user chose "take theirs".
  useEffect(() => {
    if (contribution.version === shown.current) return;
    shown.current = contribution.version;
    if (!dirty) setContent(contentOf(contribution, language));
  }, [contribution, dirty, language]);

  const change = (next: ContributionContent) => {
    setContent(next);
    setDirty(true);
    setNotice(null);
  };

  const save = async () => {
    const saved = await handle.save(content);
    if (saved) {
      shown.current = saved.version;
      setDirty(false);
      setNotice('rounds.editor.saved');
    }
    return saved;
  };

  const submit = async () => {
    if (dirty && !(await save())) return;
    // Once submitted, the contribution is shown read only, saying so.
    await handle.move('submit', comment);
  };

  return (
    <>
      {handle.conflict ? (
        <div className="conflict" role="group" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t('app.editor.conflictTitle')}</h2>
          <p>{t('rounds.editor.conflictHelp', { version: handle.conflict.version })}</p>
          <p className="actions">
            <button type="button" onClick={() => void save()}>
              {t('app.reports.saveMine')}
            </button>
            <button
              type="button"
              onClick={() => {
                const theirs = handle.conflict;
                handle.takeTheirs();
                if (theirs) setContent(contentOf(theirs, language));
                setDirty(false);
              }}
            >
              {t('app.reports.takeTheirs')}
            </button>
          </p>
        </div>
      ) : null}
      <div className="contribution-layout">
        <div className="contribution-main">
          <ContributionText contribution={contribution} content={content} onChange={change} />
          <div className="save-bar">
            <p role="status" className="meta">
              {notice ? t(notice) : dirty ? t('rounds.editor.unsaved') : t('rounds.editor.version', { version: contribution.version })}
            </p>
            <button type="button" className="primary" disabled={handle.busy || !dirty} onClick={() => void save()}>
              {t('rounds.editor.save')}
            </button>
            <label className="submit-comment">
              {t('rounds.editor.submitComment')}
              <input value={comment} onChange={(e) => setComment(e.target.value)} dir="auto" />
            </label>
            <button type="button" disabled={handle.busy || isEmptyContent(content)} onClick={() => void submit()}>
              {t('rounds.editor.submit')}
            </button>
          </div>
          <ErrorAlert error={handle.error} />
        </div>
        <div className="contribution-side">
          <Omissions contribution={contribution} content={content} onChange={change} />
          <ContributionPreview code={contribution.round} office={contribution.office} content={content} />
        </div>
      </div>
      <UnsavedChangesDialog blocker={blocker} />
    </>
  );
}

/** The office's own screen of one contribution, whatever its state. */
export function ContributionForOffice({ handle, contribution }: { handle: ContributionHandle; contribution: Contribution }) {
  const { t } = useI18n();
  const whole = contribution.comments.filter((comment) => comment.itemId === null);
  return (
    <>
      {whole.length > 0 ? (
        <section aria-labelledby="whole-comments" className="whole-comments">
          <h2 id="whole-comments">{t('rounds.comments.onWhole')}</h2>
          <CommentList comments={whole} />
        </section>
      ) : null}
      {contribution.state === 'not_started' ? (
        <section className="start">
          <p>{t('rounds.editor.notStartedHelp')}</p>
          <button type="button" className="primary" disabled={handle.busy} onClick={() => void handle.move('start')}>
            {t('rounds.editor.start')}
          </button>
          <ErrorAlert error={handle.error} />
        </section>
      ) : EDITABLE.includes(contribution.state) ? (
        <Editing key={`${contribution.round}/${contribution.office}`} handle={handle} contribution={contribution} />
      ) : (
        <>
          <p className="notice">{t(contribution.state === 'accepted' ? 'rounds.editor.acceptedHelp' : 'rounds.editor.submittedHelp')}</p>
          <div className="contribution-layout">
            <div className="contribution-main">{contribution.content ? <ContentView contribution={contribution} content={contribution.content} /> : null}</div>
            <div className="contribution-side">{contribution.content ? <ContributionPreview code={contribution.round} office={contribution.office} content={contribution.content} /> : null}</div>
          </div>
        </>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('rounds.history.title')}</h2>
        <ContributionHistory history={contribution.history} />
      </section>
    </>
  );
}

/** The title of a contribution's screen: the office, the round, the state; a link back. */
export function ContributionHeading({ contribution, back }: { contribution: Contribution; back: { to: string; label: string } }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to={back.to}>{back.label}</Link>
      </p>
      <h1>{t('rounds.editor.title', { office: contribution.officeName })}</h1>
      <p className="actions">
        <StateBadge state={contribution.state} late={contribution.late} />
      </p>
    </>
  );
}
