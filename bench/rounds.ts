/**
 * The `rounds` suite (issue 16): compiling a reporting round to DOCX, as the round's report
 * download does: the registry context from the reports service, `compileRound` over the accepted
 * contributions, the Word renderer. Thirteen field offices each contribute 200 items, each item
 * written from one of the office's activities in the register and linked to it (a lead-in and a
 * closing paragraph around the list). Reading the accepted snapshots from the database is not
 * timed: they are one row per office. Target: under 1 s.
 */
import type { Activity } from '#src/activities/model.ts';
import type { Actor } from '#src/platform/access.ts';
import { itemText } from '#src/reports/build.ts';
import { DEFAULT_NARRATIVE, EMPTY_HEADER, type ReportDefinition } from '#src/reports/definition.ts';
import { compileRound } from '#src/rounds/compile.ts';
import type { ContributionContent } from '#src/rounds/content.ts';
import { round, type Suite } from './suite.ts';

const SECTOR = 'ITU-T';
const OFFICES = 13;
const ITEMS = 200;
/** Each figure is the median of this many compilations (after one not counted). */
const RUNS = 5;
const ACTOR: Actor = { kind: 'system', label: 'fieldbook bench' };

export const ROUND_TARGET = { offices: OFFICES, items: ITEMS, format: 'docx' as const, ms: 1000 };

export interface RoundFigures {
  offices: number;
  itemsPerOffice: number;
  items: number;
  runs: number;
  /** Medians: the registry context; building the tree; rendering the DOCX; all three. */
  contextMs: number;
  compileMs: number;
  renderMs: number;
  totalMs: number;
  /** Median CPU time of the process over the same span (user + system): what a compilation costs when other work shares the cores. */
  cpuMs: number;
  bytes: number;
  met: boolean;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** An office's section as an office writes it: a lead-in, a numbered list of 200 items, a closing. */
function contribution(office: string, activities: readonly Activity[]): ContributionContent {
  const items = Array.from({ length: ITEMS }, (_, n) => {
    const activity = activities[n % activities.length]!;
    return {
      id: `${office}-i${n + 1}`,
      text: itemText(activity, 'en', 'description'),
      activities: [{ id: activity.id, seen: { version: activity.version, title: activity.title.en ?? '', date: activity.date.text, place: activity.place?.city ?? null, status: activity.status } }],
    };
  });
  return {
    language: 'en',
    blocks: [
      { id: `${office}-lead`, kind: 'paragraph', text: `During the period, the office took part in the following activities of ${SECTOR}:`, activities: [] },
      { id: `${office}-list`, kind: 'list', items },
      { id: `${office}-close`, kind: 'paragraph', text: 'Furthermore, the office keeps following up with the Member States of its region.', activities: [] },
    ],
  };
}

export const roundsSuite: Suite<RoundFigures> = {
  name: 'rounds',
  summary: `compile a round of ${OFFICES} offices with ${ITEMS} items each to DOCX`,
  async run({ register, log }) {
    const { registry, activities, reports } = register.fieldbook.services;
    const fieldOffices = (await registry.listOffices(ACTOR, {})).map((o) => o.office).filter((o) => o.kind !== 'headquarters' && o.closedOn === null).slice(0, OFFICES);
    const contributions = [];
    for (const office of fieldOffices) {
      const page = await activities.list(ACTOR, { office: [office.code], sector: [SECTOR], sort: 'date', deleted: 'exclude', limit: ITEMS });
      if (page.activities.length === 0) throw new Error(`the register has no ${SECTOR} activity of ${office.code}`);
      contributions.push({ office: office.code, content: contribution(office.code, page.activities) });
    }
    const to = new Date().toISOString().slice(0, 10);
    const at = new Date().toISOString();
    const definition: ReportDefinition = {
      id: 'bench-round',
      sector: SECTOR,
      advisoryGroup: 'TSAG',
      from: `${to.slice(0, 4)}-01-01`,
      to,
      selection: 'all',
      visibility: 'all',
      itemText: 'description',
      outlookMonths: 0,
      language: 'en',
      originalLanguage: 'en',
      header: { ...EMPTY_HEADER, documentNumber: 'TD 1' },
      narrative: [...DEFAULT_NARRATIVE],
      version: 1,
      createdAt: at,
      createdBy: ACTOR.label,
      updatedAt: at,
      updatedBy: ACTOR.label,
    };
    log(`  rounds: ${contributions.length} offices × ${ITEMS} items to DOCX × ${RUNS}`);
    const runs: Array<{ contextMs: number; compileMs: number; renderMs: number; cpuMs: number; bytes: number }> = [];
    // One compilation first, not counted: a server compiles many rounds, so the figure is a warm one.
    for (let i = -1; i < RUNS; i++) {
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      const ctx = await reports.registryContext(ACTOR, { sector: SECTOR, advisoryGroup: 'TSAG' });
      const t1 = performance.now();
      const tree = compileRound({ definition, ctx, contributions, missing: [], draft: false }, 'en');
      const t2 = performance.now();
      const rendered = await reports.renderTree(tree, 'docx', 'en');
      const t3 = performance.now();
      const used = process.cpuUsage(cpu);
      if (i >= 0) runs.push({ contextMs: t1 - t0, compileMs: t2 - t1, renderMs: t3 - t2, cpuMs: (used.user + used.system) / 1000, bytes: typeof rendered.body === 'string' ? Buffer.byteLength(rendered.body) : rendered.body.length });
    }
    const totalMs = median(runs.map((r) => r.contextMs + r.compileMs + r.renderMs));
    return {
      offices: contributions.length,
      itemsPerOffice: ITEMS,
      items: contributions.length * ITEMS,
      runs: RUNS,
      contextMs: round(median(runs.map((r) => r.contextMs)), 1),
      compileMs: round(median(runs.map((r) => r.compileMs)), 1),
      renderMs: round(median(runs.map((r) => r.renderMs)), 1),
      totalMs: round(totalMs, 1),
      cpuMs: round(median(runs.map((r) => r.cpuMs)), 1),
      bytes: runs[0]!.bytes,
      met: totalMs < ROUND_TARGET.ms,
    };
  },
  print(r) {
    const ms = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });
    console.log('round                       items   context ms   compile ms   render ms   total ms     cpu ms       bytes');
    console.log(
      [
        `${r.offices} offices × ${r.itemsPerOffice}`.padEnd(24),
        r.items.toLocaleString('en').padStart(8),
        ms(r.contextMs).padStart(12),
        ms(r.compileMs).padStart(12),
        ms(r.renderMs).padStart(11),
        ms(r.totalMs).padStart(10),
        ms(r.cpuMs).padStart(10),
        r.bytes.toLocaleString('en').padStart(11),
      ].join(' '),
    );
    console.log(`  a round of ${r.offices} offices × ${r.itemsPerOffice} items to DOCX in ${ms(r.totalMs)} ms (target < ${ROUND_TARGET.ms} ms): ${r.met ? 'met' : 'MISSED'}`);
    console.log('');
  },
};
