/**
 * Lists filtered by office, which walk the office links in date order (migration 0009), over HTTP
 * on both databases: the same activities in the same order as the whole register filtered by
 * hand, page after page, with several offices, an activity linked twice, and a change of date.
 */
import { expect, it } from 'vitest';
import { describeHttp, type HttpSuite } from '../support/describe-http.ts';
import type { TestUser } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

interface Listed {
  id: string;
  title: { en: string };
  offices: Array<{ office: string }>;
  status: string;
  version: number;
}

/**
 * Activities recorded out of date order; several on one day (ties go by creation); one office
 * twice in two roles; two offices on one.
 */
async function recordActivities(server: TestServer, users: { focal: TestUser }): Promise<void> {
  const record = async (title: string, date: string, offices: Array<[string, string]>, status = 'held') => {
    const res = await server.request('POST', '/api/activities', {
      token: users.focal.token,
      body: { title: { en: title }, kind: 'workshop', status, offices: offices.map(([office, role]) => ({ office, role })), date: { text: date } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await record('Dakar seminar', '10 May 2023', [['dakar', 'organised']]);
  await record('Joint meeting', '15 June 2022', [['dakar', 'organised'], ['cairo', 'participated']]);
  await record('Cairo forum', '15 June 2022', [['cairo', 'organised'], ['cairo', 'presented']]);
  await record('Cairo planned training', '1 March 2024', [['cairo', 'organised']], 'planned');
  await record('Geneva briefing', '15 June 2022', [['geneva', 'organised']]);
  await record('Cairo webinar', 'Q3 2021', [['cairo', 'facilitated']]);
  await record('Dakar workshop', '15 June 2022', [['dakar', 'supported']]);
  await record('Cairo consultation', '2020', [['cairo', 'contributed'], ['dakar', 'contributed']]);
}

type Suite = HttpSuite<'focal', void>;

/** Every page of a list, `limit` at a time, as the focal point reads it. */
async function pages(http: Suite, query: string, limit: number): Promise<Listed[]> {
  const seen: Listed[] = [];
  let next: string | null = null;
  do {
    const res: { status: number; body: { data: Listed[]; next: string | null } } = await http.server.request(
      'GET',
      `/api/activities?${query}&limit=${limit}${next ? `&cursor=${next}` : ''}`,
      { token: http.users.focal.token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    seen.push(...res.body.data);
    next = res.body.next;
  } while (next);
  return seen;
}

/** The whole register in the same order, filtered here: what an office list must give. */
const byHand = async (http: Suite, sort: string, keep: (a: Listed) => boolean) => (await pages(http, `sort=${sort}`, 100)).filter(keep).map((a) => a.id);

const at = (...offices: string[]) => (a: Listed) => a.offices.some((o) => offices.includes(o.office));

/** What both blocks below start from: the activities, recorded by a focal point. */
const OFFICES_REGISTER = { users: { focal: { role: 'focal-point', bureau: 'TSB' } }, data: recordActivities } as const;

// These tests only read the activities, so they share one register.
describeHttp('lists by office', { ...OFFICES_REGISTER, database: 'shared' }, (http) => {
  it('gives an office the activities and the order of the whole register, page after page, each once', async () => {
    for (const sort of ['date', '-date']) {
      for (const offices of [['cairo'], ['dakar'], ['cairo', 'dakar'], ['dakar', 'geneva', 'cairo']]) {
        const query = `${offices.map((o) => `office=${o}`).join('&')}&sort=${sort}`;
        const expected = await byHand(http, sort, at(...offices));
        expect(expected.length).toBeGreaterThan(0);
        for (const limit of [1, 2, 3, 50]) {
          expect((await pages(http, query, limit)).map((a) => a.id), `${query} by ${limit}`).toEqual(expected);
        }
      }
    }
  });

  it('applies the other filters, and finds nothing for an office without activities', async () => {
    const held = await byHand(http, 'date', (a) => at('cairo')(a) && a.status === 'held');
    expect(held).toHaveLength(4);
    expect((await pages(http, 'office=cairo&status=held', 2)).map((a) => a.id)).toEqual(held);
    expect(await pages(http, 'office=harare&status=held', 2)).toEqual([]);
    expect(await pages(http, 'office=harare&office=geneva', 2)).toHaveLength(1);
  });
});

// This test moves and deletes an activity the tests above count, so it starts on its own register.
describeHttp('lists by office, changed', OFFICES_REGISTER, (http) => {
  it('follows a change of date, of offices and a deletion', async () => {
    const webinar = (await pages(http, 'office=cairo', 50)).find((a) => a.title.en === 'Cairo webinar');
    const moved = await http.server.request('PATCH', `/api/activities/${webinar!.id}`, {
      token: http.users.focal.token,
      body: { version: webinar!.version, date: { text: '1 January 2025' }, offices: [{ office: 'cairo', role: 'facilitated' }, { office: 'harare', role: 'supported' }] },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await pages(http, 'office=cairo', 2)).map((a) => a.id)).toEqual(await byHand(http, 'date', at('cairo')));
    expect((await pages(http, 'office=cairo', 50)).at(-1)!.id).toBe(webinar!.id);
    expect((await pages(http, 'office=harare', 2)).map((a) => a.id)).toEqual([webinar!.id]);

    expect((await http.server.request('DELETE', `/api/activities/${webinar!.id}`, { token: http.users.focal.token })).status).toBe(200);
    expect(await pages(http, 'office=harare', 2)).toEqual([]);
    expect((await pages(http, 'office=harare&deleted=only', 2)).map((a) => a.id)).toEqual([webinar!.id]);
  });
});

// Walks of a date window start the longest span written before it (migration 0140); lists keep
// the activities they read and read again only those whose version moved.
describeHttp('lists of a date window, long activities and edits', OFFICES_REGISTER, (http) => {
  const record = async (title: string, date: string) => {
    const res = await http.server.request('POST', '/api/activities', {
      token: http.users.focal.token,
      body: { title: { en: title }, kind: 'workshop', status: 'held', offices: [{ office: 'harare', role: 'organised' }], date: { text: date } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Listed;
  };
  const titles = async (query: string) => (await pages(http, query, 2)).map((a) => a.title.en);

  it('finds an activity begun years before the window that still runs in it, by office and in the whole register', async () => {
    await record('Harare programme', '2016–2021');
    await record('Harare day', '3 March 2021');
    for (const query of ['office=harare&from=2021-01-01&to=2021-12-31', 'from=2021-06-01&to=2021-06-30&q=Harare', 'from=2021-02-01']) {
      expect(await titles(query), query).toContain('Harare programme');
    }
    expect(await titles('office=harare&from=2021-01-01&to=2021-12-31&sort=-date')).toEqual(['Harare day', 'Harare programme']);
    expect(await titles('office=harare&from=2022-01-01')).toEqual([]);
  });

  it('finds a short activity made long by an edit, and lists it as edited', async () => {
    const short = await record('Harare forum', '5 May 2010');
    expect(await titles('office=harare&from=2024-01-01')).toEqual([]);
    const edited = await http.server.request('PATCH', `/api/activities/${short.id}`, {
      token: http.users.focal.token,
      body: { version: short.version, title: { en: 'Harare standing forum' }, date: { text: '2010–2030' } },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(await titles('office=harare&from=2024-01-01')).toEqual(['Harare standing forum']);
    expect(await titles('from=2029-01-01&q=forum')).toEqual(['Harare standing forum']);
  });
});
