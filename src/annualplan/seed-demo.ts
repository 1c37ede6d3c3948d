/**
 * The demo's plan contributions (data/demo/annual-plan-contributions.json): Moscow's 2020 ITU-T
 * plan in its own words, so the office page shows a plan by output at once. Written once: a
 * contribution already there (edited in the workspace since) is left as it is.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Activity } from '#src/activities/model.ts';
import type { ActivityService } from '#src/activities/service.ts';
import type { Actor } from '#src/platform/access.ts';
import { LANGUAGES } from '#src/platform/i18n.ts';
import type { AnnualPlanService } from './service.ts';

export const DEMO_ANNUAL_PLANS = 'data/demo/annual-plan-contributions.json';

const demoFile = z.object({
  source: z.string(),
  contributions: z.array(
    z.object({
      office: z.string(),
      sector: z.string(),
      year: z.number().int(),
      entries: z.array(z.object({ item: z.string(), text: z.partialRecord(z.enum(LANGUAGES), z.string()) })),
    }),
  ),
  /** Demo activities the importer did not link, linked to the items the offices' texts name. */
  links: z.array(z.object({ office: z.string(), titleStarts: z.string(), year: z.number().int(), items: z.array(z.string()), why: z.string() })),
});

export async function seedDemoAnnualPlans(annualPlans: AnnualPlanService, activities: ActivityService, actor: Actor, register: readonly Activity[], file = DEMO_ANNUAL_PLANS): Promise<{ written: number; linked: number }> {
  const { contributions, links } = demoFile.parse(JSON.parse(await readFile(file, 'utf8')));
  let linked = 0;
  for (const link of links) {
    const found = register.find(
      (a) => a.offices.some((o) => o.office === link.office) && a.date.start?.startsWith(String(link.year)) && (a.title.en ?? '').startsWith(link.titleStarts),
    );
    if (!found) continue;
    // Read again: an earlier demo step may have written it since the register was listed.
    const { activity } = await activities.get(actor, found.id);
    const missing = link.items.filter((item) => !activity.plans.includes(item));
    if (missing.length === 0) continue;
    await activities.update(actor, activity.id, { version: activity.version, plans: [...activity.plans, ...missing] });
    linked += 1;
  }
  let written = 0;
  for (const c of contributions) {
    const current = await annualPlans.get(actor, c.office, c.sector, c.year);
    if (current.contribution.version > 0) continue;
    await annualPlans.save(actor, c.office, c.sector, c.year, { version: 0, entries: c.entries });
    written += 1;
  }
  return { written, linked };
}
