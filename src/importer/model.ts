/** Import batches and proposals as domain objects, and the pure rules over them. */
import type { PlanSuggestion } from '#src/plans/suggest.ts';
import { createHash } from 'node:crypto';
import type { CreateActivityBody } from '#src/activities/schemas.ts';
import type { Language } from '#src/platform/i18n.ts';
import type { RegisterMatch } from './matches.ts';
import type { ActivityKind, OfficeRole, Status } from '#src/activities/model.ts';
import type { FuzzyPrecision } from '#src/activities/fuzzy-date.ts';
import type { Body, Office, Region } from '#src/registry/model.ts';
import type { RegionCode } from '#src/registry/reference.ts';

// What the reading pipeline (pipeline/) makes of a document: the batch before it is stored.

export interface ImportContext {
  offices: Office[];
  bodies: Body[];
  regions: Region[];
  /** File name, for provenance. */
  document: string;
}

/**
 * Where a proposal's region came from: the section's heading (a default), the place it was
 * held, a region named in its words, a regional body, an office it names, a member state it
 * names, or the document's own title or letterhead.
 */
export type RegionSource = 'heading' | 'place' | 'region-named' | 'body' | 'office' | 'country' | 'document';

export interface ProposedActivity {
  region: RegionCode;
  /** Absent on proposals read before the reader said it. */
  regionFrom?: RegionSource;
  office: string;
  kind: ActivityKind;
  status: Status;
  roles: OfficeRole[];
  /** Null when no date could be read. */
  date: { text: string; start: string; end: string; precision: FuzzyPrecision } | null;
  place: { city: string | null; country: string | null; online: boolean } | null;
  /** Body codes: study groups, regional groups, TSAG, WTSA-20, ATU, CITEL, APT, CEPT, RCC… */
  bodies: string[];
  /** Bodies the text names that the registry does not know ("WTSA-12"): proposed to the reviewer as new, never mapped to another. */
  newBodies?: string[];
  /** The report's Sector(s), e.g. ['ITU-T']. */
  sectors: string[];
  title: string;
  description: string;
  /** Index into the proposal's activities. */
  related: Array<{ index: number; kind: 'back-to-back' }>;
  provenance: { document: string; section: string; item: string | null; text: string };
  /** Plan links the words suggest (plans/suggest.ts), each with its words: accepted with the proposal unless the reviewer drops them. */
  plans?: PlanSuggestion[];
}

export interface SectionContext {
  line: number;
  text: string;
  /** `office`: where the office is based and who leads it; `lead-in`: introduces the items after it. */
  use: 'office' | 'lead-in';
}

export interface ImportSection {
  /** The heading's number as written ("4", "2.1"), or "" when it has none. */
  number: string;
  heading: string;
  region: RegionCode | null;
  office: string | null;
  head: { honorific: string | null; name: string } | null;
  city: string | null;
  /** Line of the heading (block number for Word files). */
  line: number;
  /** Lines of the section read as facts about it rather than as activities. */
  context: SectionContext[];
}

export interface ImportProposal {
  header: { title: string | null; abstract: string | null };
  period: { text: string; start: string; end: string } | null;
  sections: ImportSection[];
  activities: ProposedActivity[];
  /** The first passages that could not be placed (at most 1,000, each cut to 2,000 characters). */
  unplaced: Array<{ text: string; section: string | null; line: number }>;
  /** How many passages could not be placed, listed or not: nothing is dropped silently. */
  unplacedCount: number;
}

/** A document as headings, paragraphs and list items; `line` is where it starts (1-based), if known. */
export interface Block {
  kind: 'heading' | 'paragraph' | 'list-item';
  level?: number;
  number?: string;
  text: string;
  line?: number;
}

