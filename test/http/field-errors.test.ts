/**
 * Field issues carry a stable code and the values their message names, so a client can word them
 * in its user's language; the English message stays for API clients.
 */
import { expect, it } from 'vitest';
import { FIELD_ISSUE_CODES } from '#src/platform/errors.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity, SEED_AFRICA_WORKSHOP } from '../support/factories.ts';

interface Issue {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

describeHttp('field issues with codes', {
  // Every request here is refused, so nothing is stored and the tests share one database.
  database: 'shared',
  data: async (server) => ({ activity: await buildActivity(server) }),
  users: { editor: { role: 'editor', office: 'addis-ababa' }, focal: { role: 'focal-point', bureau: 'TSB' } },
}, (http) => {
  const issuesOf = async (method: string, path: string, body?: unknown, token = http.users.editor.token): Promise<Issue[]> => {
    const res = await http.server.request(method, path, { token, ...(body === undefined ? {} : { body }) });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const issues = res.body.errors as Issue[];
    for (const issue of issues) expect(Object.keys(FIELD_ISSUE_CODES), issue.path).toContain(issue.code);
    return issues;
  };
  const byPath = (issues: Issue[]) => Object.fromEntries(issues.map((i) => [i.path, i]));

  it('says what the request shape breaks: missing, not allowed, too long, too big, wrong type, unknown field', async () => {
    const issues = byPath(
      await issuesOf('POST', '/api/activities', {
        kind: 'party',
        offices: [{ office: 'addis-ababa', role: 'danced' }],
        date: { text: 'May 2021' },
        participants: 1e9,
        description: { en: 'x'.repeat(20_001) },
        colour: 'blue',
      }),
    );
    expect(issues['body.title']).toEqual({ path: 'body.title', code: 'required', message: 'is required' });
    expect(issues['body.kind']).toMatchObject({ code: 'not_allowed', params: { value: 'party', allowed: expect.stringContaining('workshop') } });
    expect(issues['body.offices.0.role']).toMatchObject({ code: 'not_allowed', params: { value: 'danced' } });
    expect(issues['body.description.en']).toMatchObject({ code: 'too_long', params: { maximum: 20_000 } });
    expect(issues['body.participants']).toMatchObject({ code: 'too_big', params: { maximum: expect.any(Number) } });
    expect(issues.body).toMatchObject({ code: 'unknown_field', params: { keys: 'colour' } });
    for (const issue of Object.values(issues)) expect(issue.message).toMatch(/\w/);

    const typed = byPath(await issuesOf('POST', '/api/activities', { ...SEED_AFRICA_WORKSHOP, participants: 'many', offices: [] }));
    expect(typed['body.participants']).toMatchObject({ code: 'not_a_number', params: { value: 'many' } });
    expect(typed['body.offices']).toMatchObject({ code: 'too_few', params: { minimum: 1 }, message: 'needs at least one office' });
  });

  it('words the domain checks: an unknown office, an unreadable fuzzy date, an end before the start', async () => {
    const issues = byPath(
      await issuesOf('POST', '/api/activities', { ...SEED_AFRICA_WORKSHOP, offices: [{ office: 'atlantis', role: 'organised' }], date: { text: 'sometime soon' } }, http.users.focal.token),
    );
    expect(issues['body.offices.0.office']).toEqual({ path: 'body.offices.0.office', code: 'unknown_office', message: 'unknown office "atlantis"', params: { value: 'atlantis' } });
    expect(issues['body.date.text']).toEqual({ path: 'body.date.text', code: 'date_unreadable', message: 'cannot read "sometime soon" as a date', params: { value: 'sometime soon' } });

    const [backwards] = await issuesOf('POST', '/api/activities', { ...SEED_AFRICA_WORKSHOP, date: { start: '2020-03-05', end: '2020-03-02' } });
    expect(backwards).toMatchObject({ path: 'body.date', code: 'date_end_before_start', params: { start: '2020-03-05', end: '2020-03-02' } });
    const [noYear] = await issuesOf('POST', '/api/activities', { ...SEED_AFRICA_WORKSHOP, date: { text: '5 and 6 February' } });
    expect(noYear).toMatchObject({ path: 'body.date.text', code: 'date_no_year', params: { value: '5 and 6 February' } });
  });

  it('names every fault of a request at once: the shape and the register\'s own checks, on a create and on a change', async () => {
    const created = await issuesOf('POST', '/api/activities', {
      ...SEED_AFRICA_WORKSHOP,
      title: { en: '' },
      kind: 'party',
      offices: [{ office: 'atlantis', role: 'organised' }],
      date: { text: 'sometime soonish' },
    });
    expect(created.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['body.title.en', 'empty'],
        ['body.kind', expect.any(String)],
        ['body.offices.0.office', 'unknown_office'],
        ['body.date.text', expect.any(String)],
      ]),
    );
    // A field the schema refused is named once, for what the schema says.
    expect(created.filter((i) => i.path.startsWith('body.kind'))).toHaveLength(1);
    // The kind alone wrong: still a 400 naming it (the register's own checks once ran into the missing kind).
    const onlyKind = await issuesOf('POST', '/api/activities', { ...SEED_AFRICA_WORKSHOP, kind: 'party' });
    expect(onlyKind.map((i) => i.path)).toEqual(['body.kind']);

    const { activity } = http.data;
    const changed = await issuesOf('PATCH', `/api/activities/${activity.id}`, { version: activity.version, kind: 'party', bodies: ['SG99'], date: { text: 'whenever' } });
    expect(changed.map((i) => i.path)).toEqual(expect.arrayContaining(['body.kind', 'body.bodies.0', 'body.date.text']));
  });

