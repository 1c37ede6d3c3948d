/**
 * An unplaced passage read again as an item of one office's section: what the reviewer turns into
 * a proposal starts with the date, place, bodies and kind the reader finds in it, and the passage
 * whole as its text. Pure.
 */
import type { RegionCode } from '#src/registry/reference.ts';
import type { ImportContext, ProposedActivity } from './model.ts';
import { parseBlocks } from './pipeline/index.ts';

export interface PassageToRead {
  text: string;
  section: string | null;
}

/** The first words of a passage, as a title to correct: the reader found no better one. */
function titleOf(text: string): string {
  const sentence = text.split(/(?<=[.!?])\s/u)[0] ?? text;
  const words = sentence.trim().split(/\s+/u);
  return words.length <= 14 ? sentence.trim() : `${words.slice(0, 14).join(' ')}…`;
}

/**
 * Reads `passage` as an item of `office`'s section (the office's own heading before it, as a
 * report would have it). Whatever the reader cannot find stays empty for the reviewer to give.
 */
export function readPassage(passage: PassageToRead, office: string, context: ImportContext): ProposedActivity {
  const known = context.offices.find((o) => o.code === office);
  const region: RegionCode = known?.region ?? 'EUR';
  const regionName = context.regions.find((r) => r.code === region)?.names.en ?? region;
  const heading = `${regionName} – ${known?.names.en ?? office}`;
  const read = parseBlocks(
    [
      { kind: 'heading', level: 1, text: heading, line: 1 },
      { kind: 'list-item', number: '1', text: passage.text, line: 2 },
    ],
    context,
  ).activities.find((a) => a.office === office);
  const provenance = { document: context.document, section: passage.section ?? '', item: null, text: passage.text };
  if (read) return { ...read, office, region, description: read.description || passage.text, provenance };
  return {
    region,
    office,
    kind: 'other',
    status: 'held',
    roles: [],
    date: null,
    place: null,
    bodies: [],
    sectors: [],
    title: titleOf(passage.text),
    description: passage.text,
    related: [],
    provenance,
  };
}
