/**
 * Every route × every role (and anonymous) → the expected status. A route missing from the
 * matrix fails the test, so new routes must say who may use them.
 */
import { expect, it } from 'vitest';
import { createReportBody } from '#src/reports/schemas.ts';
import { createRoundBody } from '#src/rounds/schemas.ts';
import { createSeriesBody } from '#src/meetings/schemas.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity, SEED_AFRICA_WORKSHOP } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

type Caller = 'anonymous' | 'reader' | 'editor' | 'focal-point' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'reader', 'editor', 'focal-point', 'admin'];

interface Case {
  method: string;
  /** The route as registered. */
  route: string;
  /** The path actually requested. */
  path?: string;
  body?: () => unknown;
  /** The body's type when it is not JSON; a string body is then sent as it is. */
  contentType?: string;
  /** Per caller, a fresh fixture: the path and body to request. */
  setup?: (server: TestServer) => Promise<{ path: string; body?: unknown }>;
  expect: Record<Caller, number>;
}

const all = (status: number): Record<Caller, number> => ({ anonymous: status, reader: status, editor: status, 'focal-point': status, admin: status });
const signedIn = (status: number): Record<Caller, number> => ({ ...all(status), anonymous: 401 });
const officeWriters = (status: number): Record<Caller, number> => ({ anonymous: 401, reader: 403, editor: status, 'focal-point': status, admin: status });
const adminOnly = (status: number): Record<Caller, number> => ({ anonymous: 401, reader: 403, editor: 403, 'focal-point': 403, admin: status });
const reportWriters = (status: number): Record<Caller, number> => ({ anonymous: 401, reader: 403, editor: 403, 'focal-point': status, admin: status });
const REPORT = { sector: 'ITU-T', from: '2020-01-01', to: '2020-08-31' };
const buildReport = async (server: TestServer): Promise<string> =>
  (await server.database.fieldbook.services.reports.create({ kind: 'system', label: 'matrix' }, createReportBody.parse(REPORT))).definition.id;

/** The office's editors (and admins) write an office's contribution; focal points review it instead. */
const contributionWriters = (status: number): Record<Caller, number> => ({ anonymous: 401, reader: 403, editor: status, 'focal-point': 403, admin: status });
/** Comments are the review's: the round's reviewers and the office answering them. */
const commenters = (status: number): Record<Caller, number> => ({ anonymous: 401, reader: 403, editor: status, 'focal-point': status, admin: status });
const ROUND = { sector: 'ITU-T', meeting: 'TSAG', from: '2020-01-01', to: '2020-08-31', due: '2030-09-15', offices: ['addis-ababa'] };
type RoundStage = 'open' | 'closed' | 'started' | 'submitted' | 'accepted';
/** A fresh round asking addis-ababa (the matrix editor's office), its contribution at a stage; the path of the contribution. */
async function roundAt(server: TestServer, stage: RoundStage): Promise<{ code: string; contribution: string; version: number; roundVersion: number }> {
  const system = { kind: 'system', label: 'matrix' } as const;
  const { rounds } = server.database.fieldbook.services;
  const code = `matrix-${++unique}`;
  const round = await rounds.create(system, createRoundBody.parse({ ...ROUND, code }));
  let roundVersion = round.round.version;
  if (stage === 'closed') roundVersion = (await rounds.close(system, code, roundVersion)).round.version;
  let version = 1;
  if (stage === 'started' || stage === 'submitted' || stage === 'accepted') version = (await rounds.start(system, code, 'addis-ababa')).contribution.version;
  if (stage === 'submitted' || stage === 'accepted') version = (await rounds.submit(system, code, 'addis-ababa', { version })).contribution.version;
  if (stage === 'accepted') version = (await rounds.accept(system, code, 'addis-ababa', { version })).contribution.version;
  return { code, contribution: `/api/rounds/${code}/contributions/addis-ababa`, version, roundVersion };
}

const MATRIX_ACTOR = { kind: 'system', label: 'matrix' } as const;
/** A fresh reader account, as admins see it. */
async function matrixAccount(server: TestServer) {
  return server.database.fieldbook.services.accounts.invite(MATRIX_ACTOR, { email: `matrix-account-${++unique}@example.org`, role: 'reader' }).then((invited) => invited.user);
}

const MEETING_SERIES = { bureau: 'TSB', kind: 'regular-call', title: 'Matrix call', offices: ['addis-ababa'], rule: 'FREQ=WEEKLY;COUNT=2', startsLocal: '2030-06-04T14:00', timeZone: 'Europe/Zurich' };
const MEETING_MINUTES = { items: [{ agendaItemId: null, title: 'Matrix', notes: 'Noted.', decisions: [] }] };
/** A fresh series of addis-ababa (the matrix editor's office) and one of its meetings: to come, held, or held with draft minutes. */
async function meetingAt(server: TestServer, stage: 'upcoming' | 'past' | 'minuted'): Promise<{ code: string; id: string; version: number }> {
  const { meetings } = server.database.fieldbook.services;
  const code = `matrix-meeting-${++unique}`;
  const startsLocal = stage === 'upcoming' ? `${new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)}T14:00` : '2020-06-02T14:00';
  await meetings.createSeries(MATRIX_ACTOR, createSeriesBody.parse({ ...MEETING_SERIES, code, startsLocal }));
  const [first] = await meetings.listSeriesOccurrences(MATRIX_ACTOR, code);
  if (!first) throw new Error('no occurrence');
  let version = first.occurrence.version;
  if (stage === 'minuted') version = (await meetings.saveMinutes(MATRIX_ACTOR, first.occurrence.id, { version, minutes: MEETING_MINUTES })).occurrence.version;
  return { code, id: first.occurrence.id, version };
}