  it('codes the query and the reports too', async () => {
    expect(await issuesOf('GET', '/api/activities?from=2020-05-01&to=2020-01-01')).toEqual([{ path: 'query.to', code: 'before_start', message: 'is before from', params: { value: '2020-01-01' } }]);
    expect(await issuesOf('GET', '/api/activities?office=atlantis')).toEqual([
      { path: 'query.office', code: 'unknown_office', message: 'unknown office "atlantis"', params: { value: 'atlantis' } },
    ]);
    expect((await issuesOf('GET', '/api/activities?from=yesterday'))[0]).toMatchObject({ path: 'query.from', code: 'not_a_date', params: { value: 'yesterday' } });
    expect((await issuesOf('GET', '/api/activities?limit=1000'))[0]).toMatchObject({ path: 'query.limit', code: 'too_big', params: { maximum: 200 } });

    const report = byPath(await issuesOf('POST', '/api/reports', { sector: 'ITU-X', from: '2020-01-01', to: '2020-08-31' }, http.users.focal.token));
    expect(report['body.sector']).toEqual({ path: 'body.sector', code: 'unknown_sector', message: 'unknown Sector "ITU-X"', params: { value: 'ITU-X' } });
    const group = byPath(await issuesOf('POST', '/api/reports', { sector: 'ITU-T', advisoryGroup: 'RAG', from: '2020-01-01', to: '2020-08-31' }, http.users.focal.token));
    expect(group['body.advisoryGroup']).toMatchObject({ code: 'not_an_advisory_group', params: { value: 'RAG', sector: 'ITU-T' } });
  });

  it('documents the problem and every code in the OpenAPI document', async () => {
    const doc = (await http.server.request('GET', '/api/openapi.json')).body;
    expect(doc.components.schemas.FieldIssue.properties.code.enum).toEqual(Object.keys(FIELD_ISSUE_CODES));
    expect(doc.components.schemas.FieldIssue.properties.code.description).toContain('`date_unreadable`: {value} cannot be read as a date');
    expect(doc.components.schemas.Problem.properties.errors.items).toEqual({ $ref: '#/components/schemas/FieldIssue' });
  });

  it('never quotes a password back', async () => {
    const res = await http.server.request('POST', '/api/session', { body: { email: 'x@example.org', password: 42 } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'body.password', code: 'not_text', message: expect.any(String) }]);
  });
});
