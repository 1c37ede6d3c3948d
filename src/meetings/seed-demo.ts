/**
 * The demo's coordination, as section 3 of the seed report describes it: the TSB Director's
 * monthly review meeting with the six regional offices (first Tuesday, 14:00 Geneva time, online).
 * Its meeting of 7 July 2020 has approved minutes holding the seed's coordination facts — the
 * interregional meeting preparing WTSA-20, the demonstration of TSB's new MyMeeting tool, the
 * offices' news — and action items still open; the next meeting to come has the agenda Fieldbook
 * drafts. Made through the meetings service as the seed loader. Idempotent: a series already
 * there is left as it is.
 */
import type { Actor } from '#src/platform/access.ts';
import type { Minutes } from './model.ts';
import type { MeetingService } from './service.ts';

export const DEMO_SERIES = 'tsb-monthly-review';
const OFFICES = ['addis-ababa', 'brasilia', 'cairo', 'bangkok', 'moscow', 'europe'];
const PAST = '2020-07-07';

const MINUTES: Minutes = {
  items: [
    {
      agendaItemId: 'chair:1',
      title: 'Preparation of WTSA-20',
      notes:
        'The offices reported on the regional preparatory meetings for WTSA-20 (ATU, APT, CEPT, CITEL). The Regional Office for Africa took part in the Interregional meeting for preparation of WTSA-20 and in the ATU WTSA-20 Preparatory Meeting, which continued the work on the African Common Proposals; another meeting is confirmed for the second week of November 2020.',
      decisions: ['The regional and area offices keep TSB informed of every regional preparatory meeting for WTSA-20 and record it in the register.'],
    },
    {
      agendaItemId: 'chair:2',
      title: 'Demonstration of the new ITU MyMeeting tool',
      notes: 'TSB gave a demonstration of the new ITU MyMeeting tool implemented by TSB. The offices welcomed the demonstration of the new ITU MyMeeting tool.',
      decisions: ['The offices use MyMeeting for the regional groups of the study groups from the next meetings on.'],
    },
    {
      agendaItemId: 'office:cairo',
      title: 'Regional Office for the Arab States',
      notes: 'The office is collaborating with TSB to organize a regional workshop on "Security of Financial Services" in October 2020. The Inter-regional Digital Week for Arab and Africa Regions is postponed to 2021.',
      decisions: [],
    },
    {
      agendaItemId: 'office:addis-ababa',
      title: 'Regional Office for Africa',
      notes: 'ROA consulted countries and encouraged them to propose nominations for relevant and vacant positions in TSAG and Study Groups.',
      decisions: [],
    },
  ],
};

export async function seedDemoMeetings(meetings: MeetingService, actor: Actor): Promise<{ created: boolean }> {
  if ((await meetings.listSeries(actor)).some((s) => s.series.code === DEMO_SERIES)) return { created: false };
  await meetings.createSeries(actor, {
    code: DEMO_SERIES,
    bureau: 'TSB',
    kind: 'monthly-review',
    title: 'Monthly review meeting of the TSB Director with the regional offices',
    chairLabel: 'TSB Director',
    offices: OFFICES,
    rule: 'FREQ=MONTHLY;BYDAY=1TU',
    startsLocal: `${PAST}T14:00`,
    timeZone: 'Europe/Zurich',
    durationMinutes: 90,
    exceptions: [],
    room: null,
    onlineUrl: 'https://meet.example.org/tsb-regions',
  });
  const occurrences = await meetings.listSeriesOccurrences(actor, DEMO_SERIES);
  const past = occurrences.find((o) => o.occurrence.startAt.startsWith(PAST));
  const upcoming = occurrences.find((o) => o.occurrence.startAt > new Date().toISOString() && o.occurrence.state === 'scheduled');
  if (past) {
    const id = past.occurrence.id;
    const names = new Map((await meetings.getSeries(actor, DEMO_SERIES)).offices.map((o) => [o.code, o.names.en]));
    const agenda = {
      items: [
        { id: 'chair:1', kind: 'chair' as const, office: null, title: 'Preparation of WTSA-20', points: ['Interregional meeting for preparation of WTSA-20', 'Regional preparatory meetings (ATU, APT, CEPT, CITEL)'] },
        { id: 'chair:2', kind: 'chair' as const, office: null, title: 'Demonstration of the new ITU MyMeeting tool', points: [] },
        ...OFFICES.map((office) => ({ id: `office:${office}`, kind: 'office' as const, office, title: names.get(office) ?? office, points: [] })),
      ],
    };
    await meetings.recordPast(actor, id, { agenda, minutes: MINUTES, attendance: OFFICES.map((office) => ({ office, state: office === 'moscow' ? ('excused' as const) : ('present' as const) })) });
    const actions = [
      { text: 'Share the status of the African Common Proposals for WTSA-20 with TSB before the November preparatory meeting', ownerOffice: 'addis-ababa', due: '2020-11-06', agendaItem: 'chair:1' },
      { text: 'Confirm the dates and the venue of the regional workshop on "Security of Financial Services"', ownerOffice: 'cairo', due: '2020-09-15', agendaItem: 'office:cairo' },
      { text: 'Record the APT preparatory meetings for WTSA-20 in the register', ownerOffice: 'bangkok', due: '2020-08-31', agendaItem: 'chair:1' },
      { text: 'Send the MyMeeting user guide to the regional groups of the study groups in the region', ownerOffice: 'moscow', due: '2020-07-31', agendaItem: 'chair:2', done: true },
    ];
    for (const action of actions) {
      const item = await meetings.createAction(actor, id, { text: action.text, ownerOffice: action.ownerOffice, ownerUserId: null, due: action.due, agendaItem: action.agendaItem, links: [] });
      if (action.done) await meetings.updateAction(actor, item.id, { version: item.version, status: 'done' });
    }
    const recorded = await meetings.getOccurrence(actor, id);
    await meetings.approveMinutes(actor, id, recorded.occurrence.version);
  }
  if (upcoming) {
    await meetings.draftAgenda(actor, upcoming.occurrence.id, { version: upcoming.occurrence.version, chairItems: ['Preparation of the next TSAG meeting', 'Coordination of the regional events of the coming months'] });
  }
  return { created: true };
}
