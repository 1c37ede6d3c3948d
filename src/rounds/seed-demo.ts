/**
 * The demo's reporting rounds, made through the rounds service as the seed loader: a closed TSAG
 * 2020 round whose six offices' accepted contributions reproduce the seed report, and an open TSAG
 * 2021 round (copied from it, January – August 2021) in progress — submitted, sent back with a
 * comment on an item, accepted, a draft, not started — so every screen has something real to
 * show. Its due day has passed, so the offices that have not handed in are late. Idempotent: a
 * round already there is left as it is.
 */
import type { Actor } from '#src/platform/access.ts';
import type { ReportService } from '#src/reports/service.ts';
import type { ContributionContent } from './content.ts';
import type { RoundService } from './service.ts';

export const DEMO_ROUNDS = { closed: 'tsag-2020', open: 'tsag-2021' } as const;

/** What becomes of each office in the open round, by office code; offices not named stay not started. */
const OPEN_ROUND_STATES: Record<string, 'draft' | 'submitted' | 'changes_requested' | 'accepted'> = {
  'addis-ababa': 'submitted',
  brasilia: 'changes_requested',
  cairo: 'accepted',
  bangkok: 'draft',
  europe: 'submitted',
};

/** The demo cover's Contact, as a TD names one (a demo address: the register has no focal point's phone). */
const DEMO_CONTACT = { name: 'TSB Focal Point for the Regions', organisation: 'ITU/TSB', country: 'Switzerland', tel: '+41 22 730 5111', email: 'tsb-regions@example.org' };

export async function seedDemoRounds(
  rounds: RoundService,
  reports: ReportService,
  actor: Actor,
  accepted2020: ReadonlyArray<{ office: string; content: ContributionContent }>,
): Promise<{ created: string[] }> {
  const created: string[] = [];
  const existing = new Set((await rounds.list(actor)).map((s) => s.round.code));

  if (!existing.has(DEMO_ROUNDS.closed)) {
    const round = await rounds.create(actor, {
      code: DEMO_ROUNDS.closed,
      sector: 'ITU-T',
      meeting: 'TSAG, virtual, 28 September – 2 October 2020',
      from: '2020-01-01',
      to: '2020-08-31',
      due: '2020-09-11',
      offices: accepted2020.map((c) => c.office),
    });
    await reports.update(actor, round.round.reportId, { version: 1, header: { placeAndDate: 'Virtual, 28 September – 2 October 2020', contacts: [DEMO_CONTACT] } });
    for (const { office, content } of accepted2020) {
      const started = await rounds.start(actor, DEMO_ROUNDS.closed, office);
      const saved = await rounds.saveContent(actor, DEMO_ROUNDS.closed, office, { version: started.contribution.version, content });
      const submitted = await rounds.submit(actor, DEMO_ROUNDS.closed, office, { version: saved.contribution.version });
      await rounds.accept(actor, DEMO_ROUNDS.closed, office, { version: submitted.contribution.version });
    }
    await rounds.close(actor, DEMO_ROUNDS.closed, round.round.version);
    created.push(DEMO_ROUNDS.closed);
  }

  if (!existing.has(DEMO_ROUNDS.open)) {
    // Copied: the same offices, cover and common sections; the period and due day a year on.
    const round = await rounds.create(actor, { code: DEMO_ROUNDS.open, copyFrom: DEMO_ROUNDS.closed, meeting: 'TSAG, Geneva, 10 – 14 January 2022' });
    for (const office of round.offices.map((o) => o.code)) {
      const target = OPEN_ROUND_STATES[office];
      if (!target) continue;
      let c = (await rounds.start(actor, DEMO_ROUNDS.open, office)).contribution;
      if (target === 'draft') continue;
      c = (await rounds.submit(actor, DEMO_ROUNDS.open, office, { version: c.version })).contribution;
      if (target === 'accepted') await rounds.accept(actor, DEMO_ROUNDS.open, office, { version: c.version, comment: 'Thank you.' });
      if (target === 'changes_requested') {
        const first = c.content?.blocks[0];
        await rounds.addComment(actor, DEMO_ROUNDS.open, office, { itemId: first?.id ?? null, text: 'Please name the events of the period one by one, with their dates and places.' });
        await rounds.requestChanges(actor, DEMO_ROUNDS.open, office, { version: c.version, comment: 'Please see the comment on the first paragraph.' });
      }
    }
    created.push(DEMO_ROUNDS.open);
  }
  return { created };
}
