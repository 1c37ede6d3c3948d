/**
 * Three instances of `fieldbook serve` on one PostgreSQL schema behind a real HAProxy, run from
 * the documented config (docs/deployment/haproxy.cfg) with round robin and no stickiness, so
 * every journey crosses instances. What a user of several instances must be able to count on:
 * started together on an empty database they migrate and seed it once; a sign-in and its CSRF
 * token work on whichever instance answers; a write is seen by the next read on every instance
 * (the registry within REGISTRY_SNAPSHOT_SECONDS); the sign-in limits hold across instances;
 * a notice is delivered once, however many instances' workers and reminder jobs run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFieldbook, SEED_ACTOR, type Fieldbook } from '#src/app.ts';
import { migrations } from '#src/db/migrations/index.ts';
import { loadConfig } from '#src/platform/config.ts';
import { readReferenceData } from '#src/registry/reference-data.ts';
import { SEED_AFRICA_WORKSHOP } from '../support/factories.ts';
import { adminQuery, DIALECTS, POSTGRES_URL } from '../support/dialects.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { haproxyPath, scratchDir, send, sessionCookie, startBalancer, startInstances, type Answer, type Balancer, type Instance } from './support.ts';

const INSTANCES = 3;
const REGISTRY_BOUND_SECONDS = 2;
const LOGIN_LIMIT = 6;
const ACCOUNT_FAILURES = 3;
const PASSWORD = 'correct horse battery staple';

const haproxy = haproxyPath();
if (!haproxy && process.env.CI) throw new Error('HAProxy is not installed: .ci/run installs it (apt-get install haproxy); CI must run the balancer test.');
if (!haproxy) console.warn('Skipping the balancer test: HAProxy is not installed (apt-get install haproxy); CI runs it.');
const runs = haproxy !== null && DIALECTS.includes('postgres');

describe.runIf(runs)('three instances behind HAProxy on one PostgreSQL database', () => {
  const scratch = scratchDir();
  const schema = `t_${crypto.randomUUID().replaceAll('-', '')}`;
  let smtp: TestSmtp;
  let instances: Instance[] = [];
  let balancer: Balancer | undefined;
  let fieldbook: Fieldbook | undefined;
  let url: string;
  const editor = { email: 'editor@cluster.example', password: PASSWORD };
  const focal = { email: 'focal@cluster.example', password: PASSWORD };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    await adminQuery(`create schema ${schema}`);
    instances = await startInstances(
      INSTANCES,
      {
        DATABASE_URL: POSTGRES_URL,
        DATABASE_SCHEMA: schema,
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'warn',
        SMTP_URL: smtp.url,
        MAIL_POLL_SECONDS: '0.2',
        ROUND_REMINDER_MINUTES: '0.01',
        REGISTRY_SNAPSHOT_SECONDS: String(REGISTRY_BOUND_SECONDS),
        LOGIN_RATE_LIMIT_PER_ADDRESS: String(LOGIN_LIMIT),
        LOGIN_FAILURES_PER_ACCOUNT: String(ACCOUNT_FAILURES),
        PUBLIC_URL: 'https://fieldbook.example',
      },
      scratch.dir,
    );
    balancer = await startBalancer(haproxy!, instances, scratch.dir);
    url = balancer.url;
    // The test's own view of the database, opened after the instances made it.
    fieldbook = await openFieldbook(loadConfig({ DATABASE_URL: POSTGRES_URL, LOG_LEVEL: 'silent' }), { schema });
    const { auth } = fieldbook.services;
    await auth.createUser(SEED_ACTOR, { ...editor, role: 'editor', office: 'addis-ababa', bureau: null });
    await auth.createUser(SEED_ACTOR, { ...focal, role: 'focal-point', office: null, bureau: 'TSB' });
  }, 180_000);

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(instances.map((i) => i.server.stop()));
    await fieldbook?.close();
    await smtp?.close();
    await adminQuery(`drop schema if exists ${schema} cascade`);
    scratch.remove();
  });

  /** Sends `count` requests one after another; round robin hands them to the instances in turn. */
  async function each(count: number, ask: () => Promise<Answer>): Promise<Answer[]> {
    const answers: Answer[] = [];
    for (let i = 0; i < count; i++) answers.push(await ask());
    return answers;
  }
  const instancesOf = (answers: Answer[]) => new Set(answers.map((a) => a.instance));

  async function signIn(who: { email: string; password: string }): Promise<{ cookie: string; csrf: string }> {
    const answer = await send(url, 'POST', '/api/session', { body: who });
    expect(answer.status).toBe(200);
    return { cookie: sessionCookie(answer), csrf: answer.body.csrfToken };
  }

  it('started together on an empty database, migrate it once and load the demo once', async () => {
    const db = fieldbook!.database.db;
    const ran = await db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(ran).toHaveLength(Object.keys(migrations).length);
    const seeded = instances.filter((i) => i.log().includes('Imported the demo report'));
    expect(seeded, 'instances that loaded the demo').toHaveLength(1);
    const batches = await db.selectFrom('import_batch').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(batches.n)).toBe(1);
    const rounds = await db.selectFrom('reporting_round').select('code').orderBy('code').execute();
    expect(rounds.map((r) => r.code)).toEqual(['tsag-2020', 'tsag-2021']);
  });

  it('keeps a sign-in and its CSRF token on whichever instance answers, and a sign-out on all', async () => {
    const { cookie, csrf } = await signIn(editor);
    const who = await each(INSTANCES, () => send(url, 'GET', '/api/session', { cookie }));
    expect(instancesOf(who).size).toBe(INSTANCES);
    expect(who.map((a) => a.body.user?.email)).toEqual(Array(INSTANCES).fill(editor.email));
    expect(who.map((a) => a.body.csrfToken)).toEqual(Array(INSTANCES).fill(csrf));

    let n = 0;
    const body = () => ({ ...SEED_AFRICA_WORKSHOP, title: { en: `Cluster workshop ${++n}` }, date: { text: '4 March 2031' } });
    const withToken = await each(INSTANCES, () => send(url, 'POST', '/api/activities', { cookie, body: body(), headers: { 'x-csrf-token': csrf } }));
    expect(withToken.map((a) => a.status)).toEqual(Array(INSTANCES).fill(201));
    expect(instancesOf(withToken).size).toBe(INSTANCES);
    const without = await each(INSTANCES, () => send(url, 'POST', '/api/activities', { cookie, body: body() }));
    expect(without.map((a) => `${a.status} ${a.body.code}`)).toEqual(Array(INSTANCES).fill('403 csrf_token_invalid'));

    expect((await send(url, 'DELETE', '/api/session', { cookie, headers: { 'x-csrf-token': csrf } })).status).toBe(204);
    const after = await each(INSTANCES, () => send(url, 'GET', '/api/session', { cookie }));
    expect(after.map((a) => a.body.user)).toEqual(Array(INSTANCES).fill(null));
  });

  it('shows a write to the next read on every instance: the list, the public page and its ETag', async () => {
    const { cookie, csrf } = await signIn(editor);
    const headers = { 'x-csrf-token': csrf };
    const created = await send(url, 'POST', '/api/activities', { cookie, headers, body: { ...SEED_AFRICA_WORKSHOP, title: { en: 'Before the edit' }, date: { text: '9 June 2032' } } });
    expect(created.status).toBe(201);
    const list = `/api/activities?office=addis-ababa&from=2032-01-01&to=2032-12-31`;
    const page = `/en/events/${created.body.id}`;
    // Every instance caches the list and the page as they are now.
    const warm = await each(INSTANCES, () => send(url, 'GET', list, { cookie }));
    const pages = await each(INSTANCES, () => send(url, 'GET', page));
    expect(instancesOf(warm).size).toBe(INSTANCES);
    expect(pages.map((p) => p.text.includes('Before the edit'))).toEqual(Array(INSTANCES).fill(true));
    const oldTag = String(pages[0]!.headers.etag);
    // The instances agree on the page's tag, so a browser's copy is good whichever one it asks.
    expect(new Set(pages.map((p) => p.headers.etag))).toEqual(new Set([oldTag]));
    const unchanged = await each(INSTANCES, () => send(url, 'GET', page, { headers: { 'if-none-match': oldTag } }));
    expect(unchanged.map((p) => p.status)).toEqual(Array(INSTANCES).fill(304));

    const edited = await send(url, 'PATCH', `/api/activities/${created.body.id}`, { cookie, headers, body: { version: created.body.version, title: { en: 'After the edit' } } });
    expect(edited.status).toBe(200);

    const lists = await each(INSTANCES, () => send(url, 'GET', list, { cookie }));
    expect(instancesOf(lists).size).toBe(INSTANCES);
    expect(lists.map((l) => l.body.data.map((a: { title: { en: string } }) => a.title.en))).toEqual(Array(INSTANCES).fill(['After the edit']));
    const fresh = await each(INSTANCES, () => send(url, 'GET', page, { headers: { 'if-none-match': oldTag } }));
    expect(fresh.map((p) => `${p.status} ${p.text.includes('After the edit')}`)).toEqual(Array(INSTANCES).fill('200 true'));
  });

  it(`shows a change of the reference data on every instance within ${REGISTRY_BOUND_SECONDS} s (REGISTRY_SNAPSHOT_SECONDS)`, async () => {
    const pageOf = (instance: Instance) => send(instance.server.url, 'GET', '/en/offices/dakar');
    for (const instance of instances) expect((await pageOf(instance)).text).not.toContain('Dakar, renamed');
    const data = await readReferenceData('data/reference');
    const offices = data.offices.map((o) => (o.code === 'dakar' ? { ...o, name: { ...o.name, en: 'Dakar, renamed' } } : o));
    await fieldbook!.services.registry.loadReference(SEED_ACTOR, { ...data, offices });
    const seededAt = Date.now();
    // Each instance asked until it shows the change: an old page may come only from a request
    // that started within the bound (however long the answer then took on a loaded machine).
    const staleSince = await Promise.all(
      instances.map(async (instance) => {
        let lastStale = 0;
        for (;;) {
          const asked = Date.now() - seededAt;
          if ((await pageOf(instance)).text.includes('Dakar, renamed')) return lastStale;
          lastStale = asked;
          if (asked > 10_000) return asked;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }),
    );
    for (const ms of staleSince) expect(ms, 'ms after the seed that an old page was asked for').toBeLessThanOrEqual(REGISTRY_BOUND_SECONDS * 1000 + 100);
  });

  it('counts sign-in attempts per address across instances, whatever X-Forwarded-For the client sends', async () => {
    const attempt = (i: number) =>
      send(url, 'POST', '/api/session', { from: '127.0.0.9', headers: { 'x-forwarded-for': `10.9.9.${i}` }, body: { email: `nobody-${i}@cluster.example`, password: 'wrong' } });
    let tried = 0;
    const answers = await each(LOGIN_LIMIT + 1, () => attempt(tried++));
    expect(instancesOf(answers).size).toBe(INSTANCES);
    expect(answers.map((a) => a.status)).toEqual([...Array(LOGIN_LIMIT).fill(401), 429]);
    // Another address is another client.
    expect((await send(url, 'POST', '/api/session', { from: '127.0.0.10', body: focal })).status).toBe(200);
  });

  it('slows failed sign-ins to one account from one address across instances', async () => {
    const wrong = await each(ACCOUNT_FAILURES, () => send(url, 'POST', '/api/session', { from: '127.0.0.11', body: { ...focal, password: 'wrong' } }));
    expect(wrong.map((a) => a.status)).toEqual(Array(ACCOUNT_FAILURES).fill(401));
    const next = await each(INSTANCES, () => send(url, 'POST', '/api/session', { from: '127.0.0.11', body: focal }));
    expect(next.map((a) => `${a.status} ${a.body.code}`)).toEqual(Array(INSTANCES).fill('429 rate_limited'));
  });

  it('delivers each notice once with every instance sending mail and writing reminders', async () => {
    const { cookie, csrf } = await signIn(focal);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const opened = await send(url, 'POST', '/api/rounds', {
      cookie,
      headers: { 'x-csrf-token': csrf },
      body: { code: 'cluster-soon', sector: 'ITU-T', meeting: 'TSAG', from: '2031-01-01', to: '2031-08-31', due: day(3), offices: ['addis-ababa'] },
    });
    expect(opened.status).toBe(201);
    // Many at once, so the workers of every instance claim from the outbox together.
    const burst = Array.from({ length: 30 }, (_, i) => ({ key: `cluster-burst-${i}`, to: `reader-${i}@cluster.example`, language: 'en' as const, subject: `Burst ${i}`, text: 'One of many.' }));
    await fieldbook!.services.mail.enqueue(fieldbook!.database.db, burst);

    const subjects = (mails: typeof smtp.received) => mails.map((m) => m.subject);
    const deadline = Date.now() + 15_000;
    const expected = (mails: typeof smtp.received) =>
      subjects(mails).some((s) => s.startsWith('Reminder:') && s.includes('cluster-soon')) && subjects(mails).filter((s) => s.startsWith('Burst')).length === 30;
    while (!expected(smtp.received) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    // Several more passes of every worker and reminders job.
    await new Promise((resolve) => setTimeout(resolve, 2_000));

    const ids = smtp.received.map((m) => m.messageId);
    expect(ids.length - new Set(ids).size, 'messages delivered twice').toBe(0);
    expect(subjects(smtp.received).filter((s) => s.startsWith('Burst'))).toHaveLength(30);
    // The round's opening and its reminder to the office's editor, each once.
    const round = smtp.received.filter((m) => m.text.includes('/rounds/cluster-soon/'));
    expect(round.map((m) => m.to.join())).toEqual([editor.email, editor.email]);
    expect(round.filter((m) => m.subject.startsWith('Reminder:'))).toHaveLength(1);
  });
});
