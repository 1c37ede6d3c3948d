/**
 * The plans over HTTP on both databases: the seeded plans read, an activity's links with the
 * levels computed above them, the register's plan filters and export columns, and the focal
 * points' edits with history, 409 on a stale version and a plan year copied forward.
 */
import { expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { seedDemo } from '#src/app.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';

interface ItemBody {
  id: string;
  level: string;
  label: string;
  title: string;
  version: number;
  retiredFrom: number | null;
}

describeHttp(
  'plans over HTTP',
  {
    users: {
      reader: { role: 'reader' },
      editor: { role: 'editor', office: 'addis-ababa' },
      tsb: { role: 'focal-point', bureau: 'TSB' },
      bdt: { role: 'focal-point', bureau: 'BDT' },
    },
  },
  (http) => {
    it('reads the strategic plans, the rolling ITU-T plans and the regional initiatives, in the asked language', async () => {
      const list = await http.server.request('GET', '/api/plans?lang=fr');
      expect(list.status).toBe(200);
      const codes = list.body.data.map((p: { code: string }) => p.code);
      expect(codes).toEqual(expect.arrayContaining(['SP-2020', 'SP-2024', 'T-2020', 'T-2024', 'WTDC-17', 'WTDC-22', 'WTDC-25']));
      expect(list.body.data.find((p: { code: string }) => p.code === 'SP-2020').name).toBe("Plan stratégique de l'Union pour la période 2020-2023");

      const plan = await http.server.request('GET', '/api/plans/T-2020?lang=en');
      expect(plan.status).toBe(200);
      expect(plan.body).toMatchObject({ code: 'T-2020', kind: 'operational', sector: 'ITU-T', year: 2020, from: 2020, to: 2023 });
      const t21 = plan.body.items.filter((i: ItemBody) => i.label === 'T.2-1').map((i: ItemBody) => i.level);
      expect(t21.sort()).toEqual(['outcome', 'output']);

      const strategic = await http.server.request('GET', '/api/plans/SP-2024');
      expect(strategic.body.items.filter((i: ItemBody) => i.level === 'goal').map((i: ItemBody) => i.title)).toEqual(['Universal connectivity', 'Sustainable digital transformation']);

      const missing = await http.server.request('GET', '/api/plans/T-1990');
      expect(missing.status).toBe(404);
    });

    it('documents the plans and the register\'s plan filters in the OpenAPI document', async () => {
      const spec = await http.server.request('GET', '/api/openapi.json');
      for (const path of ['/api/plans', '/api/plans/{code}', '/api/plans/items', '/api/plans/items/{id}', '/api/plans/{code}/items', '/api/plans/{code}/copy-forward']) {
        expect(Object.keys(spec.body.paths), path).toContain(path);
      }
      const params = spec.body.paths['/api/activities'].get.parameters.map((p: { name: string }) => p.name);
      expect(params).toEqual(expect.arrayContaining(['output', 'initiative', 'goal']));
    });

    it('finds items for the picker by label or by title words in the user\'s language', async () => {
      const byLabel = await http.server.request('GET', '/api/plans/items?q=CIS3');
      expect(byLabel.body.data[0]).toMatchObject({ id: 'WTDC-17:initiative:CIS3', region: 'CIS', level: 'initiative' });
      const byWords = await http.server.request('GET', `/api/plans/items?q=${encodeURIComponent('écart normalisation')}&level=output&year=2021&lang=fr`);
      expect(byWords.body.data.map((i: ItemBody) => i.id)).toEqual(['T-2020:output:T.2-1']);
      expect(byWords.body.data[0].title).toMatch(/^Réduction de l'écart/);
    });

    it('links an activity to an output and computes its objective and goal; filters find it by output and by goal', async () => {
      const linked = await buildActivity(http.server, { plans: ['T-2020:output:T.2-1', 'WTDC-17:initiative:CIS3'] });
      const other = await buildActivity(http.server, { title: { en: 'WTSA-20 preparation' }, plans: ['T-2020:output:T.1-1'] });
      await buildActivity(http.server, { title: { en: 'Not linked' } });

      const one = await http.server.request('GET', `/api/activities/${linked.id}`);
      expect(one.body.plans).toEqual(['T-2020:output:T.2-1', 'WTDC-17:initiative:CIS3']);
      expect(one.body.planLinks.map((l: { id: string; direct: boolean }) => [l.id, l.direct])).toEqual([
        ['T-2020:output:T.2-1', true],
        ['WTDC-17:initiative:CIS3', true],
        ['T-2020:objective:T.2', false],
        ['SP-2020:goal:2', false],
      ]);

      const ids = async (query: string) => {
        const res = await http.server.request('GET', `/api/activities?${query}`);
        expect(res.status, query).toBe(200);
        return res.body.data.map((a: { id: string }) => a.id);
      };
      expect(await ids('output=T.2-1')).toEqual([linked.id]);
      expect(await ids('initiative=CIS3')).toEqual([linked.id]);
      expect(await ids('goal=SP-2020:2')).toEqual([linked.id]);
      expect((await ids('goal=SP-2020:1')).sort()).toEqual([other.id]);
      expect((await ids('output=T.2-1,T.1-1')).sort()).toEqual([linked.id, other.id].sort());
      expect(await ids('output=T.1-1&initiative=CIS3')).toEqual([]);

      const unknown = await http.server.request('GET', '/api/activities?output=T.9-9');
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'query.output', code: 'unknown_plan_item' })]);
    });

    it('refuses a link to an item that is not in the plans, naming it', async () => {
      const res = await http.server.request('POST', '/api/activities', {
        token: http.users.editor.token,
        body: { title: { en: 'x' }, kind: 'workshop', offices: [{ office: 'addis-ababa', role: 'organised' }], date: { text: '3 May 2021' }, plans: ['T-2020:output:T.9-9'] },
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ path: 'body.plans.0', code: 'unknown_plan_item' })]);
    });

    it('exports the plan links as CSV columns, goals computed', async () => {
      await buildActivity(http.server, { plans: ['T-2020:output:T.2-1'] });
      const res = await http.server.request('GET', '/api/activities?format=csv&output=T.2-1');
      expect(res.status).toBe(200);
      const [row, ...others] = parse(res.text, { bom: true, columns: true }) as Array<Record<string, string>>;
      expect(others).toEqual([]);
      expect(row).toMatchObject({ outputs: 'T-2020:T.2-1', goals: 'SP-2020:2', initiatives: '' });
    });

    it('suggests plan links from the words of an imported item; the reviewer drops one and the rest come with the accepted activity', async () => {
      const text = [
        '8\tCommonwealth of Independent States (CIS) - Regional Office for the CIS Region',
        'The Regional Office for the CIS Region is based in Moscow and is led by Mrs Natalia Mochu.',
        '1\tMeeting of the ITU-T SG3RG-EECAT on the Regional Initiative CIS3, 4-5 March 2020, Minsk (Belarus).',
        '',
      ].join('\n');
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(text)], { type: 'text/plain' }), 'cis.txt');
      const res = await fetch(`${http.server.url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${http.users.tsb.token}` }, body: form });
      expect(res.status).toBe(201);
      const batch = (await res.json()) as { id: string; proposals: Array<{ position: number; version: number; plans?: Array<{ item: string; words: string }> }> };
      const [proposal] = batch.proposals;
      expect(proposal!.plans).toEqual([
        { item: 'WTDC-17:initiative:CIS3', words: 'Regional Initiative CIS3' },
        { item: 'T-2020:output:T.2-1', words: 'SG3RG-EECAT' },
      ]);

      const path = `/api/imports/${batch.id}/proposals/${proposal!.position}`;
      const dropped = await http.server.request('PATCH', path, { token: http.users.tsb.token, body: { version: proposal!.version, plans: ['WTDC-17:initiative:CIS3'] } });
      expect(dropped.status).toBe(200);
      expect(dropped.body.plans).toEqual([{ item: 'WTDC-17:initiative:CIS3', words: 'Regional Initiative CIS3' }]);
      const unknown = await http.server.request('PATCH', path, { token: http.users.tsb.token, body: { version: dropped.body.version, plans: ['T-2020:output:T.9-9'] } });
      expect(unknown.status).toBe(400);

      const accepted = await http.server.request('POST', `${path}/accept?version=${dropped.body.version}`, { token: http.users.tsb.token });
      expect(accepted.status).toBe(200);
      const activity = await http.server.request('GET', `/api/activities/${accepted.body.activityId}`);
      expect(activity.body.plans).toEqual(['WTDC-17:initiative:CIS3']);
    });

    it("lets a focal point of the plan's Sector rename and retire an output, with history and 409 on a stale version", async () => {
      const path = '/api/plans/items/T-2020:output:T.4-3';
      const before = (await http.server.request('GET', path)).body as ItemBody;
      const renamed = await http.server.request('PATCH', path, { token: http.users.tsb.token, body: { version: before.version, title: { en: 'Outreach, promotion and regional events' } } });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ title: 'Outreach, promotion and regional events', version: before.version + 1 });

      const stale = await http.server.request('PATCH', path, { token: http.users.tsb.token, body: { version: before.version, retiredFrom: 2022 } });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ title: 'Outreach, promotion and regional events', version: before.version + 1 });

      const retired = await http.server.request('PATCH', path, { token: http.users.tsb.token, body: { version: before.version + 1, retiredFrom: 2022 } });
      expect(retired.body.retiredFrom).toBe(2022);
      const in2021 = await http.server.request('GET', '/api/plans/items?q=T.4-3&level=output&year=2021&plan=T-2020');
      expect(in2021.body.data).toHaveLength(1);
      const in2022 = await http.server.request('GET', '/api/plans/items?q=T.4-3&level=output&year=2022&plan=T-2020');
      expect(in2022.body.data).toHaveLength(0);

      const history = await http.server.request('GET', `${path}/history`, { token: http.users.reader.token });
      expect(history.body.data.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
        ['plan_item.update', http.users.tsb.email],
        ['plan_item.update', http.users.tsb.email],
      ]);
      expect(history.body.data[0].changes).toEqual([{ field: 'titles', before: expect.objectContaining({ en: 'Outreach and promotion' }), after: { en: 'Outreach, promotion and regional events' } }]);

      // Editors, and focal points of another bureau, do not edit ITU-T's plan.
      for (const user of [http.users.editor, http.users.bdt]) {
        const refused = await http.server.request('PATCH', path, { token: user.token, body: { version: 3, title: { en: 'x' } } });
        expect(refused.status).toBe(403);
      }
    });

    it('adds an output to a plan year, and copies the year forward without what is retired by then', async () => {
      const token = http.users.tsb.token;
      const added = await http.server.request('POST', '/api/plans/T-2020/items', {
        token,
        body: { level: 'output', label: 'T.2-5', parent: 'T-2020:objective:T.2', title: { en: 'Regional standardization forums', fr: 'Forums régionaux de normalisation' } },
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ id: 'T-2020:output:T.2-5', level: 'output', parent: 'T-2020:objective:T.2' });
      const twice = await http.server.request('POST', '/api/plans/T-2020/items', { token, body: { level: 'output', label: 'T.2-5', parent: 'T-2020:objective:T.2', title: { en: 'Again' } } });
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toEqual([expect.objectContaining({ path: 'body.label', code: 'plan_label_taken' })]);

      const retire = await http.server.request('PATCH', '/api/plans/items/T-2020:output:T.4-4', { token, body: { version: 1, retiredFrom: 2021 } });
      expect(retire.status).toBe(200);

      const copied = await http.server.request('POST', '/api/plans/T-2020/copy-forward', { token });
      expect(copied.status).toBe(201);
      expect(copied.body).toMatchObject({ code: 'T-2021', year: 2021, from: 2021, to: 2024, copiedFrom: 'T-2020', name: 'ITU-T operational plan 2021-2024' });
      const ids = copied.body.items.map((i: ItemBody) => i.id);
      expect(ids).toEqual(expect.arrayContaining(['T-2021:output:T.2-1', 'T-2021:output:T.2-5', 'T-2021:objective:T.2']));
      expect(ids).not.toContain('T-2021:output:T.4-4');
      expect((await http.server.request('GET', '/api/plans/T-2021')).status).toBe(200);

      const again = await http.server.request('POST', '/api/plans/T-2020/copy-forward', { token });
      expect(again.status).toBe(409);
      const strategic = await http.server.request('POST', '/api/plans/SP-2020/copy-forward', { token: http.users.tsb.token });
      expect(strategic.status).toBe(403);
    });
  },
);

