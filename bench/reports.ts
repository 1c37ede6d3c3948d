/**
 * The `reports` suite (issue #5): the ITU-T report to its advisory group for a period holding
 * about 100 and about 10,000 activities, as DOCX and as HTML, each timed beside reading the same
 * activities from the database alone (the report service's `measure`), as a ratio.
 * Target: a 10,000-activity DOCX in under 2 s.
 */
import { sql } from 'kysely';
import type { Actor } from '#src/platform/access.ts';
import type { ReportFormat } from '#src/reports/definition.ts';
import { createReportBody } from '#src/reports/schemas.ts';
import type { Register } from './generate.ts';
import { round, type Suite } from './suite.ts';

const SECTOR = 'ITU-T';
const SIZES = [100, 10_000];
const FORMATS: ReportFormat[] = ['docx', 'html'];
/** Each figure is the median of this many generations. */
const RUNS = 3;
const ACTOR: Actor = { kind: 'system', label: 'fieldbook bench' };

export const REPORT_TARGET = { activities: 10_000, format: 'docx' as ReportFormat, ms: 2000 };

export interface ReportFigures {
  format: ReportFormat;
  /** The activity count the period was chosen for, and what the report held. */
  wanted: number;
  activities: number;
  period: { from: string; to: string };
  runs: number;
  /** Medians: reading the activities alone; reading, building and rendering the report. */
  readMs: number;
  reportMs: number;
  /** reportMs ÷ readMs */
  ratio: number;
  bytes: number;
}

/**
 * A period ending today whose report holds about `wanted` live activities of the Sector: the
 * latest first day at which it holds at least that many (the count only grows as the first day
 * moves back). It can hold no fewer than the activities under way today: at 1M, some thousands.
 */
async function periodHolding(register: Register, wanted: number): Promise<{ from: string; to: string }> {
  const { db } = register.fieldbook.database;
  const to = new Date().toISOString().slice(0, 10);
  const dayBefore = (days: number) => new Date(Date.parse(to) - days * 86_400_000).toISOString().slice(0, 10);
  const held = async (from: string) => {
    const row = await db
      .selectFrom('activity')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('deleted_at', 'is', null)
      .where('date_start', '<=', to)
      .where('date_end', '>=', from)
      .where((eb) =>
        eb.exists(eb.selectFrom('activity_sector as s').select(sql`1`.as('one')).whereRef('s.activity_id', '=', 'activity.id').where('s.sector_code', '=', SECTOR)),
      )
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  // Days back from today, within 40 years: the fewest that hold `wanted` (all of them when none does).
  let low = 0;
  let high = 40 * 366;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if ((await held(dayBefore(middle))) >= wanted) high = middle;
    else low = middle + 1;
  }
  return { from: dayBefore(low), to };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const reportsSuite: Suite<ReportFigures[]> = {
  name: 'reports',
  summary: `${SECTOR} report for periods of ~${SIZES.join(' and ~')} activities, ${FORMATS.join(' and ')}, against reading them alone`,
  async run({ register, log }) {
    const { reports } = register.fieldbook.services;
    const results: ReportFigures[] = [];
    for (const wanted of SIZES) {
      const period = await periodHolding(register, wanted);
      const input = createReportBody.parse({ sector: SECTOR, ...period, outlookMonths: 0, visibility: 'all' });
      for (const format of FORMATS) {
        log(`  reports: ${format}, ${SECTOR} ${period.from} – ${period.to} (~${wanted.toLocaleString('en')} activities) × ${RUNS}`);
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await reports.measure(ACTOR, input, format));
        const readMs = median(runs.map((r) => r.readMs));
        const reportMs = median(runs.map((r) => r.reportMs));
        results.push({
          format,
          wanted,
          activities: runs[0]!.activities,
          period,
          runs: RUNS,
          readMs: round(readMs, 1),
          reportMs: round(reportMs, 1),
          ratio: round(reportMs / readMs, 2),
          bytes: runs[0]!.bytes,
        });
      }
    }
    return results;
  },
  print(results) {
    const ms = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 1 });
    console.log('report           activities    read ms   report ms   report ÷ read       bytes');
    for (const r of results) {
      console.log(
        [
          `${r.format} ~${r.wanted.toLocaleString('en')}`.padEnd(15),
          r.activities.toLocaleString('en').padStart(11),
          ms(r.readMs).padStart(10),
          ms(r.reportMs).padStart(11),
          `${r.ratio.toFixed(1)}×`.padStart(15),
          r.bytes.toLocaleString('en').padStart(11),
        ].join(' '),
      );
    }
    const target = reportTarget(results);
    if (target) console.log(`  ${target.activities.toLocaleString('en')}-activity DOCX in ${ms(target.ms)} ms (target < ${REPORT_TARGET.ms} ms): ${target.met ? 'met' : 'MISSED'}`);
    console.log('');
  },
};

/** The target's figure, when a report held at least 10,000 activities (a 10k register has fewer). */
export function reportTarget(results: ReportFigures[]): { activities: number; ms: number; met: boolean } | null {
  const figure = results.find((r) => r.format === REPORT_TARGET.format && r.wanted === REPORT_TARGET.activities && r.activities >= REPORT_TARGET.activities);
  return figure ? { activities: figure.activities, ms: figure.reportMs, met: figure.reportMs < REPORT_TARGET.ms } : null;
}
