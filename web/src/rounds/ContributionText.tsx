/**
 * The office's text as structured blocks: paragraphs and numbered lists of items. Each paragraph
 * and item keeps its links to activities (added from a picker, removed one by one), shows the
 * review comments on it, and says when an activity it names changed in the register since it was
 * written, or lies outside the round's period. Items are reordered, merged, split at the cursor,
 * moved to another list, deleted after asking.
 */
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '../Dialog.tsx';
import { directionOf, useI18n } from '../i18n.tsx';
import { CommentList } from './Comments.tsx';
import * as edit from './edit.ts';
import type { ActivityLink, ActivitySeen, Contribution, ContributionBlock, ContributionContent, ContributionItem } from './model.ts';
import { ActivityPicker } from './ActivityPicker.tsx';

interface TextProps {
  contribution: Contribution;
  content: ContributionContent;
  onChange(content: ContributionContent): void;
}

type Unit = { id: string; text: string; activities: ActivityLink[] };

/**
 * A tool's name for a screen reader: its visible words first (WCAG 2.5.3, so voice control finds
 * it by what it shows), then which paragraph or item it acts on.
 */
function useNamed() {
  const { t } = useI18n();
  return (action: 'up' | 'down' | 'merge' | 'split' | 'moveTo' | 'delete' | 'addItem' | 'link', label: string) => t('rounds.editor.named', { action: t(`rounds.editor.${action}`), label });
}

/** The changes the office has not answered yet: the server's, less those answered since it loaded. */
function openChanges(contribution: Contribution, unit: Unit) {
  return contribution.changed.filter((change) => {
    if (change.itemId !== unit.id) return false;
    const link = unit.activities.find((listed) => listed.id === change.activityId);
    return link !== undefined && (change.now === null || JSON.stringify(link.seen) !== JSON.stringify(change.now));
  });
}

/** A register value as the office reads it: a status in its words, nothing as a dash. */
function useShowSeen() {
  const { t } = useI18n();
  return (seen: ActivitySeen, field: (typeof edit.SEEN_FIELDS)[number]) => (field === 'status' ? t(`app.status.${seen.status}`) : (seen[field] ?? '—'));
}

function ChangedInRegister({ contribution, unit, onChange, content }: TextProps & { unit: Unit }) {
  const { t } = useI18n();
  const show = useShowSeen();
  const changes = openChanges(contribution, unit);
  if (changes.length === 0) return null;
  return (
    <div className="flag changed" role="group" aria-label={t('rounds.editor.changedTitle')}>
      <strong>{t('rounds.editor.changedTitle')}</strong>
      {changes.map(({ activityId, before, now }) =>
        now === null ? (
          <div key={activityId}>
            <p>{t('rounds.editor.gone', { title: before.title })}</p>
            <button type="button" onClick={() => onChange(edit.unlink(content, unit.id, activityId))}>
              {t('rounds.editor.unlink', { title: before.title })}
            </button>
          </div>
        ) : (
          <div key={activityId}>
            <ul>
              {edit.changedFields(before, now).map((field) => (
                <li key={field}>
                  {t(`rounds.editor.changedField.${field}`)}: <del dir="auto">{show(before, field)}</del> → <ins dir="auto">{show(now, field)}</ins>
                </li>
              ))}
            </ul>
            <button type="button" onClick={() => onChange(edit.acknowledgeChange(content, unit.id, activityId, now, before, false))}>
              {t('rounds.editor.keepText')}
            </button>{' '}
            <button type="button" onClick={() => onChange(edit.acknowledgeChange(content, unit.id, activityId, now, before, true))}>
              {t('rounds.editor.updateText')}
            </button>
          </div>
        ),
      )}
    </div>
  );
}