let unique = 0;
/** The seed's workshop (addis-ababa, the matrix editor's office) and the same workshop recorded at headquarters: their ids. */
async function duplicatePair(server: TestServer): Promise<[string, string]> {
  const mine = await buildActivity(server);
  const theirs = await buildActivity(server, { offices: [{ office: 'geneva', role: 'organised' }] });
  return [mine.id, theirs.id];
}

/** Offices, bodies and positions are changed by admins and focal points (decision 23; issue 21). */
const registryWriters = (status: number): Record<Caller, number> => ({ anonymous: 401, reader: 403, editor: 403, 'focal-point': status, admin: status });
const MATRIX_OFFICE = {
  kind: 'area',
  region: 'ASP',
  parent: 'bangkok',
  name: { en: 'Matrix office' },
  city: { en: 'Matrix' },
  country: 'TH',
  coordinates: { lat: 13.7, lon: 100.5 },
  countriesCovered: null,
  coverageConfirmed: false,
  openedOn: null,
  closedOn: null,
  confirmed: false,
};
const MATRIX_BODY = { type: 'study-group', name: { en: 'Matrix study group' }, parent: 'ITU-T', region: null, aliases: [], from: null, to: null, confirmed: false };
const MATRIX_POSITION = { body: 'SG12', studyPeriod: '2025-2028', role: 'vice-chair', status: 'vacant', holder: null, source: null, confirmed: false };
/** A fresh vacant vice-chair of SG12 in 2025-2028; its id. */
async function matrixPosition(server: TestServer): Promise<string> {
  const view = await server.database.fieldbook.services.vacancies.createPosition(MATRIX_ACTOR, { ...MATRIX_POSITION, role: 'vice-chair', status: 'vacant', label: `p${++unique}` });
  return encodeURIComponent(view.position.id);
}

