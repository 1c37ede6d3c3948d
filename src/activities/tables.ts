/** Kysely table interfaces of the activity register. Texts, links and provenance are JSON text. */
import type { Generated, Selectable } from 'kysely';

export interface ActivityTable {
  seq: Generated<number>;
  id: string;
  title: string;
  original_language: string;
  kind: string;
  status: string;
  visibility: string;
  date_text: string;
  date_start: string;
  date_end: string;
  date_precision: string;
  place_mode: string | null;
  place_city: string | null;
  place_country: string | null;
  description: string;
  outcome: string;
  participants: number | null;
  links: string;
  provenance: string;
  search_text: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  deleted_at: string | null;
  deleted_by: string | null;
  /**
   * The register's change counter when this row was last written (migration 0008): every write
   * of activities takes the next value in its transaction, so max(change_seq) moves with each one.
   */
  change_seq: number;
}

/** The single row of the register's change counter (migration 0008). */
export interface ActivityChangeCounterTable {
  id: number;
  value: number;
  /** The longest date span (date_end − date_start, days) ever written (migration 0140): how far before a window its activities can start. */
  max_span_days: number;
}

export interface ActivityOfficeTable {
  activity_id: string;
  office_code: string;
  role: string;
  position: number;
  /** The activity's date_start and seq, copied so an office's list walks its links in date order (migration 0009). */
  date_start: string;
  seq: number;
}

export interface ActivitySectorTable {
  activity_id: string;
  sector_code: string;
}

export interface ActivityBodyTable {
  activity_id: string;
  body_code: string;
  position: number;
}

export interface ActivityRelationTable {
  activity_id: string;
  related_id: string;
  kind: string;
}

export interface ActivityStatusChangeTable {
  id: string;
  activity_id: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  at: string;
  actor_label: string;
}

/**
 * SQLite only: the FTS5 index of `search_text` (migration 0007). Its rowid is the activity's
 * search key, day(date_start) × 2^40 + seq, so matches come out in the list's date order.
 */
export interface ActivitySearchTable {
  rowid: number;
  /** FTS5 names the table itself as a column: `activity_search match ?`. */
  activity_search: string;
  search_text: string;
}

/** SQLite only: every word the search index holds (and some it no longer does), for expanding a prefix. */
export interface ActivitySearchWordTable {
  word: string;
}

/** Which way the stored search texts are written (`search-words.ts` SEARCH_FORMAT); one row, `activity`. */
export interface SearchIndexTable {
  name: string;
  format: number;
}

/**
 * Per office, the change number and time of the last write that touched its activities
 * (migration 0061): the freshness marker of pages that show only some offices' activities.
 */
export interface ActivityOfficeChangeTable {
  office_code: string;
  change_seq: number;
  changed_at: string;
}

/**
 * What the duplicate check compares of a live activity (migration 0141), in start-day order:
 * derived from the activity, written with it, rebuilt at start when its format changes.
 */
export interface ActivitySketchTable {
  date_start: string;
  seq: number;
  date_end: string;
  date_precision: string;
  id: string;
  country: string | null;
  /** Office codes, space-separated, in the activity's order. */
  offices: string;
  /** Body codes, space-separated. */
  bodies: string;
  /** The fewest and the most trigrams of the title's languages (`title-grams.ts` gramCountsOf). */
  grams_fewest: number;
  grams_most: number;
  /** The title's trigrams (`title-grams.ts` encodeTitleGrams). */
  title_grams: Uint8Array;
}

export interface ActivityTables {
  activity: ActivityTable;
  activity_change_counter: ActivityChangeCounterTable;
  activity_office_change: ActivityOfficeChangeTable;
  activity_search: ActivitySearchTable;
  activity_search_word: ActivitySearchWordTable;
  search_index: SearchIndexTable;
  activity_office: ActivityOfficeTable;
  activity_sector: ActivitySectorTable;
  activity_body: ActivityBodyTable;
  activity_relation: ActivityRelationTable;
  activity_status_change: ActivityStatusChangeTable;
  activity_sketch: ActivitySketchTable;
}

export type ActivityRow = Selectable<ActivityTable>;
/** What reads of the register fetch: everything but the search text, which only the index reads, and the change counter. */
export type ActivityReadRow = Omit<ActivityRow, 'search_text' | 'change_seq'>;
