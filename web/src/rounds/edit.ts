/**
 * What the contribution editor does to the office's text, as pure functions from one content to
 * the next: blocks and items added, edited, reordered, merged, split, moved between lists,
 * deleted; activities linked and unlinked; a change in the register taken into the text or not.
 */
import type { ActivityLink, ActivitySeen, ContributionBlock, ContributionContent, ContributionItem } from './model.ts';

/** A fresh id for a block or an item, unique within the content (the workspace chooses them). */
export const newId = (): string => crypto.randomUUID();

type Unit = { id: string; text: string; activities: ActivityLink[] };

const mapBlocks = (content: ContributionContent, change: (block: ContributionBlock) => ContributionBlock): ContributionContent => ({
  ...content,
  blocks: content.blocks.map(change),
});

/** Changes the paragraph or item with this id, wherever it is. */
function mapUnit(content: ContributionContent, id: string, change: (unit: Unit) => Unit): ContributionContent {
  return mapBlocks(content, (block) => {
    if (block.kind === 'paragraph') return block.id === id ? { ...block, ...change(block) } : block;
    return block.items.some((item) => item.id === id) ? { ...block, items: block.items.map((item) => (item.id === id ? { ...item, ...change(item) } : item)) } : block;
  });
}

/** The list holding an item, and where in it. */
export function findItem(content: ContributionContent, itemId: string): { block: Extract<ContributionBlock, { kind: 'list' }>; index: number } | null {
  for (const block of content.blocks) {
    if (block.kind !== 'list') continue;
    const index = block.items.findIndex((item) => item.id === itemId);
    if (index >= 0) return { block, index };
  }
  return null;
}

export function addBlock(content: ContributionContent, kind: ContributionBlock['kind']): ContributionContent {
  const block: ContributionBlock = kind === 'paragraph' ? { id: newId(), kind, text: '', activities: [] } : { id: newId(), kind, items: [{ id: newId(), text: '', activities: [] }] };
  return { ...content, blocks: [...content.blocks, block] };
}

export function removeBlock(content: ContributionContent, blockId: string): ContributionContent {
  return { ...content, blocks: content.blocks.filter((block) => block.id !== blockId) };
}

/** Swaps an element with its neighbour (`delta` −1: the one before, +1: the one after); at an end, nothing moves. */
function swap<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const other = index + delta;
  if (index < 0 || other < 0 || other >= list.length) return [...list];
  const next = [...list];
  [next[index], next[other]] = [next[other] as T, next[index] as T];
  return next;
}

export function moveBlock(content: ContributionContent, blockId: string, delta: -1 | 1): ContributionContent {
  return { ...content, blocks: swap(content.blocks, content.blocks.findIndex((block) => block.id === blockId), delta) };
}

export function setText(content: ContributionContent, unitId: string, text: string): ContributionContent {
  return mapUnit(content, unitId, (unit) => ({ ...unit, text }));
}

/** A new empty item after `afterId` in its list, or at the end of the list. */
export function addItem(content: ContributionContent, listId: string, afterId?: string): { content: ContributionContent; id: string } {
  const id = newId();
  const item: ContributionItem = { id, text: '', activities: [] };
  return {
    id,
    content: mapBlocks(content, (block) => {
      if (block.kind !== 'list' || block.id !== listId) return block;
      const after = afterId ? block.items.findIndex((listed) => listed.id === afterId) : -1;
      const at = after >= 0 ? after + 1 : block.items.length;
      return { ...block, items: [...block.items.slice(0, at), item, ...block.items.slice(at)] };
    }),
  };
}

export function moveItem(content: ContributionContent, itemId: string, delta: -1 | 1): ContributionContent {
  return mapBlocks(content, (block) => (block.kind === 'list' && block.items.some((item) => item.id === itemId) ? { ...block, items: swap(block.items, block.items.findIndex((item) => item.id === itemId), delta) } : block));
}

/** The item's links and the other's, each activity once. */
const mergedLinks = (first: readonly ActivityLink[], second: readonly ActivityLink[]): ActivityLink[] => [...first, ...second.filter((link) => !first.some((kept) => kept.id === link.id))];

/** One item of this one and the next in its list: texts joined by a space, links of both. */
export function mergeWithNext(content: ContributionContent, itemId: string): ContributionContent {
  return mapBlocks(content, (block) => {
    if (block.kind !== 'list') return block;
    const index = block.items.findIndex((item) => item.id === itemId);
    const item = block.items[index];
    const next = block.items[index + 1];
    if (!item || !next) return block;
    const text = [item.text.trimEnd(), next.text.trimStart()].filter(Boolean).join(' ');
    const merged = { ...item, text, activities: mergedLinks(item.activities, next.activities) };
    return { ...block, items: [...block.items.slice(0, index), merged, ...block.items.slice(index + 2)] };
  });
}

