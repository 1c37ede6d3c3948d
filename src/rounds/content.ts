/**
 * What an office writes for a reporting round: its section of the report, as structured blocks.
 * The text is the office's own; items keep links to the register's activities they speak of, with
 * what each activity said when the office wrote the item, so a later change in the register can be
 * shown to the office instead of silently rewriting its text. Pure: no I/O.
 */
import type { Status } from '#src/activities/model.ts';
import type { Language } from '#src/platform/i18n.ts';

/** What an activity said when it was linked, in the contribution's language. */
export interface ActivitySeen {
  version: number;
  title: string;
  /** The fuzzy date as the register words it. */
  date: string;
  /** City and country as written, or null. */
  place: string | null;
  status: Status;
}

export interface ActivityLink {
  id: string;
  seen: ActivitySeen;
}

/** One numbered item: one sentence or more, naming none, one or several activities. */
export interface ContributionItem {
  id: string;
  text: string;
  activities: ActivityLink[];
}

/**
 * A paragraph (a lead-in, free text, a "Furthermore" outlook, a closing) or a numbered list.
 * Ids are chosen by the writer (the workspace makes them) and are unique within the content.
 */
export type ContributionBlock =
  | { id: string; kind: 'paragraph'; text: string; activities: ActivityLink[] }
  | { id: string; kind: 'list'; items: ContributionItem[] };

export interface ContributionContent {
  /** The language the office writes in. */
  language: Language;
  blocks: ContributionBlock[];
}

/** Bounds on what one contribution may hold, checked at the edge. */
export const CONTENT_LIMITS = {
  blocks: 200,
  itemsPerList: 500,
  activitiesPerItem: 50,
  textLength: 10_000,
  idLength: 64,
} as const;

export const EMPTY_CONTENT = (language: Language): ContributionContent => ({ language, blocks: [] });

/** Every paragraph and item, in reading order, with the links each holds. */
export function textUnits(content: ContributionContent): Array<{ id: string; text: string; activities: ActivityLink[] }> {
  return content.blocks.flatMap((block) => (block.kind === 'paragraph' ? [block] : block.items));
}

/** The ids of the activities the contribution names, each once, in reading order. */
export function linkedActivityIds(content: ContributionContent): string[] {
  return [...new Set(textUnits(content).flatMap((unit) => unit.activities.map((link) => link.id)))];
}

/** Numbered items across all lists. */
export function itemCount(content: ContributionContent): number {
  return content.blocks.reduce((n, block) => n + (block.kind === 'list' ? block.items.length : 0), 0);
}

/** Nothing written: no paragraph or item with text. Such a contribution cannot be submitted. */
export function isEmptyContent(content: ContributionContent): boolean {
  return textUnits(content).every((unit) => unit.text.trim() === '');
}
