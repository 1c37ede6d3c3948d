/**
 * Lists filtered by office, which walk the office links in date order (migration 0009), over HTTP
 * on both databases: the same activities in the same order as the whole register filtered by
 * hand, page after page, with several offices, an activity linked twice, and a change of date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

interface Listed {
  id: string;
  title: { en: string };
  offices: Array<{ office: string }>;
  status: string;
  version: number;
}

describe.each(DIALECTS)('lists by office [%s]', (dialect) => {
  let server: TestServer;
  let focal: TestUser;

  const record = async (title: string, date: string, offices: Array<[string, string]>, status = 'held') => {
    const res = await server.request('POST', '/api/activities', {
      token: focal.token,
      body: { title: { en: title }, kind: 'workshop', status, offices: offices.map(([office, role]) => ({ office, role })), date: { text: date } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as Listed;
  };

  /** Every page of a list, `limit` at a time. */
  const pages = async (query: string, limit: number): Promise<Listed[]> => {
    const seen: Listed[] = [];
    let next: string | null = null;
    do {
      const res: { status: number; body: { data: Listed[]; next: string | null } } = await server.request(
        'GET',
        `/api/activities?${query}&limit=${limit}${next ? `&cursor=${next}` : ''}`,
        { token: focal.token },
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.data);
      next = res.body.next;
    } while (next);
    return seen;
  };

  /** The whole register in the same order, filtered here: what an office list must give. */
  const byHand = async (sort: string, keep: (a: Listed) => boolean) => (await pages(`sort=${sort}`, 100)).filter(keep).map((a) => a.id);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB' });
    // Out of date order; several on one day (ties go by creation); one office twice in two roles; both offices on one.
    await record('Dakar seminar', '10 May 2023', [['dakar', 'organised']]);
    await record('Joint meeting', '15 June 2022', [['dakar', 'organised'], ['cairo', 'participated']]);
    await record('Cairo forum', '15 June 2022', [['cairo', 'organised'], ['cairo', 'presented']]);
    await record('Cairo planned training', '1 March 2024', [['cairo', 'organised']], 'planned');
    await record('Geneva briefing', '15 June 2022', [['geneva', 'organised']]);
    await record('Cairo webinar', 'Q3 2021', [['cairo', 'facilitated']]);
    await record('Dakar workshop', '15 June 2022', [['dakar', 'supported']]);
    await record('Cairo consultation', '2020', [['cairo', 'contributed'], ['dakar', 'contributed']]);
  });
  afterAll(async () => {
    await server?.close();
  });

  const at = (...offices: string[]) => (a: Listed) => a.offices.some((o) => offices.includes(o.office));

  it('gives an office the activities and the order of the whole register, page after page, each once', async () => {
    for (const sort of ['date', '-date']) {
      for (const offices of [['cairo'], ['dakar'], ['cairo', 'dakar'], ['dakar', 'geneva', 'cairo']]) {
        const query = `${offices.map((o) => `office=${o}`).join('&')}&sort=${sort}`;
        const expected = await byHand(sort, at(...offices));
        expect(expected.length).toBeGreaterThan(0);
        for (const limit of [1, 2, 3, 50]) {
          expect((await pages(query, limit)).map((a) => a.id), `${query} by ${limit}`).toEqual(expected);
        }
      }
    }
  });

  it('applies the other filters, and finds nothing for an office without activities', async () => {
    const held = await byHand('date', (a) => at('cairo')(a) && a.status === 'held');
    expect(held).toHaveLength(4);
    expect((await pages('office=cairo&status=held', 2)).map((a) => a.id)).toEqual(held);
    expect(await pages('office=harare&status=held', 2)).toEqual([]);
    expect(await pages('office=harare&office=geneva', 2)).toHaveLength(1);
  });

  it('follows a change of date, of offices and a deletion', async () => {
    const webinar = (await pages('office=cairo', 50)).find((a) => a.title.en === 'Cairo webinar');
    const moved = await server.request('PATCH', `/api/activities/${webinar!.id}`, {
      token: focal.token,
      body: { version: webinar!.version, date: { text: '1 January 2025' }, offices: [{ office: 'cairo', role: 'facilitated' }, { office: 'harare', role: 'supported' }] },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await pages('office=cairo', 2)).map((a) => a.id)).toEqual(await byHand('date', at('cairo')));
    expect((await pages('office=cairo', 50)).at(-1)!.id).toBe(webinar!.id);
    expect((await pages('office=harare', 2)).map((a) => a.id)).toEqual([webinar!.id]);

    expect((await server.request('DELETE', `/api/activities/${webinar!.id}`, { token: focal.token })).status).toBe(200);
    expect(await pages('office=harare', 2)).toEqual([]);
    expect((await pages('office=harare&deleted=only', 2)).map((a) => a.id)).toEqual([webinar!.id]);
  });
});
