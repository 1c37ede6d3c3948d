/**
 * The demo's pair waiting for a decision: the meeting of SG12's regional group for Africa in
 * Ndjamena (4 - 5 March 2020), which the Addis Ababa office reported supporting, recorded again
 * by TSB as its own event under headquarters (office `geneva`, organised, Sector ITU-T: the
 * bureau that organises it). Back to back with the workshop before it, as the office recorded.
 */
import type { Activity } from '#src/activities/model.ts';
import { createActivityBody } from '#src/activities/schemas.ts';
import type { ActivityService } from '#src/activities/service.ts';
import type { Actor } from '#src/platform/access.ts';

export const DEMO_DUPLICATE_TITLE = 'Meeting of the ITU-T SG12 Regional Group for Africa (SG12RG-AFR)';
const BODY = 'SG12RG-AFR';

export async function seedDemoDuplicate(activities: ActivityService, actor: Actor, register: readonly Activity[]): Promise<Activity | null> {
  if (register.some((a) => a.title.en === DEMO_DUPLICATE_TITLE)) return null;
  const ofGroup = register.filter((a) => a.bodies.includes(BODY) && a.date.start.startsWith('2020-03')).sort((a, b) => a.date.start.localeCompare(b.date.start));
  // The office's entry of the meeting is the later of its two (the workshop comes first).
  const meeting = ofGroup.at(-1);
  if (!meeting) return null;
  const workshop = ofGroup.length > 1 ? ofGroup[0]! : null;
  return activities.create(
    actor,
    createActivityBody.parse({
      title: { en: DEMO_DUPLICATE_TITLE },
      kind: 'regional-group-meeting',
      status: 'held',
      visibility: 'public',
      offices: [{ office: 'geneva', role: 'organised' }],
      sectors: ['ITU-T'],
      bodies: [BODY],
      date: { text: meeting.date.text },
      place: meeting.place ? { mode: meeting.place.mode, city: meeting.place.city, country: meeting.place.country } : { city: 'Ndjamena', country: 'TD' },
      description: { en: 'Regular meeting of the regional group, organised by TSB with the regional office.' },
      related: workshop ? [{ activity: workshop.id, kind: 'back-to-back' }] : [],
    }),
  );
}
