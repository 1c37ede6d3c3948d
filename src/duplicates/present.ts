/** What of the duplicate warnings leaves the server: staff only, activities as the register presents them to staff. */
import type { Activity } from '#src/activities/model.ts';
import { activityPresenterFor, type PresentationSource } from '#src/activities/present.ts';
import type { Actor } from '#src/platform/access.ts';
import type { CheckResult, PeriodPairs } from './service.ts';

export async function presentCheck(actor: Actor, source: PresentationSource, result: CheckResult) {
  const present = await activityPresenterFor(actor, source, result.candidates.map((c) => c.activity));
  return { comparable: result.comparable, candidates: result.candidates.map((c) => ({ activity: present(c.activity), score: c.score, reasons: c.reasons })) };
}

export async function presentPairs(actor: Actor, source: PresentationSource, result: PeriodPairs) {
  const shown = result.pairs.flatMap((p) => p.activities.filter((a): a is Activity => a !== null));
  const present = await activityPresenterFor(actor, source, shown);
  const either = (activity: Activity | null) => (activity ? present(activity) : null);
  return {
    from: result.from,
    to: result.to,
    partial: result.partial,
    pairs: result.pairs.map((p) => ({
      ids: p.ids,
      activities: p.activities.map(either),
      state: p.state,
      score: p.score ?? null,
      reasons: p.reasons ?? [],
      decision: p.decision,
    })),
  };
}