/** The activities a paragraph or item names, each with a way to unlink it, and the picker that adds one. */
function Links({ unit, content, onChange, contribution, label }: TextProps & { unit: Unit; label: string }) {
  const { t } = useI18n();
  const named = useNamed();
  const [picking, setPicking] = useState(false);
  const outside = new Set(contribution.outsidePeriod.filter((flag) => flag.itemId === unit.id).map((flag) => flag.activityId));
  return (
    <div className="links">
      {unit.activities.length > 0 ? (
        <ul className="chips" aria-label={t('rounds.editor.linkedTo', { label })}>
          {unit.activities.map((link) => (
            <li key={link.id} className={outside.has(link.id) ? 'outside' : undefined}>
              <span lang={content.language} dir={directionOf(content.language)}>
                {link.seen.title} <span className="meta">{link.seen.date}</span>
              </span>
              {outside.has(link.id) ? (
                <>
                  {' '}
                  <span className="warning">{t('rounds.editor.outsidePeriod')}</span>
                </>
              ) : null}{' '}
              <button type="button" aria-label={t('rounds.editor.unlink', { title: link.seen.title })} onClick={() => onChange(edit.unlink(content, unit.id, link.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="small" onClick={() => setPicking(true)} aria-label={named('link', label)}>
        {t('rounds.editor.link')}
      </button>
      {picking ? (
        <ActivityPicker
          office={contribution.office}
          language={content.language}
          linked={unit.activities.map((link) => link.id)}
          onPick={(link) => {
            onChange(edit.link(content, unit.id, link));
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      ) : null}
    </div>
  );
}

/** Everything said beside a paragraph or item: its links, the register's changes, the comments on it. */
function UnitExtras(props: TextProps & { unit: Unit; label: string }) {
  const comments = props.contribution.comments.filter((comment) => comment.itemId === props.unit.id);
  return (
    <>
      <Links {...props} />
      <ChangedInRegister {...props} />
      <CommentList comments={comments} />
    </>
  );
}

export function ContributionText(props: TextProps) {
  const { t } = useI18n();
  const named = useNamed();
  const { content, onChange } = props;
  const textareas = useRef(new Map<string, HTMLTextAreaElement>());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ kind: 'item' | 'block'; id: string; label: string } | null>(null);

  useEffect(() => {
    if (!focusId) return;
    textareas.current.get(focusId)?.focus();
    setFocusId(null);
  }, [focusId, content]);

  const lists = content.blocks.filter((block): block is Extract<ContributionBlock, { kind: 'list' }> => block.kind === 'list');
  const listLabel = (block: ContributionBlock) => t('rounds.editor.listLabel', { n: lists.indexOf(block as (typeof lists)[number]) + 1 });
  const textarea = (unit: Unit, label: string) => (
    <textarea
      ref={(element) => {
        if (element) textareas.current.set(unit.id, element);
        else textareas.current.delete(unit.id);
      }}
      aria-label={label}
      dir={directionOf(content.language)}
      lang={content.language}
      rows={Math.min(8, Math.max(2, Math.ceil(unit.text.length / 90)))}
      value={unit.text}
      onChange={(e) => onChange(edit.setText(content, unit.id, e.target.value))}
    />
  );

  const blockTools = (block: ContributionBlock, index: number, label: string) => (
    <span className="tools">
      <button type="button" className="small" disabled={index === 0} onClick={() => onChange(edit.moveBlock(content, block.id, -1))} aria-label={named('up', label)}>
        {t('rounds.editor.up')}
      </button>
      <button type="button" className="small" disabled={index === content.blocks.length - 1} onClick={() => onChange(edit.moveBlock(content, block.id, 1))} aria-label={named('down', label)}>
        {t('rounds.editor.down')}
      </button>
      <button type="button" className="small" onClick={() => setDeleting({ kind: 'block', id: block.id, label })} aria-label={named('delete', label)}>
        {t('rounds.editor.delete')}
      </button>
    </span>
  );

  const itemRow = (block: Extract<ContributionBlock, { kind: 'list' }>, item: ContributionItem, index: number) => {
    const label = t('rounds.editor.itemLabel', { list: listLabel(block), n: index + 1 });
    const others = lists.filter((list) => list.id !== block.id);
    return (
      <li key={item.id} className="item">
        <div className="item-text">
          {textarea(item, label)}
          <span className="tools">
            <button type="button" className="small" disabled={index === 0} onClick={() => onChange(edit.moveItem(content, item.id, -1))} aria-label={named('up', label)}>
              {t('rounds.editor.up')}
            </button>
            <button type="button" className="small" disabled={index === block.items.length - 1} onClick={() => onChange(edit.moveItem(content, item.id, 1))} aria-label={named('down', label)}>
              {t('rounds.editor.down')}
            </button>
            <button type="button" className="small" disabled={index === block.items.length - 1} onClick={() => onChange(edit.mergeWithNext(content, item.id))} aria-label={named('merge', label)}>
              {t('rounds.editor.merge')}
            </button>
            <button
              type="button"
              className="small"
              aria-label={named('split', label)}
              onClick={() => {
                const at = textareas.current.get(item.id)?.selectionStart ?? item.text.length;
                const split = edit.splitItem(content, item.id, at);
                onChange(split.content);
                setFocusId(split.id);
              }}
            >
              {t('rounds.editor.split')}
            </button>
            {others.length > 0 ? (
              <select aria-label={named('moveTo', label)} value="" onChange={(e) => e.target.value && onChange(edit.moveItemToList(content, item.id, e.target.value))}>
                <option value="">{t('rounds.editor.moveTo')}</option>
                {others.map((list) => (
                  <option key={list.id} value={list.id}>
                    {listLabel(list)}
                  </option>
                ))}
              </select>
            ) : null}
            <button type="button" className="small" onClick={() => setDeleting({ kind: 'item', id: item.id, label })} aria-label={named('delete', label)}>
              {t('rounds.editor.delete')}
            </button>
          </span>
        </div>
        <UnitExtras {...props} unit={item} label={label} />
      </li>
    );
  };

  return (
    <div className="blocks">
      {content.blocks.length === 0 ? <p>{t('rounds.editor.emptyContent')}</p> : null}
      {content.blocks.map((block, index) => {
        if (block.kind === 'paragraph') {
          const label = t('rounds.editor.paragraphLabel', { n: content.blocks.slice(0, index + 1).filter((b) => b.kind === 'paragraph').length });
          return (
            <section key={block.id} className="block paragraph" aria-label={label}>
              <div className="block-head">
                <span className="block-label">{label}</span>
                {blockTools(block, index, label)}
              </div>
              {textarea(block, label)}
              <UnitExtras {...props} unit={block} label={label} />
            </section>
          );
        }
        const label = listLabel(block);
        return (
          <section key={block.id} className="block list" aria-label={label}>
            <div className="block-head">
              <span className="block-label">{label}</span>
              {blockTools(block, index, label)}
            </div>
            <ol>{block.items.map((item, itemIndex) => itemRow(block, item, itemIndex))}</ol>
            <button
              type="button"
              className="small"
              onClick={() => {
                const added = edit.addItem(content, block.id);
                onChange(added.content);
                setFocusId(added.id);
              }}
              aria-label={named('addItem', label)}
            >
              {t('rounds.editor.addItem')}
            </button>
          </section>
        );
      })}
      <p className="actions">
        <button type="button" onClick={() => onChange(edit.addBlock(content, 'paragraph'))}>
          {t('rounds.editor.addParagraph')}
        </button>
        <button type="button" onClick={() => onChange(edit.addBlock(content, 'list'))}>
          {t('rounds.editor.addList')}
        </button>
      </p>
      {deleting ? (
        <Dialog labelledBy="delete-title" role="alertdialog" onEscape={() => setDeleting(null)}>
          <h2 id="delete-title">{t('rounds.editor.deleteTitle', { label: deleting.label })}</h2>
          <p>{deleting.kind === 'block' ? t('rounds.editor.deleteBlockHelp') : t('rounds.editor.deleteItemHelp')}</p>
          <p className="actions">
            <button type="button" onClick={() => setDeleting(null)}>
              {t('rounds.editor.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                onChange(deleting.kind === 'item' ? edit.removeItem(content, deleting.id) : edit.removeBlock(content, deleting.id));
                setDeleting(null);
              }}
            >
              {t('rounds.editor.confirmDelete')}
            </button>
          </p>
        </Dialog>
      ) : null}
    </div>
  );
}