export const PROPOSAL_STATES = ['proposed', 'accepted', 'rejected'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** Proposals of a batch by state: waiting for review (`proposed`), accepted, rejected. */
export type ProposalCounts = Record<ProposalState, number>;

export function countsOf(proposals: readonly Pick<Proposal, 'state'>[]): ProposalCounts {
  const counts: ProposalCounts = { proposed: 0, accepted: 0, rejected: 0 };
  for (const p of proposals) counts[p.state] += 1;
  return counts;
}

export interface Proposal {
  id: string;
  batchId: string;
  position: number;
  fingerprint: string;
  activity: ProposedActivity;
  state: ProposalState;
  /** The register entry it became, once accepted (or the one it was linked to). */
  activityId: string | null;
  /** The register activity it repeats, found when it was read; the reviewer links, merges or imports anyway. */
  match: RegisterMatch | null;
  decidedAt: string | null;
  decidedBy: string | null;
  version: number;
}

export interface ImportBatch {
  id: string;
  documentName: string;
  documentHash: string;
  format: 'text' | 'docx';
  office: string | null;
  header: ImportProposal['header'];
  period: ImportProposal['period'];
  sections: ImportProposal['sections'];
  /** The first passages that could not be placed; `unplacedCount` counts them all. */
  unplaced: ImportProposal['unplaced'];
  unplacedCount: number;
  /** Why it holds no proposal; null when it holds some. */
  emptyReason: EmptyReason | null;
  createdAt: string;
  createdBy: string;
}

export const hashBytes = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** What identifies a reported item across documents: its words, whatever the spacing or case. */
export function fingerprintOf(activity: Pick<ProposedActivity, 'provenance' | 'office'>): string {
  const words = activity.provenance.text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${activity.office}\n${words}`).digest('hex');
}

/** Keeps only one office's items when an import is for that office. */
export function forOffice(proposal: ImportProposal, office: string | null): ImportProposal {
  if (office === null) return proposal;
  const kept = proposal.activities.map((a, index) => ({ a, index })).filter(({ a }) => a.office === office);
  const newIndex = new Map(kept.map(({ index }, position) => [index, position]));
  return {
    ...proposal,
    activities: kept.map(({ a }) => ({
      ...a,
      related: a.related.flatMap((r) => (newIndex.has(r.index) ? [{ ...r, index: newIndex.get(r.index)! }] : [])),
    })),
  };
}

export interface SummaryRow {
  region: string;
  office: string;
  items: number;
  dated: number;
  undated: number;
}

/** One row per office, in document order: what the CLI prints and the API summarises. */
export function summarise(activities: readonly Pick<ProposedActivity, 'region' | 'office' | 'date'>[]): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  for (const activity of activities) {
    const key = `${activity.region}/${activity.office}`;
    const row = rows.get(key) ?? { region: activity.region, office: activity.office, items: 0, dated: 0, undated: 0 };
    row.items += 1;
    if (activity.date) row.dated += 1;
    else row.undated += 1;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/**
 * Back-to-back links of a proposal to batch-mates already in the register, whichever side
 * named the link: the link is symmetric, so it goes on whichever of the two is accepted second.
 */
export function relatedInRegister(
  position: number,
  batch: readonly Pick<Proposal, 'position' | 'activity' | 'activityId'>[],
): Array<{ activity: string; kind: 'back-to-back' }> {
  const self = batch.find((p) => p.position === position);
  const ids = new Set<string>();
  for (const other of batch) {
    if (other.position === position || other.activityId === null) continue;
    const namedBySelf = self?.activity.related.some((r) => r.index === other.position) ?? false;
    const namedByOther = other.activity.related.some((r) => r.index === position);
    if (namedBySelf || namedByOther) ids.add(other.activityId);
  }
  return [...ids].map((activity) => ({ activity, kind: 'back-to-back' as const }));
}

/** The register entry a proposal becomes; `related` are its batch-mates already in the register. */
export function activityInputOf(
  proposal: Pick<Proposal, 'activity' | 'position' | 'batchId'>,
  documentName: string,
  language: Language,
  related: Array<{ activity: string; kind: 'back-to-back' }>,
): { ok: true; input: CreateActivityBody } | { ok: false; problem: string } {
  const a = proposal.activity;
  if (!a.date) return { ok: false, problem: 'has no date: edit the proposal to give one' };
  const place = a.place
    ? { city: a.place.city, country: a.place.country, mode: a.place.online ? ('online' as const) : ('in-person' as const) }
    : null;
  return {
    ok: true,
    input: {
      title: { [language]: a.title },
      originalLanguage: language,
      kind: a.kind,
      status: a.status,
      visibility: 'public',
      offices: (a.roles.length > 0 ? a.roles : (['participated'] as const)).map((role) => ({ office: a.office, role })),
      sectors: a.sectors,
      bodies: a.bodies,
      plans: (a.plans ?? []).map((s) => s.item),
      date: { text: a.date.text, start: a.date.start, end: a.date.end },
      place: place && (place.city || place.country || place.mode === 'online') ? place : null,
      description: a.description ? { [language]: a.description } : undefined,
      links: [],
      related,
      provenance: {
        source: 'import',
        document: documentName,
        section: a.provenance.section,
        item: a.provenance.item,
        text: a.provenance.text,
        batch: proposal.batchId,
      },
    },
  };
}

/** A passage the importer could not place, as the reviewer left it: still open, dismissed, or made a proposal. */
export const PASSAGE_STATES = ['open', 'dismissed', 'proposed'] as const;
export type PassageState = (typeof PASSAGE_STATES)[number];

export interface PassageDecision {
  batchId: string;
  /** Its place in the batch's `unplaced` list. */
  position: number;
  state: PassageState;
  /** The proposal it became, when `proposed`. */
  proposal: number | null;
  decidedAt: string | null;
  decidedBy: string | null;
  version: number;
}

export interface Passage extends Omit<PassageDecision, 'batchId'> {
  text: string;
  section: string | null;
  line: number;
}

/** The batch's listed passages with what was decided about each; an undecided one is open at version 0. */
export function passagesOf(batch: Pick<ImportBatch, 'id' | 'unplaced'>, decisions: readonly PassageDecision[]): Passage[] {
  const byPosition = new Map(decisions.map((d) => [d.position, d]));
  return batch.unplaced.map((passage, position) => {
    const decision = byPosition.get(position);
    return {
      ...passage,
      position,
      state: decision?.state ?? 'open',
      proposal: decision?.proposal ?? null,
      decidedAt: decision?.decidedAt ?? null,
      decidedBy: decision?.decidedBy ?? null,
      version: decision?.version ?? 0,
    };
  });
}

/** What a batch still holds for review, and whether it is done: nothing waiting, nothing left unplaced. */
export interface BatchCounts extends ProposalCounts {
  /** Passages that could not be placed, in all. */
  unplaced: number;
  /** Of those, the ones nobody has dismissed or made a proposal (passages past the listed ones stay open). */
  unplacedOpen: number;
}

export function batchCounts(batch: Pick<ImportBatch, 'unplacedCount'>, proposals: ProposalCounts, decidedPassages: number): BatchCounts {
  return { ...proposals, unplaced: batch.unplacedCount, unplacedOpen: Math.max(0, batch.unplacedCount - decidedPassages) };
}

export const batchDone = (counts: BatchCounts): boolean => counts.proposed === 0 && counts.unplacedOpen === 0;

/** Why a document gave no proposal, so the batch can say so rather than show nothing. */
export const EMPTY_REASONS = ['no_text', 'no_sections', 'no_items', 'other_offices', 'already_proposed'] as const;
export type EmptyReason = (typeof EMPTY_REASONS)[number];

/**
 * `read`: the whole document's reading; `forOffice`: its items for the office imported for;
 * `fresh`: those not proposed by an earlier batch.
 */
export function emptyReasonOf(read: Pick<ImportProposal, 'activities' | 'sections' | 'unplacedCount'>, forOffice: number, fresh: number): EmptyReason | null {
  if (fresh > 0) return null;
  if (forOffice > 0) return 'already_proposed';
  if (read.activities.length > 0) return 'other_offices';
  if (read.sections.length === 0 && read.unplacedCount === 0) return 'no_text';
  if (read.sections.every((s) => s.region === null && s.office === null)) return 'no_sections';
  return 'no_items';
}
