/**
 * The report of a reporting round: the cover and common sections of the round's report
 * definition, then one section per region in report order holding the accepted contributions of
 * its offices, block for block as the offices wrote them (no re-wording, no merging). The same
 * tree as the report from the register, so the same four renderers print it. Pure: no I/O.
 */
import { conflict } from '#src/platform/errors.ts';
import type { Language } from '#src/platform/i18n.ts';
import { listOf } from '#src/platform/intl.ts';
import type { Office } from '#src/registry/model.ts';
import { fileNameOf, reportFrame, type RegistryContext, type ReportFrame } from '#src/reports/build.ts';
import type { Contact, ReportDefinition } from '#src/reports/definition.ts';
import { PHRASES } from '#src/reports/phrases.ts';
import type { Block, Inline, ReportTree, Section } from '#src/reports/tree.ts';
import { linkedActivityIds, type ContributionBlock, type ContributionContent } from './content.ts';

export interface RoundReportInput {
  /** The round's report definition: Sector, period, the cover and the common sections. */
  definition: ReportDefinition;
  /** The registry as the reports service reads it (`ReportService.registryContext`). */
  ctx: RegistryContext;
  /** The accepted snapshot of each office that has one. */
  contributions: ReadonlyArray<{ office: string; content: ContributionContent }>;
  /** Codes of the offices asked whose contribution is not accepted. */
  missing: readonly string[];
  /** Compile although offices are missing, marked as a draft on every page. */
  draft: boolean;
  /** The round's focal point: the cover's Contact when the definition names none. */
  focalPoint?: Contact | null;
}

/** A paragraph as written: each line of the text on a line of its own, nothing re-worded. */
function paragraph(text: string): Block {
  const inlines: Inline[] = text
    .trim()
    .split(/\r?\n/)
    .map((line, n) => (n === 0 ? { text: line } : { text: line, break: true }));
  return { kind: 'paragraph', inlines };
}

const written = (text: string): boolean => text.trim() !== '';

/** An office's blocks as tree blocks: paragraphs as paragraphs, each list as a numbered list of its items. */
export function contentBlocks(content: ContributionContent): Block[] {
  return content.blocks.flatMap((block: ContributionBlock): Block[] => {
    if (block.kind === 'paragraph') return written(block.text) ? [paragraph(block.text)] : [];
    const items = block.items.filter((item) => written(item.text)).map((item) => [paragraph(item.text)]);
    return items.length > 0 ? [{ kind: 'list', ordered: true, start: 1, items }] : [];
  });
}

/** An office's part of its region's section: the registry's "based in" sentence for an office other than the region's main one, then its blocks. */
function officePart(frame: ReportFrame, office: Office, content: ContributionContent): Block[] {
  const region = frame.regions.find((r) => r.region.code === office.region);
  const lead = region?.main?.code === office.code ? [] : [paragraph(frame.basedIn(office))];
  return [...lead, ...contentBlocks(content)];
}

/**
 * One office's part exactly as the compiled report prints it, for the live preview of a
 * contribution (render it with `renderBlocksHtml`). The region's main office starts with its own
 * text, since the section's first sentence is the registry's; any other office starts with its
 * "based in" sentence.
 */
export function compileOffice(
  input: { definition: ReportDefinition; ctx: RegistryContext; office: string; content: ContributionContent },
  language: Language,
): Block[] {
  const office = input.ctx.offices.find((o) => o.code === input.office);
  if (!office) return contentBlocks(input.content);
  return officePart(reportFrame(input.definition, input.ctx, language), office, input.content);
}

/** The definition as the round prints it: the focal point is the Contact when the cover names none. */
function withContact(definition: ReportDefinition, focalPoint: Contact | null | undefined): ReportDefinition {
  if (definition.header.contacts.length > 0 || !focalPoint) return definition;
  return { ...definition, header: { ...definition.header, contacts: [focalPoint] } };
}

/** The round's report, ready for any renderer. Offices missing without `draft` is refused: an incomplete report is never unmarked. */
export function compileRound(input: RoundReportInput, language: Language): ReportTree {
  if (input.missing.length > 0 && !input.draft) {
    throw conflict('round_incomplete', `The round's report cannot be issued while contributions are not accepted: ${input.missing.join(', ')}.`);
  }
  const phrases = PHRASES[language];
  const definition = withContact(input.definition, input.focalPoint);
  const frame = reportFrame(definition, input.ctx, language);
  const officeByCode = new Map(input.ctx.offices.map((o) => [o.code, o]));
  const nameOf = (code: string): string => {
    const office = officeByCode.get(code);
    return office ? frame.officeName(office) : code;
  };
  const contents = new Map(input.contributions.map((c) => [c.office, c.content]));
  const missing = new Set(input.missing);

  const sections: Section[] = [...frame.narrative];
  for (const { region, title, main, offices } of frame.regions) {
    const blocks: Block[] = [];
    if (main) blocks.push(paragraph(frame.basedIn(main)));
    for (const office of offices) {
      const content = contents.get(office.code);
      if (content) blocks.push(...officePart(frame, office, content));
    }
    const absent = offices.filter((o) => missing.has(o.code) && !contents.has(o.code));
    if (absent.length > 0) {
      blocks.push(paragraph(phrases.draft.regionMissing(listOf(absent.map((o) => frame.officeName(o)), language))));
    } else if (!offices.some((o) => contents.has(o.code))) {
      blocks.push(paragraph(phrases.nothingReported));
    }
    sections.push({ number: sections.length + 1, title, kind: 'region', region: region.code, blocks });
  }

  const missingNames = input.missing.map(nameOf);
  return {
    language,
    direction: language === 'ar' ? 'rtl' : 'ltr',
    fileName: input.draft ? `${fileNameOf(definition, input.ctx)}-draft` : fileNameOf(definition, input.ctx),
    header: frame.header,
    sections,
    activityCount: new Set(input.contributions.flatMap((c) => linkedActivityIds(c.content))).size,
    draft: input.draft
      ? { mark: phrases.draft.mark, notice: phrases.draft.notice(missingNames.length > 0 ? listOf(missingNames, language) : null), missing: missingNames }
      : null,
  };
}
