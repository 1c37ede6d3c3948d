/**
 * The demo's reporting rounds as `fieldbook seed --demo` makes them: the closed TSAG 2020 round
 * compiles to the seed's regional sections (checked item for item in src/rounds/demo.test.ts),
 * and TSAG 2021 is in progress with every state on its board.
 */
import mammoth from 'mammoth';
import { expect, it } from 'vitest';
import { seedDemo } from '#src/app.ts';
import { describeHttp } from '../support/describe-http.ts';

describeHttp('demo reporting rounds', { users: { reader: { role: 'reader' } } }, (http) => {
  it('loads a closed tsag-2020 that compiles to Word with the seed items and the cover contact, and tsag-2021 in progress', async () => {
    const demo = await seedDemo(http.server.database.fieldbook);
    expect(demo.rounds).toEqual(['tsag-2020', 'tsag-2021']);
    const token = http.users.reader.token;

    const list = await http.server.request('GET', '/api/rounds', { token });
    expect(list.body.data.map((r: { code: string; state: string }) => `${r.code} ${r.state}`)).toEqual(['tsag-2021 open', 'tsag-2020 closed']);
    expect(list.body.data[1].counts).toEqual({ asked: 6, notStarted: 0, draft: 0, submitted: 0, changesRequested: 0, accepted: 6, late: 0 });
    expect(list.body.data[0]).toMatchObject({ from: '2021-01-01', to: '2021-08-31', counts: { asked: 6, notStarted: 1, draft: 1, submitted: 2, changesRequested: 1, accepted: 1, late: 3 } });

    const res = await fetch(`${http.server.url}/api/rounds/tsag-2020/report.docx`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) });
    expect(text).toContain('ITU-T SG13 events held in Abuja, Nigeria');
    expect(text).toContain('Participation in monthly review meeting with the TSB Director and Management of TSB.');
    expect(text).toContain('TSB Focal Point for the Regions');
    expect(text).not.toContain('DRAFT');

    const brasilia = await http.server.request('GET', '/api/rounds/tsag-2021/contributions/brasilia', { token });
    expect(brasilia.body).toMatchObject({ state: 'changes_requested', late: true, comments: [expect.objectContaining({ resolvedAt: null })] });

    // Seeding again changes nothing.
    expect((await seedDemo(http.server.database.fieldbook)).rounds).toEqual([]);
  });
});
