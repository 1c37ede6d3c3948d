/**
 * The format-neutral report tree: a TD header and numbered sections of paragraphs and lists.
 * The traversal of the register (build.ts) and the compiler of a reporting round
 * (rounds/compile.ts) both produce it; each renderer only lays it out. Types only.
 */
import type { Language } from '#src/platform/i18n.ts';

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** http(s) or mailto only. */
  href?: string;
  /** A line break before this text. */
  break?: boolean;
}

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'subheading'; inlines: Inline[] }
  | { kind: 'quote'; blocks: Block[] }
  | { kind: 'list'; ordered: boolean; start: number; items: Block[][] }
  /** A table with a header row (an annex's activities: office, activity, date, status). */
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][] };

export interface Section {
  number: number;
  title: string;
  kind: 'narrative' | 'region';
  /** Region code for generated region sections. */
  region?: string;
  blocks: Block[];
}

export interface ContactView {
  lines: string[];
  tel: string | null;
  email: string | null;
}

export type HeaderRow = { label: string; text: string } | { label: string; contacts: ContactView[] };

export interface HeaderView {
  /** The document's title, as in its Title row. */
  title: string;
  union: string;
  sectorBanner: string | null;
  studyPeriod: string | null;
  /** "TSAG" */
  group: string;
  documentNumber: string | null;
  /** "TSAG TD 120 Rev.1": how later pages and file properties name the document. */
  reference: string;
  original: string;
  questionsLabel: string;
  questions: string;
  placeAndDate: string;
  documentType: string;
  rows: HeaderRow[];
  labels: { tel: string; email: string };
}

export interface ReportTree {
  language: Language;
  direction: 'ltr' | 'rtl';
  /** File name without extension: "TSAG-TD-120-2020-01-01-2020-08-31". */
  fileName: string;
  header: HeaderView;
  sections: Section[];
  /** Activities listed (an activity of offices in two regions counts once). */
  activityCount: number;
  /** Set when the document is a draft (a round compiled before every contribution was accepted): every page says so. */
  draft: DraftMarker | null;
}

export interface DraftMarker {
  /** "DRAFT": what the page header of every page says. */
  mark: string;
  /** The sentence at the top of the document, naming the offices missing. */
  notice: string;
  /** The offices whose part is missing, named in the report's language. */
  missing: string[];
}
