/**
 * The demo's closed TSAG 2020 round: the six regional sections of the seed report as the offices'
 * accepted contributions (data/demo/tsag-2020-contributions.json). The file names each activity by
 * a matcher against the demo register, which is the seed itself imported; this module turns the
 * matchers into links to the register's activities. Pure: the caller reads the file and the register.
 */
import { z } from 'zod';
import type { Activity } from '#src/activities/model.ts';
import { LANGUAGES } from '#src/platform/i18n.ts';
import type { ActivityLink, ActivitySeen, ContributionBlock, ContributionContent } from './content.ts';

export const DEMO_CONTRIBUTIONS = 'data/demo/tsag-2020-contributions.json';

/** An activity the seed imported: the import's section number, and how its English title starts. */
const matcher = z.object({ section: z.string().min(1), title: z.string().min(1) }).strict();
export type ActivityMatcher = z.infer<typeof matcher>;

const text = z.string().min(1);
const block = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text, activities: z.array(matcher) }).strict(),
  z.object({ kind: z.literal('list'), items: z.array(z.object({ text, activities: z.array(matcher) }).strict()).min(1) }).strict(),
]);

export const demoContributionsFile = z
  .object({
    $comment: z.string().optional(),
    round: z.string().min(1),
    /** The imported document the matchers' sections belong to. */
    document: z.string().min(1),
    language: z.enum(LANGUAGES),
    contributions: z.array(z.object({ office: z.string().min(1), blocks: z.array(block).min(1) }).strict()),
  })
  .strict();
export type DemoContributionsFile = z.infer<typeof demoContributionsFile>;

export interface ResolvedDemo {
  contributions: Array<{ office: string; content: ContributionContent }>;
  /** Matchers that name no activity of the register (e.g. one still waiting in import review): the item keeps its text, without that link. */
  unresolved: Array<{ office: string; matcher: ActivityMatcher }>;
  /** Matchers that name more than one activity: each is linked. */
  ambiguous: Array<{ office: string; matcher: ActivityMatcher; ids: string[] }>;
}

const fold = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The contributions with their links, given the register's activities. `seen` words what an
 * activity says when linked (the rounds' `activitySeen(activity, language)`), so the demo's links
 * are those an office would have made. Ids are stable: `<office>-b<n>` and `<office>-b<n>-i<m>`.
 */
export function resolveDemoContributions(file: DemoContributionsFile, activities: readonly Activity[], seen: (activity: Activity) => ActivitySeen): ResolvedDemo {
  const imported = activities.filter((a) => a.deletedAt === null && a.provenance.source === 'import' && a.provenance.document === file.document);
  const unresolved: ResolvedDemo['unresolved'] = [];
  const ambiguous: ResolvedDemo['ambiguous'] = [];

  const links = (office: string, matchers: readonly ActivityMatcher[]): ActivityLink[] =>
    matchers.flatMap((m) => {
      // The importer keeps the seed's words as the description and gives a short title of its own.
      const found = imported.filter(
        (a) => a.provenance.source === 'import' && a.provenance.section === m.section && (fold(a.title.en ?? '').startsWith(fold(m.title)) || fold(a.description?.en ?? '').includes(fold(m.title))),
      );
      if (found.length === 0) unresolved.push({ office, matcher: m });
      if (found.length > 1) ambiguous.push({ office, matcher: m, ids: found.map((a) => a.id) });
      return found.map((a) => ({ id: a.id, seen: seen(a) }));
    });

  const contributions = file.contributions.map(({ office, blocks }) => ({
    office,
    content: {
      language: file.language,
      blocks: blocks.map((b, n): ContributionBlock => {
        const id = `${office}-b${n + 1}`;
        return b.kind === 'paragraph'
          ? { id, kind: 'paragraph', text: b.text, activities: links(office, b.activities) }
          : { id, kind: 'list', items: b.items.map((item, m) => ({ id: `${id}-i${m + 1}`, text: item.text, activities: links(office, item.activities) })) };
      }),
    },
  }));
  return { contributions, unresolved, ambiguous };
}