const MATRIX: Case[] = [
  { method: 'GET', route: '/api/health', expect: all(200) },
  { method: 'GET', route: '/api/openapi.json', expect: all(200) },
  // The staff workspace's page is public; what it shows comes from the API, which checks access.
  { method: 'GET', route: '/app', expect: all(200) },
  { method: 'GET', route: '/app/*', path: '/app/activities/new', expect: all(200) },
  { method: 'GET', route: '/api/docs', expect: all(200) },
  { method: 'GET', route: '/api/regions', expect: all(200) },
  { method: 'GET', route: '/api/offices', expect: all(200) },
  { method: 'GET', route: '/api/offices/:code', path: '/api/offices/cairo', expect: all(200) },
  { method: 'GET', route: '/api/bodies', expect: all(200) },
  { method: 'GET', route: '/api/bodies/:code', path: '/api/bodies/TSB', expect: all(200) },
  { method: 'GET', route: '/api/presence', expect: all(200) },
  // The registry kept in the workspace (decision 23): admins and focal points write, the signed-in read its records and history.
  {
    method: 'POST',
    route: '/api/offices',
    body: () => ({ ...MATRIX_OFFICE, code: `matrix-office-${++unique}` }),
    expect: registryWriters(201),
  },
  { method: 'GET', route: '/api/offices/:code/record', path: '/api/offices/cairo/record', expect: signedIn(200) },
  { method: 'GET', route: '/api/offices/:code/history', path: '/api/offices/cairo/history', expect: signedIn(200) },
  {
    method: 'PATCH',
    route: '/api/offices/:code',
    setup: async (server) => ({ path: '/api/offices/jakarta', body: { version: (await server.database.fieldbook.services.registry.officeRecord(MATRIX_ACTOR, 'jakarta')).mark.version, note: `matrix ${++unique}` } }),
    expect: registryWriters(200),
  },
  {
    method: 'POST',
    route: '/api/offices/:code/heads',
    path: '/api/offices/jakarta/heads',
    body: () => ({ person: { honorific: null, name: `Matrix Head ${++unique}` }, title: null, from: null, to: null, source: 'matrix', confirmed: false }),
    expect: registryWriters(201),
  },
  {
    method: 'PATCH',
    route: '/api/offices/:code/heads/:id',
    setup: async (server) => {
      const record = await server.database.fieldbook.services.registry.addHead(MATRIX_ACTOR, 'dakar', { person: { honorific: null, name: `Matrix Head ${++unique}` }, title: null, from: null, to: null, source: 'matrix', confirmed: false });
      const head = record.details.assignments.at(-1)!;
      return { path: `/api/offices/dakar/heads/${head.id}`, body: { version: 1, to: '2030-01-01' } };
    },
    expect: registryWriters(200),
  },
  { method: 'POST', route: '/api/bodies', body: () => ({ ...MATRIX_BODY, code: `MATRIX${++unique}` }), expect: registryWriters(201) },
  { method: 'GET', route: '/api/bodies/:code/record', path: '/api/bodies/SG12/record', expect: signedIn(200) },
  { method: 'GET', route: '/api/bodies/:code/history', path: '/api/bodies/SG12/history', expect: signedIn(200) },
  {
    method: 'PATCH',
    route: '/api/bodies/:code',
    setup: async (server) => ({ path: '/api/bodies/SG13', body: { version: (await server.database.fieldbook.services.registry.bodyRecord(MATRIX_ACTOR, 'SG13')).mark.version, note: `matrix ${++unique}` } }),
    expect: registryWriters(200),
  },
  // Vacancies and nominations: nothing public; bureau staff keep positions, an office's editors record its outreach and nominations.
  { method: 'GET', route: '/api/positions', expect: signedIn(200) },
  { method: 'POST', route: '/api/positions', body: () => ({ ...MATRIX_POSITION, label: `m${++unique}` }), expect: registryWriters(201) },
  { method: 'GET', route: '/api/positions/:id', setup: async (server) => ({ path: `/api/positions/${await matrixPosition(server)}` }), expect: signedIn(200) },
  { method: 'GET', route: '/api/positions/:id/history', setup: async (server) => ({ path: `/api/positions/${await matrixPosition(server)}/history` }), expect: signedIn(200) },
  {
    method: 'PATCH',
    route: '/api/positions/:id',
    setup: async (server) => ({ path: `/api/positions/${await matrixPosition(server)}`, body: { version: 1, status: 'unknown' } }),
    expect: registryWriters(200),
  },
  { method: 'GET', route: '/api/outreach', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/outreach',
    body: () => ({ office: 'addis-ababa', country: 'KE', kind: 'consulted', body: 'SG12', studyPeriod: '2025-2028', on: '2024-06-03' }),
    expect: officeWriters(201),
  },
  { method: 'GET', route: '/api/nominations', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/nominations',
    setup: async (server) => ({ path: '/api/nominations', body: { office: 'addis-ababa', country: 'KE', position: await matrixPosition(server), candidate: 'Matrix', on: '2024-06-03' } }),
    expect: officeWriters(201),
  },
  {
    method: 'PATCH',
    route: '/api/nominations/:id',
    setup: async (server) => {
      const nomination = await server.database.fieldbook.services.vacancies.recordNomination(MATRIX_ACTOR, { office: 'addis-ababa', country: 'KE', position: await matrixPosition(server), candidate: 'Matrix', on: '2024-06-03', state: 'proposed' });
      return { path: `/api/nominations/${nomination.id}`, body: { version: 1, state: 'withdrawn' } };
    },
    expect: officeWriters(200),
  },
  { method: 'GET', route: '/api/vacancies/overview', expect: signedIn(200) },
  { method: 'POST', route: '/api/session', body: () => ({ email: 'nobody@example.org', password: 'wrong password' }), expect: all(401) },
  { method: 'GET', route: '/api/session', expect: all(200) },
  { method: 'DELETE', route: '/api/session', expect: all(204) },
  { method: 'GET', route: '/api/me/preferences', expect: signedIn(200) },
  { method: 'PATCH', route: '/api/me/preferences', body: () => ({ language: 'fr' }), expect: signedIn(200) },
  { method: 'GET', route: '/api/mail/outbox', expect: adminOnly(200) },
  { method: 'GET', route: '/api/tokens', expect: signedIn(200) },
  { method: 'POST', route: '/api/tokens', body: () => ({ name: 'matrix' }), expect: signedIn(201) },
  { method: 'DELETE', route: '/api/tokens/:id', path: '/api/tokens/00000000-0000-4000-8000-000000000000', expect: signedIn(404) },
  { method: 'GET', route: '/api/users', expect: adminOnly(200) },
  {
    method: 'POST',
    route: '/api/users',
    body: () => ({ email: `matrix-${++unique}@example.org`, role: 'reader' }),
    expect: adminOnly(201),
  },
  {
    method: 'POST',
    route: '/api/users/invitations',
    body: () => ({ email: `matrix-${++unique}@example.org`, role: 'reader' }),
    expect: adminOnly(201),
  },
  { method: 'GET', route: '/api/users/:id', setup: async (server) => ({ path: `/api/users/${(await matrixAccount(server)).id}` }), expect: adminOnly(200) },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    setup: async (server) => {
      const account = await matrixAccount(server);
      return { path: `/api/users/${account.id}`, body: { version: account.version, role: 'reader' } };
    },
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    route: '/api/users/:id/disable',
    setup: async (server) => {
      const account = await matrixAccount(server);
      return { path: `/api/users/${account.id}/disable`, body: { version: account.version } };
    },
    expect: adminOnly(200),
  },
  {
    method: 'POST',
    route: '/api/users/:id/enable',
    setup: async (server) => {
      const account = await matrixAccount(server);
      return { path: `/api/users/${account.id}/enable`, body: { version: account.version } };
    },
    expect: adminOnly(200),
  },
  { method: 'POST', route: '/api/users/:id/password-reset', setup: async (server) => ({ path: `/api/users/${(await matrixAccount(server)).id}/password-reset` }), expect: adminOnly(200) },
  { method: 'GET', route: '/api/users/:id/tokens', setup: async (server) => ({ path: `/api/users/${(await matrixAccount(server)).id}/tokens` }), expect: adminOnly(200) },
  // Anyone holding a link may use it; without one it is "not found" to everybody alike.
  { method: 'POST', route: '/api/password-links/check', body: () => ({ token: 'not-a-link' }), expect: all(404) },
  { method: 'POST', route: '/api/password-links/use', body: () => ({ token: 'not-a-link', password: 'a long enough passphrase' }), expect: all(404) },
  // The current password is wrong for everybody here; what matters is who gets that far.
  { method: 'PUT', route: '/api/me/password', body: () => ({ currentPassword: 'not the password', newPassword: 'a long enough passphrase' }), expect: signedIn(400) },
  {
    method: 'DELETE',
    route: '/api/tokens/:id',
    setup: async (server) => ({ path: `/api/tokens/${(await server.database.fieldbook.services.auth.createTokenFor(MATRIX_ACTOR, (await matrixAccount(server)).email, 'matrix')).token.id}` }),
    expect: { ...signedIn(404), admin: 204 },
  },
  { method: 'GET', route: '/api/activities', expect: all(200) },
  // The editor's office is addis-ababa, the office of every fixture activity.
  { method: 'POST', route: '/api/activities', body: () => SEED_AFRICA_WORKSHOP, expect: officeWriters(201) },
  {
    method: 'POST',
    route: '/api/activities/import',
    contentType: 'text/csv',
    body: () => `title,original_language,kind,offices,date_text\r\nMatrix import ${++unique},en,workshop,addis-ababa:organised,May 2021\r\n`,
    expect: officeWriters(201),
  },
  {
    method: 'POST',
    route: '/api/activities/import/preview',
    contentType: 'text/csv',
    body: () => `Titre,Langue,Type,Bureaux,Date\r\nMatrix preview,fr,workshop,addis-ababa:organised,mai 2021\r\n`,
    expect: officeWriters(200),
  },
  // The template holds no data: anyone may have it.
  { method: 'GET', route: '/api/activities/import/template', path: '/api/activities/import/template?lang=fr', expect: all(200) },
  {
    method: 'GET',
    route: '/api/activities/:id',
    setup: async (server) => ({ path: `/api/activities/${(await buildActivity(server)).id}` }),
    expect: all(200),
  },
  {
    method: 'PATCH',
    route: '/api/activities/:id',
    setup: async (server) => ({ path: `/api/activities/${(await buildActivity(server)).id}`, body: { version: 1, status: 'cancelled' } }),
    expect: officeWriters(200),
  },
  {
    method: 'DELETE',
    route: '/api/activities/:id',
    setup: async (server) => ({ path: `/api/activities/${(await buildActivity(server)).id}` }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/activities/:id/restore',
    setup: async (server) => {
      const activity = await buildActivity(server);
      await server.database.fieldbook.services.activities.remove({ kind: 'system', label: 'matrix' }, activity.id);
      return { path: `/api/activities/${activity.id}/restore` };
    },
    // A deleted activity does not exist for anonymous callers.
    expect: { ...officeWriters(200), anonymous: 404 },
  },
  {
    method: 'GET',
    route: '/api/activities/:id/history',
    setup: async (server) => ({ path: `/api/activities/${(await buildActivity(server)).id}/history` }),
    expect: signedIn(200),
  },
  { method: 'POST', route: '/api/reports', body: () => REPORT, expect: reportWriters(201) },
  { method: 'GET', route: '/api/reports', expect: signedIn(200) },
  { method: 'GET', route: '/api/reports/:id', setup: async (server) => ({ path: `/api/reports/${await buildReport(server)}` }), expect: signedIn(200) },
  {
    method: 'PATCH',
    route: '/api/reports/:id',
    setup: async (server) => ({ path: `/api/reports/${await buildReport(server)}`, body: { version: 1, header: { title: 'Matrix' } } }),
    expect: reportWriters(200),
  },
  { method: 'GET', route: '/api/offices/:code/due', path: '/api/offices/addis-ababa/due', expect: signedIn(200) },
  { method: 'GET', route: '/api/reports/:id.:format', setup: async (server) => ({ path: `/api/reports/${await buildReport(server)}.md` }), expect: signedIn(200) },
  { method: 'GET', route: '/api/rounds', expect: signedIn(200) },
  { method: 'POST', route: '/api/rounds', body: () => ({ ...ROUND, code: `matrix-new-${++unique}` }), expect: reportWriters(201) },
  { method: 'GET', route: '/api/rounds/:code', setup: async (server) => ({ path: `/api/rounds/${(await roundAt(server, 'open')).code}` }), expect: signedIn(200) },
  {
    method: 'PATCH',
    route: '/api/rounds/:code',
    setup: async (server) => ({ path: `/api/rounds/${(await roundAt(server, 'open')).code}`, body: { version: 1, meeting: 'TSAG, Geneva' } }),
    expect: reportWriters(200),
  },
  { method: 'POST', route: '/api/rounds/:code/close', setup: async (server) => ({ path: `/api/rounds/${(await roundAt(server, 'open')).code}/close`, body: { version: 1 } }), expect: reportWriters(200) },
  {
    method: 'POST',
    route: '/api/rounds/:code/reopen',
    setup: async (server) => {
      const round = await roundAt(server, 'closed');
      return { path: `/api/rounds/${round.code}/reopen`, body: { version: round.roundVersion } };
    },
    expect: reportWriters(200),
  },
  { method: 'GET', route: '/api/rounds/:code/board', setup: async (server) => ({ path: `/api/rounds/${(await roundAt(server, 'open')).code}/board` }), expect: signedIn(200) },
  { method: 'GET', route: '/api/rounds/:code/contributions/:office', setup: async (server) => ({ path: (await roundAt(server, 'open')).contribution }), expect: signedIn(200) },
  { method: 'POST', route: '/api/rounds/:code/contributions/:office/start', setup: async (server) => ({ path: `${(await roundAt(server, 'open')).contribution}/start` }), expect: contributionWriters(200) },
  {
    method: 'PUT',
    route: '/api/rounds/:code/contributions/:office/content',
    setup: async (server) => {
      const round = await roundAt(server, 'started');
      return { path: `${round.contribution}/content`, body: { version: round.version, content: { language: 'en', blocks: [{ id: 'p', kind: 'paragraph', text: 'Matrix.', activities: [] }] } } };
    },
    expect: contributionWriters(200),
  },
  ...(['submit', 'request-changes', 'accept', 'reopen'] as const).map(
    (action): Case => ({
      method: 'POST',
      route: `/api/rounds/:code/contributions/:office/${action}`,
      setup: async (server) => {
        const round = await roundAt(server, action === 'submit' ? 'started' : action === 'reopen' ? 'accepted' : 'submitted');
        return { path: `${round.contribution}/${action}`, body: { version: round.version, comment: 'Matrix.' } };
      },
      expect: action === 'submit' ? contributionWriters(200) : reportWriters(200),
    }),
  ),
  {
    method: 'POST',
    route: '/api/rounds/:code/contributions/:office/comments',
    setup: async (server) => ({ path: `${(await roundAt(server, 'submitted')).contribution}/comments`, body: { itemId: null, text: 'Matrix.' } }),
    expect: commenters(201),
  },
  {
    method: 'POST',
    route: '/api/rounds/:code/contributions/:office/comments/:id/resolve',
    setup: async (server) => {
      const round = await roundAt(server, 'submitted');
      const comment = await server.database.fieldbook.services.rounds.addComment({ kind: 'system', label: 'matrix' }, round.code, 'addis-ababa', { itemId: null, text: 'Matrix.' });
      return { path: `${round.contribution}/comments/${comment.id}/resolve` };
    },
    expect: commenters(200),
  },
  { method: 'GET', route: '/api/me/contributions', expect: signedIn(200) },
  { method: 'GET', route: '/api/rounds/:code/report.:format', setup: async (server) => ({ path: `/api/rounds/${(await roundAt(server, 'open')).code}/report.md?draft=true` }), expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/rounds/:code/contributions/:office/preview',
    setup: async (server) => ({ path: `${(await roundAt(server, 'open')).contribution}/preview`, body: { content: { language: 'en', blocks: [{ id: 'p', kind: 'paragraph', text: 'Matrix.', activities: [] }] } } }),
    expect: signedIn(200),
  },
  { method: 'GET', route: '/api/imports', expect: { ...signedIn(200) } },
  {
    method: 'POST',
    route: '/api/imports',
    // Multipart bodies are tested in imports.test.ts; without one every writer gets 400, after access.
    body: () => ({}),
    expect: { anonymous: 400, reader: 400, editor: 400, 'focal-point': 400, admin: 400 },
  },
  { method: 'GET', route: '/api/imports/:id', setup: async (server) => ({ path: `/api/imports/${await importBatch(server)}` }), expect: signedIn(200) },
  { method: 'GET', route: '/api/imports/:id/duplicates', setup: async (server) => ({ path: `/api/imports/${await importBatch(server)}/duplicates` }), expect: signedIn(200) },
  {
    method: 'PATCH',
    route: '/api/imports/:id/proposals/:position',
    setup: async (server) => ({ path: `/api/imports/${await importBatch(server)}/proposals/0`, body: { version: 1, title: 'Edited' } }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/proposals/:position/accept',
    setup: async (server) => ({ path: `/api/imports/${await importBatch(server)}/proposals/0/accept` }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/proposals/:position/reject',
    setup: async (server) => ({ path: `/api/imports/${await importBatch(server)}/proposals/0/reject` }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/proposals/:position/reopen',
    setup: async (server) => ({ path: `/api/imports/${await importBatch(server)}/proposals/0/reopen` }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/accept-all',
    setup: async (server) => ({ path: `/api/imports/${await importBatch(server)}/accept-all` }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/reject-all',
    setup: async (server) => ({ path: `/api/imports/${await importBatch(server)}/reject-all` }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/proposals/:position/link',
    setup: async (server) => ({ path: `/api/imports/${await importMatched(server)}/proposals/0/link`, body: { version: 1 } }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/proposals/:position/merge',
    setup: async (server) => ({ path: `/api/imports/${await importMatched(server)}/proposals/0/merge`, body: { version: 1 } }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/passages/:position/propose',
    setup: async (server) => ({ path: `/api/imports/${await importNotes(server)}/passages/0/propose`, body: { version: 0 } }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/passages/dismiss-open',
    setup: async (server) => ({ path: `/api/imports/${await importNotes(server)}/passages/dismiss-open` }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/passages/:position/dismiss',
    setup: async (server) => ({ path: `/api/imports/${await importNotes(server)}/passages/0/dismiss`, body: { version: 0 } }),
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/imports/:id/passages/:position/restore',
    setup: async (server) => {
      const id = await importNotes(server);
      await server.database.fieldbook.services.imports.setPassageDismissed({ kind: 'system', label: 'matrix' }, id, 0, 0, true);
      return { path: `/api/imports/${id}/passages/0/restore`, body: { version: 1 } };
    },
    expect: officeWriters(200),
  },
  // The plans: public documents anyone reads; focal points of the plan's Sector (TSB: ITU-T) and admins edit them.
  { method: 'GET', route: '/api/plans', expect: all(200) },
  { method: 'GET', route: '/api/plans/:code', path: '/api/plans/T-2020', expect: all(200) },
  { method: 'GET', route: '/api/plans/items', path: '/api/plans/items?q=CIS3', expect: all(200) },
  { method: 'GET', route: '/api/plans/items/:id', path: '/api/plans/items/WTDC-17:initiative:CIS3', expect: all(200) },
  { method: 'GET', route: '/api/plans/items/:id/history', path: '/api/plans/items/T-2020:output:T.2-1/history', expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/plans/:code/items',
    path: '/api/plans/T-2020/items',
    body: () => ({ level: 'output', label: `T.2-${100 + ++unique}`, parent: 'T-2020:objective:T.2', title: { en: 'Regional standardization forums' } }),
    expect: reportWriters(201),
  },
  {
    method: 'PATCH',
    route: '/api/plans/items/:id',
    setup: async (server) => ({ path: `/api/plans/items/${(await matrixPlanItem(server)).id}`, body: { version: 1, title: { en: 'Renamed' } } }),
    expect: reportWriters(200),
  },
  {
    method: 'POST',
    route: '/api/plans/:code/copy-forward',
    setup: async (server) => ({ path: `/api/plans/${await matrixPlanYear(server)}/copy-forward` }),
    expect: reportWriters(201),
  },
  // The offices' plan contributions (decision 26): anyone reads what the office page shows; the office's editors (addis-ababa),
  // focal points of the Sector's bureau (TSB: ITU-T) and admins write them.
  { method: 'GET', route: '/api/offices/:code/plan-contributions/:year', path: '/api/offices/addis-ababa/plan-contributions/2020', expect: all(200) },
  { method: 'GET', route: '/api/offices/:code/plan-contributions/:year/:sector', path: '/api/offices/addis-ababa/plan-contributions/2020/ITU-T', expect: all(200) },
  {
    method: 'PUT',
    route: '/api/offices/:code/plan-contributions/:year/:sector',
    setup: async (server) => ({
      path: '/api/offices/addis-ababa/plan-contributions/2030/ITU-T',
      body: { version: (await server.database.fieldbook.services.annualPlans.get(MATRIX_ACTOR, 'addis-ababa', 'ITU-T', 2030)).contribution.version, entries: [] },
    }),
    expect: officeWriters(200),
  },
  { method: 'GET', route: '/api/offices/:code/plan-contributions/:year/:sector/history', path: '/api/offices/addis-ababa/plan-contributions/2020/ITU-T/history', expect: signedIn(200) },
  { method: 'GET', route: '/api/offices/:code/annual-plan/:year.:format', path: '/api/offices/addis-ababa/annual-plan/2020.md', expect: all(200) },
  // The public site and its feeds: the same for everyone (pages read the register anonymously).
  { method: 'GET', route: '/', expect: all(200) },
  { method: 'GET', route: '/site.css', expect: all(200) },
  { method: 'GET', route: '/favicon.svg', expect: all(200) },
  { method: 'GET', route: '/favicon.ico', expect: all(200) },
  { method: 'GET', route: '/calendar.ics', expect: all(200) },
  { method: 'GET', route: '/:lang', path: '/en', expect: all(200) },
  { method: 'GET', route: '/:lang/', path: '/en/', expect: all(200) },
  { method: 'GET', route: '/:lang/*', path: '/en/no-such-page', expect: all(404) },
  { method: 'GET', route: '/:lang/regions/:code', path: '/fr/regions/AFR', expect: all(200) },
  { method: 'GET', route: '/:lang/regions/:code/calendar.ics', path: '/fr/regions/AFR/calendar.ics', expect: all(200) },
  { method: 'GET', route: '/:lang/offices/:code', path: '/ar/offices/cairo', expect: all(200) },
  { method: 'GET', route: '/:lang/offices/:code/calendar.ics', path: '/ar/offices/cairo/calendar.ics', expect: all(200) },
  { method: 'GET', route: '/:lang/events', path: '/en/events', expect: all(200) },
  { method: 'GET', route: '/:lang/events.ics', path: '/en/events.ics', expect: all(200) },
  { method: 'GET', route: '/:lang/events.atom', path: '/en/events.atom', expect: all(200) },
  { method: 'GET', route: '/:lang/events.json', path: '/en/events.json', expect: all(200) },
  { method: 'GET', route: '/:lang/years/:year', path: '/ar/years/2020', expect: all(200) },
  { method: 'GET', route: '/:lang/open-data', path: '/es/open-data', expect: all(200) },
  // Counts as the caller may see them: anyone may ask (internal activities counted for staff only).
  { method: 'GET', route: '/api/statistics/activities-per-month', path: '/api/statistics/activities-per-month?year=2020', expect: all(200) },
  { method: 'GET', route: '/api/statistics/activities-per-month.svg', path: '/api/statistics/activities-per-month.svg?year=2020&lang=ar', expect: all(200) },
  // The plans' coverage: anyone may ask (internal activities counted for staff only); the site's summary counts public ones for all.
  { method: 'GET', route: '/api/coverage', path: '/api/coverage?sector=ITU-T&year=2020', expect: all(200) },
  { method: 'GET', route: '/api/coverage/heatmap.svg', path: '/api/coverage/heatmap.svg?sector=ITU-T&year=2020&lang=ar', expect: all(200) },
  { method: 'GET', route: '/:lang/plans/:sector/:year/coverage', path: '/ar/plans/ITU-T/2020/coverage', expect: all(200) },
  // Open data: the public register for anyone (at least one public dated activity, made here).
  {
    method: 'GET',
    route: '/open-data/iati.xml',
    setup: async (server) => {
      await buildActivity(server);
      return { path: '/open-data/iati.xml' };
    },
    expect: all(200),
  },
  {
    method: 'GET',
    route: '/:lang/events/:id',
    setup: async (server) => ({ path: `/en/events/${(await buildActivity(server)).id}` }),
    expect: all(200),
  },
  {
    method: 'GET',
    route: '/:lang/events/:id/calendar.ics',
    setup: async (server) => ({ path: `/en/events/${(await buildActivity(server)).id}/calendar.ics` }),
    expect: all(200),
  },
  // Duplicate warnings: every staff member may check a draft; focal points see and decide every pair, an editor pairs with an activity of their office.
  { method: 'POST', route: '/api/activities/duplicates', body: () => SEED_AFRICA_WORKSHOP, expect: signedIn(200) },
  { method: 'GET', route: '/api/duplicates', path: '/api/duplicates?from=2020-03-01&to=2020-03-31', expect: reportWriters(200) },
  {
    method: 'POST',
    route: '/api/duplicates/decisions',
    setup: async (server) => {
      const [mine, theirs] = await duplicatePair(server);
      return { path: '/api/duplicates/decisions', body: { activities: [mine, theirs], state: 'kept_apart', reason: 'Matrix.' } };
    },
    expect: officeWriters(200),
  },
  {
    method: 'POST',
    route: '/api/duplicates/links',
    setup: async (server) => {
      const [mine, theirs] = await duplicatePair(server);
      return { path: '/api/duplicates/links', body: { keep: mine, merge: theirs } };
    },
    expect: reportWriters(200),
  },
  // ---- coordination meetings: the bureau's focal points manage, office editors keep their part, readers read, nothing public ----
  { method: 'GET', route: '/api/meetings/series', expect: signedIn(200) },
  { method: 'POST', route: '/api/meetings/series', body: () => ({ ...MEETING_SERIES, code: `matrix-new-${++unique}` }), expect: reportWriters(201) },
  { method: 'GET', route: '/api/meetings/series/:code', setup: async (server) => ({ path: `/api/meetings/series/${(await meetingAt(server, 'upcoming')).code}` }), expect: signedIn(200) },
  { method: 'PATCH', route: '/api/meetings/series/:code', setup: async (server) => ({ path: `/api/meetings/series/${(await meetingAt(server, 'upcoming')).code}`, body: { version: 1, title: 'Matrix call' } }), expect: reportWriters(200) },
  { method: 'GET', route: '/api/meetings/series/:code/occurrences', setup: async (server) => ({ path: `/api/meetings/series/${(await meetingAt(server, 'upcoming')).code}/occurrences` }), expect: signedIn(200) },
  { method: 'GET', route: '/api/meetings/occurrences', expect: signedIn(200) },
  { method: 'GET', route: '/api/meetings/occurrences/:id', setup: async (server) => ({ path: `/api/meetings/occurrences/${(await meetingAt(server, 'upcoming')).id}` }), expect: signedIn(200) },
  {
    method: 'POST',
    route: '/api/meetings/occurrences/:id/move',
    setup: async (server) => {
      const at = await meetingAt(server, 'upcoming');
      return { path: `/api/meetings/occurrences/${at.id}/move`, body: { version: at.version, startAt: '2031-01-01T10:00:00Z' } };
    },
    expect: reportWriters(200),
  },
  {
    method: 'POST',
    route: '/api/meetings/occurrences/:id/cancel',
    setup: async (server) => {
      const at = await meetingAt(server, 'upcoming');
      return { path: `/api/meetings/occurrences/${at.id}/cancel`, body: { version: at.version } };
    },
    expect: reportWriters(200),
  },
  {
    method: 'POST',
    route: '/api/meetings/occurrences/:id/agenda/draft',
    setup: async (server) => {
      const at = await meetingAt(server, 'upcoming');
      return { path: `/api/meetings/occurrences/${at.id}/agenda/draft`, body: { version: at.version } };
    },
    expect: reportWriters(200),
  },
  {
    method: 'PUT',
    route: '/api/meetings/occurrences/:id/agenda',
    setup: async (server) => {
      const at = await meetingAt(server, 'upcoming');
      return { path: `/api/meetings/occurrences/${at.id}/agenda`, body: { version: at.version, agenda: { items: [{ id: 'chair:1', kind: 'chair', office: null, title: 'Matrix', points: [] }] } } };
    },
    expect: reportWriters(200),
  },
  {
    method: 'PUT',
    route: '/api/meetings/occurrences/:id/minutes',
    setup: async (server) => {
      const at = await meetingAt(server, 'past');
      return { path: `/api/meetings/occurrences/${at.id}/minutes`, body: { version: at.version, minutes: MEETING_MINUTES } };
    },
    expect: reportWriters(200),
  },
  {
    method: 'POST',
    route: '/api/meetings/occurrences/:id/minutes/approve',
    setup: async (server) => {
      const at = await meetingAt(server, 'minuted');
      return { path: `/api/meetings/occurrences/${at.id}/minutes/approve`, body: { version: at.version } };
    },
    expect: reportWriters(200),
  },
  { method: 'GET', route: '/api/meetings/occurrences/:id/minutes.:format', setup: async (server) => ({ path: `/api/meetings/occurrences/${(await meetingAt(server, 'minuted')).id}/minutes.md` }), expect: signedIn(200) },
  { method: 'PUT', route: '/api/meetings/occurrences/:id/attendance/:office', setup: async (server) => ({ path: `/api/meetings/occurrences/${(await meetingAt(server, 'past')).id}/attendance/addis-ababa`, body: { state: 'present' } }), expect: officeWriters(200) },
  {
    method: 'POST',
    route: '/api/meetings/occurrences/:id/actions',
    setup: async (server) => ({ path: `/api/meetings/occurrences/${(await meetingAt(server, 'past')).id}/actions`, body: { text: 'Matrix action', ownerOffice: 'addis-ababa', due: '2030-01-01' } }),
    expect: reportWriters(201),
  },
  { method: 'GET', route: '/api/meetings/actions', expect: signedIn(200) },
  {
    method: 'PATCH',
    route: '/api/meetings/actions/:id',
    setup: async (server) => {
      const at = await meetingAt(server, 'past');
      const item = await server.database.fieldbook.services.meetings.createAction(MATRIX_ACTOR, at.id, { text: 'Matrix action', ownerOffice: 'addis-ababa', ownerUserId: null, due: '2030-01-01', agendaItem: null, links: [] });
      return { path: `/api/meetings/actions/${item.id}`, body: { version: item.version, status: 'done' } };
    },
    expect: officeWriters(200),
  },
  // ---- director briefings: the bureau's focal points (and admins) generate, note and send; signed-in staff read; nothing public ----
  { method: 'GET', route: '/api/briefings', expect: signedIn(200) },
  { method: 'POST', route: '/api/briefings', body: () => ({ bureau: 'TSB', period: `${2300 + ++unique}-01` }), expect: reportWriters(201) },
  { method: 'GET', route: '/api/briefings/:id', setup: async (server) => ({ path: `/api/briefings/${await briefingAt(server)}` }), expect: signedIn(200) },
  { method: 'GET', route: '/api/briefings/:id/briefing.:format', setup: async (server) => ({ path: `/api/briefings/${await briefingAt(server)}/briefing.md` }), expect: signedIn(200) },
  { method: 'PUT', route: '/api/briefings/:id/note', setup: async (server) => ({ path: `/api/briefings/${await briefingAt(server)}/note`, body: { version: 1, note: 'Matrix note' } }), expect: reportWriters(200) },
  { method: 'POST', route: '/api/briefings/:id/send', setup: async (server) => ({ path: `/api/briefings/${await briefingAt(server)}/send`, body: { version: 1 } }), expect: reportWriters(200) },
  { method: 'GET', route: '/api/briefings/directors', expect: signedIn(200) },
  { method: 'PUT', route: '/api/briefings/directors/:bureau', path: '/api/briefings/directors/TSB', body: () => ({ userId: null }), expect: reportWriters(200) },
];

/** A fresh draft briefing of TSB for a month of its own; its id. */
async function briefingAt(server: TestServer): Promise<string> {
  const { details } = await server.database.fieldbook.services.briefings.generate(MATRIX_ACTOR, { bureau: 'TSB', period: `${2500 + ++unique}-01` });
  return details.briefing.id;
}

/** A fresh output of ITU-T's plan for 2020, at version 1. */
async function matrixPlanItem(server: TestServer) {
  return server.database.fieldbook.services.plans.addItem(MATRIX_ACTOR, 'T-2020', {
    level: 'output',
    label: `T.4-${100 + ++unique}`,
    parent: 'T-2020:objective:T.4',
    title: { en: 'Matrix output' },
  });
}

/** A fresh ITU-T plan year with no successor yet, as the seed would load it; its code. */
async function matrixPlanYear(server: TestServer): Promise<string> {
  const year = 2200 - ++unique * 2;
  const code = `T-${year}`;
  const at = new Date().toISOString();
  await server.database.fieldbook.services.plans.loadReference(MATRIX_ACTOR, {
    plans: [{ code, kind: 'operational', sector: 'ITU-T', year, from: year, to: year + 3, names: { en: `ITU-T operational plan ${year}-${year + 3}` }, copiedFrom: null, confirmed: false, source: null, version: 1, updatedAt: at, updatedBy: 'matrix' }],
    items: [],
  });
  return code;
}

let importCount = 0;
/** A fresh batch holding one addis-ababa proposal (the office of the matrix's editor). */
async function importBatch(server: TestServer): Promise<string> {
  const text = `4\tAfrica – Regional Office for Africa\nThe Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege.\n1\tWorkshop number ${++importCount} held in Abuja, Nigeria, 3 and 4 February 2020.\n`;
  const batch = await server.database.fieldbook.services.imports.importDocument({ kind: 'system', label: 'matrix' }, { name: `m${importCount}.txt`, bytes: Buffer.from(text) });
  return batch.batch.id;
}

/** A fresh batch whose one addis-ababa proposal repeats an activity an earlier batch put in the register. */
async function importMatched(server: TestServer): Promise<string> {
  const { imports } = server.database.fieldbook.services;
  const system = { kind: 'system', label: 'matrix' } as const;
  const text = `4\tAfrica – Regional Office for Africa\nThe Regional Office for Africa is based in Addis Ababa and is led by Mr Andrew Rugege.\n1\tForum number ${++importCount} held in Abuja, Nigeria, 3 and 4 February ${1900 + importCount}.\n`;
  const first = await imports.importDocument(system, { name: `a${importCount}.txt`, bytes: Buffer.from(text) });
  await imports.acceptAll(system, first.batch.id);
  const again = await imports.importDocument(system, { name: `b${importCount}.txt`, bytes: Buffer.from(`${text}\n`) });
  return again.batch.id;
}

/** A fresh batch for addis-ababa holding one passage it could not place. */
async function importNotes(server: TestServer): Promise<string> {
  const text = `Notes number ${++importCount}\n\nThe coffee machine was repaired in the spring.\n`;
  const batch = await server.database.fieldbook.services.imports.importDocument({ kind: 'system', label: 'matrix' }, { name: `n${importCount}.txt`, bytes: Buffer.from(text) }, { office: 'addis-ababa' });
  return batch.batch.id;
}

/** Routes that belong to the API docs page's own assets, covered by the /api/docs case. */
const isDocsAsset = (url: string): boolean => url.startsWith('/api/docs/');

describeHttp('authorisation matrix', {
  // Each case makes its own fixtures and asserts statuses only, so the cases share one database.
  database: 'shared',
  users: {
    reader: { role: 'reader' },
    editor: { role: 'editor', office: 'addis-ababa' },
    'focal-point': { role: 'focal-point', bureau: 'TSB' },
    admin: { role: 'admin' },
  },
}, (http) => {
  it('covers every registered route', () => {
    const covered = new Set(MATRIX.map((c) => `${c.method} ${c.route}`));
    const missing = http.server.app.routeTable
      .filter((r) => !isDocsAsset(r.url))
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !covered.has(r));
    expect(missing, 'routes missing from the authorisation matrix').toEqual([]);
    const registered = new Set(http.server.app.routeTable.map((r) => `${r.method} ${r.url}`));
    expect([...covered].filter((c) => !registered.has(c)), 'matrix rows for routes that do not exist').toEqual([]);
  });

  for (const testCase of MATRIX) {
    it(`${testCase.method} ${testCase.route}`, async () => {
      const got: Record<string, number> = {};
      for (const caller of CALLERS) {
        const token = caller === 'anonymous' ? undefined : http.users[caller].token;
        const fixture = testCase.setup ? await testCase.setup(http.server) : undefined;
        const body = fixture ? fixture.body : testCase.body?.();
        const res = await fetch(`${http.server.url}${fixture?.path ?? testCase.path ?? testCase.route}`, {
          method: testCase.method,
          redirect: 'follow',
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body !== undefined ? { 'content-type': testCase.contentType ?? 'application/json' } : {}),
          },
          ...(body !== undefined ? { body: testCase.contentType && typeof body === 'string' ? body : JSON.stringify(body) } : {}),
        });
        await res.arrayBuffer();
        got[caller] = res.status;
      }
      expect(got).toEqual(testCase.expect);
    });
  }
});