// The demo as `npm start` loads it: its activities linked through the importer's suggestions.
describeHttp('the demo register linked to the plans', { database: 'shared', data: async (server) => seedDemo(server.database.fieldbook) }, (http) => {
  const titlesOf = async (query: string): Promise<string[]> => {
    const res = await http.server.request('GET', `/api/activities?${query}&limit=200`);
    expect(res.status, query).toBe(200);
    return res.body.data.map((a: { title: Record<string, string>; description: Record<string, string>; bodies: string[] }) => `${a.title.en ?? ''} | ${a.description.en ?? ''} | ${a.bodies.join(' ')}`);
  };

  it('links the CIS office\'s mention of Regional Initiative CIS3 to CIS3', async () => {
    const cis3 = await titlesOf('initiative=CIS3');
    expect(cis3.length).toBeGreaterThan(0);
    expect(cis3.every((t) => t.includes('CIS3'))).toBe(true);
  });

  it('links the regional group meetings to the output on bridging the standardization gap', async () => {
    const gap = await titlesOf('output=T-2020:T.2-1');
    expect(gap.some((t) => /African Group of SG12|SG12 RG-AFR/.test(t))).toBe(true);
    expect(gap.some((t) => /SG3RG-EECAT|SG20RG-EECAT/.test(t))).toBe(true);
  });

  it("links the preparation of WTSA-20 to WTSA's output, and reaches it from the goal its objective serves", async () => {
    const wtsa = await titlesOf('output=T-2020:T.1-1');
    expect(wtsa.some((t) => /Interregional meeting for preparation of WTSA-20/i.test(t))).toBe(true);
    // Each names WTSA in its words, or the importer read it as a preparatory meeting of WTSA-20 (its body).
    expect(wtsa.every((t) => /WTSA/.test(t))).toBe(true);
    expect(wtsa.some((t) => /communication related to WTSA/.test(t))).toBe(false);
    const goal = await titlesOf('goal=SP-2020:1');
    expect(goal).toEqual(expect.arrayContaining(wtsa));
  });

  it('shows the links on the public event page, the computed levels marked', async () => {
    const res = await http.server.request('GET', '/api/activities?initiative=CIS3&limit=1');
    const page = await http.server.request('GET', `/en/events/${res.body.data[0].id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Plans served');
    expect(page.text).toContain('Regional initiative CIS3: Development and regulation of infocommunication infrastructure');
    const fr = await http.server.request('GET', `/fr/events/${(await http.server.request('GET', '/api/activities?output=T-2020:T.2-1&limit=1')).body.data[0].id}`);
    expect(fr.text).toContain('Produit T.2-1: Réduction de l');
    expect(fr.text).toContain('Objectif T.2');
    expect(fr.text).toContain('(calculé)');
  });
});