/**
 * Two items from one, cut where the cursor is. The links stay with the first; the office moves
 * those that belong to the second (it knows which activity each sentence speaks of).
 */
export function splitItem(content: ContributionContent, itemId: string, at: number): { content: ContributionContent; id: string } {
  const id = newId();
  return {
    id,
    content: mapBlocks(content, (block) => {
      if (block.kind !== 'list') return block;
      const index = block.items.findIndex((item) => item.id === itemId);
      const item = block.items[index];
      if (!item) return block;
      const first = { ...item, text: item.text.slice(0, at).trimEnd() };
      const second: ContributionItem = { id, text: item.text.slice(at).trimStart(), activities: [] };
      return { ...block, items: [...block.items.slice(0, index), first, second, ...block.items.slice(index + 1)] };
    }),
  };
}

/** The item taken out of its list and put at the end of another. */
export function moveItemToList(content: ContributionContent, itemId: string, listId: string): ContributionContent {
  const found = findItem(content, itemId);
  if (!found || found.block.id === listId) return content;
  const item = found.block.items[found.index] as ContributionItem;
  return mapBlocks(content, (block) => {
    if (block.kind !== 'list') return block;
    if (block.id === found.block.id) return { ...block, items: block.items.filter((listed) => listed.id !== itemId) };
    if (block.id === listId) return { ...block, items: [...block.items, item] };
    return block;
  });
}

export function removeItem(content: ContributionContent, itemId: string): ContributionContent {
  return mapBlocks(content, (block) => (block.kind === 'list' ? { ...block, items: block.items.filter((item) => item.id !== itemId) } : block));
}

export function link(content: ContributionContent, unitId: string, added: ActivityLink): ContributionContent {
  return mapUnit(content, unitId, (unit) => ({ ...unit, activities: mergedLinks(unit.activities, [added]) }));
}

export function unlink(content: ContributionContent, unitId: string, activityId: string): ContributionContent {
  return mapUnit(content, unitId, (unit) => ({ ...unit, activities: unit.activities.filter((listed) => listed.id !== activityId) }));
}

/** A new item at the end of the last list (a new list when there is none), naming the activity. */
export function addActivityAsItem(content: ContributionContent, added: ActivityLink, text: string): { content: ContributionContent; id: string } {
  const item: ContributionItem = { id: newId(), text, activities: [added] };
  const lastList = content.blocks.findLast((block) => block.kind === 'list');
  if (!lastList) return { id: item.id, content: { ...content, blocks: [...content.blocks, { id: newId(), kind: 'list', items: [item] }] } };
  return { id: item.id, content: mapBlocks(content, (block) => (block === lastList && block.kind === 'list' ? { ...block, items: [...block.items, item] } : block)) };
}

/** The fields of an activity that read differently now than when the office wrote about it. */
export const SEEN_FIELDS = ['title', 'date', 'place', 'status'] as const satisfies ReadonlyArray<keyof ActivitySeen>;
export const changedFields = (before: ActivitySeen, now: ActivitySeen) => SEEN_FIELDS.filter((field) => before[field] !== now[field]);

/**
 * The office's answer to "changed in the register since you wrote this". Keep: the text stays,
 * the link now remembers the activity as it is. Update: where the text says the old title, date
 * or place, it says the new one (the rest of the sentence is the office's and stays).
 */
export function acknowledgeChange(content: ContributionContent, unitId: string, activityId: string, now: ActivitySeen, before: ActivitySeen, updateText: boolean): ContributionContent {
  return mapUnit(content, unitId, (unit) => {
    let text = unit.text;
    if (updateText) {
      for (const field of ['title', 'date', 'place'] as const) {
        const old = before[field];
        const fresh = now[field];
        if (old && fresh && old !== fresh) text = text.split(old).join(fresh);
      }
    }
    return { ...unit, text, activities: unit.activities.map((listed) => (listed.id === activityId ? { ...listed, seen: now } : listed)) };
  });
}

/** A one-sentence item for an activity, from what the register says (the office words it further). */
export function itemTextOf(seen: Pick<ActivitySeen, 'title' | 'date' | 'place'>): string {
  return `${[seen.title, seen.place, seen.date].filter(Boolean).join(', ')}.`;
}
