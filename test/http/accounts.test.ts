/**
 * Accounts people manage over HTTP: an admin invites, the link sets the password once, the
 * person signs in; role changes, disabling (signed out everywhere), resets, token expiry and
 * revocation, one's own password; each audited.
 */
import { afterAll, beforeEach, expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildUser } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';
import { startTestSmtp } from '../support/smtp.ts';

const PASSWORD = 'a long enough passphrase';

const sessionCookieOf = (res: { headers: Headers }): string => {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('fieldbook_session='));
  if (!cookie) throw new Error('no session cookie set');
  return cookie.split(';')[0]!;
};

async function signIn(server: TestServer, email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await server.request('POST', '/api/session', { body: { email, password } });
  expect(res.status).toBe(200);
  return { cookie: sessionCookieOf(res), csrf: res.body.csrfToken as string };
}

/** The secret of a link the answer showed: what follows the # of its address. */
const secretOf = (url: string): string => url.slice(url.indexOf('#') + 1);

async function auditActions(server: TestServer, entityId: string): Promise<string[]> {
  const rows = await server.database.fieldbook.database.db.selectFrom('audit_event').select('action').where('entity_id', '=', entityId).orderBy('id').execute();
  return rows.map((row) => row.action);
}

describeHttp('managing accounts', {
  database: 'shared',
  env: { LOGIN_RATE_LIMIT_PER_ADDRESS: '1000' },
  users: { admin: { role: 'admin' }, editor: { role: 'editor', office: 'cairo' } },
}, (http) => {
  const admin = () => http.users.admin.token;
  const accountOf = async (email: string) => (await http.server.request('GET', '/api/users', { token: admin() })).body.data.find((u: { email: string }) => u.email === email);

  it('invites someone: without mail the admin gets the link; it sets the password once, then the person signs in', async () => {
    const invited = await http.server.request('POST', '/api/users/invitations', {
      token: admin(),
      body: { email: 'Amina.Diallo@Example.org', displayName: 'Amina Diallo', role: 'editor', office: 'dakar', language: 'fr' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.user).toMatchObject({ email: 'amina.diallo@example.org', role: 'editor', office: 'dakar', version: 1, lastSignInAt: null, disabledAt: null });
    expect(invited.body.link).toMatchObject({ purpose: 'invite', mailed: false });
    expect(invited.body.link.url).toMatch(/^http:\/\/localhost:3000\/app\/set-password#.{20,}$/);
    expect(Date.parse(invited.body.link.expiresAt) - Date.now()).toBeGreaterThan(6 * 24 * 3600 * 1000);
    const token = secretOf(invited.body.link.url);

    // Nobody can sign in before the password is set.
    expect((await http.server.request('POST', '/api/session', { body: { email: 'amina.diallo@example.org', password: PASSWORD } })).status).toBe(401);
    const check = await http.server.request('POST', '/api/password-links/check', { body: { token } });
    expect(check.body).toMatchObject({ email: 'amina.diallo@example.org', displayName: 'Amina Diallo', purpose: 'invite' });

    const short = await http.server.request('POST', '/api/password-links/use', { body: { token, password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([{ path: 'body.password', code: 'too_short', message: 'must be at least 10 characters', params: { minimum: 10 } }]);

    expect((await http.server.request('POST', '/api/password-links/use', { body: { token, password: PASSWORD } })).status).toBe(204);
    const again = await http.server.request('POST', '/api/password-links/use', { body: { token, password: 'another long passphrase' } });
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('link_not_valid');
    expect((await http.server.request('POST', '/api/password-links/check', { body: { token } })).status).toBe(404);

    await signIn(http.server, 'amina.diallo@example.org', PASSWORD);
    const users = await http.server.request('GET', '/api/users', { token: admin() });
    const amina = users.body.data.find((u: { email: string }) => u.email === 'amina.diallo@example.org');
    expect(Date.parse(amina.lastSignInAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(await auditActions(http.server, amina.id)).toEqual(['user.create', 'user.invite', 'user.password_set']);
  });

  it('answers a bad invitation naming every field, and only admins invite or manage', async () => {
    const bad = await http.server.request('POST', '/api/users/invitations', { token: admin(), body: { email: 'not an address', role: 'ruler', office: 'cairo' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.email', 'body.role']);
    const scope = await http.server.request('POST', '/api/users/invitations', { token: admin(), body: { email: http.users.editor.email, role: 'editor', office: 'atlantis', bureau: 'TSB' } });
    expect(scope.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.bureau', 'body.email', 'body.office']);
    const byEditor = await http.server.request('POST', '/api/users/invitations', { token: http.users.editor.token, body: { email: 'x@example.org', role: 'reader' } });
    expect(byEditor.status).toBe(403);
    const unknown = await http.server.request('GET', '/api/users/00000000-0000-4000-8000-000000000000', { token: admin() });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('user_not_found');
  });

  it('changes a role and office at once for the signed-in person; a stale version gets 409 with the account as it is', async () => {
    const person = await buildUser(http.server, { role: 'reader' });
    const session = await signIn(http.server, person.email, person.password);
    const { id, version } = await accountOf(person.email);
    const changed = await http.server.request('PATCH', `/api/users/${id}`, { token: admin(), body: { version, role: 'editor', office: 'bangkok' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'editor', office: 'bangkok', version: version + 1 });
    expect((await http.server.request('GET', '/api/session', { cookie: session.cookie })).body.user).toMatchObject({ role: 'editor', office: 'bangkok' });

    const stale = await http.server.request('PATCH', `/api/users/${id}`, { token: admin(), body: { version, role: 'reader' } });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ role: 'editor', office: 'bangkok', version: version + 1 });

    const bad = await http.server.request('PATCH', `/api/users/${id}`, { token: admin(), body: { version: version + 1, role: 'focal-point', office: 'nowhere' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`).sort()).toEqual([
      'body.bureau focal_point_needs_bureau',
      'body.office office_only_for_editors',
      'body.office unknown_office',
    ]);
    const before = await http.server.request('GET', `/api/users/${id}`, { token: admin() });
    expect(before.body).toMatchObject({ role: 'editor', office: 'bangkok' });
    expect(await auditActions(http.server, id)).toEqual(['user.create', 'user.update']);
  });

  it('disables an account: its session and token are refused at once, and re-enabling lets the password in again (not the tokens)', async () => {
    const person = await buildUser(http.server, { role: 'editor', office: 'cairo' });
    const session = await signIn(http.server, person.email, person.password);
    const account = await accountOf(person.email);

    const disabled = await http.server.request('POST', `/api/users/${account.id}/disable`, { token: admin(), body: { version: account.version } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).not.toBeNull();
    expect((await http.server.request('GET', '/api/session', { cookie: session.cookie })).body.user).toBeNull();
    const byToken = await http.server.request('GET', '/api/activities', { token: person.token });
    expect(byToken.status).toBe(401);
    expect((await http.server.request('POST', '/api/session', { body: { email: person.email, password: person.password } })).status).toBe(401);

    const enabled = await http.server.request('POST', `/api/users/${account.id}/enable`, { token: admin(), body: { version: disabled.body.version } });
    expect(enabled.body).toMatchObject({ disabledAt: null, version: account.version + 2 });
    await signIn(http.server, person.email, person.password);
    expect((await http.server.request('GET', '/api/activities', { token: person.token })).status).toBe(401);
    const tokens = await http.server.request('GET', `/api/users/${account.id}/tokens`, { token: admin() });
    expect(tokens.body.data[0].revokedAt).not.toBeNull();
    expect(await auditActions(http.server, account.id)).toEqual(['user.create', 'user.disable', 'user.enable']);

    const self = await accountOf(http.users.admin.email);
    const own = await http.server.request('POST', `/api/users/${self.id}/disable`, { token: admin(), body: { version: self.version } });
    expect(own.status).toBe(400);
    expect(own.body.errors[0].code).toBe('own_account');
  });

  it('resets a password through a one-time link: the old password works until it is used, then the sessions end', async () => {
    const person = await buildUser(http.server, { role: 'reader' });
    const session = await signIn(http.server, person.email, person.password);
    const account = await accountOf(person.email);
    const first = await http.server.request('POST', `/api/users/${account.id}/password-reset`, { token: admin() });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ purpose: 'reset', mailed: false });
    const second = await http.server.request('POST', `/api/users/${account.id}/password-reset`, { token: admin() });
    // A newer link replaces the older one.
    expect((await http.server.request('POST', '/api/password-links/use', { body: { token: secretOf(first.body.url), password: PASSWORD } })).status).toBe(404);
    expect((await http.server.request('GET', '/api/session', { cookie: session.cookie })).body.user).not.toBeNull();
    expect((await http.server.request('POST', '/api/password-links/use', { body: { token: secretOf(second.body.url), password: PASSWORD } })).status).toBe(204);
    expect((await http.server.request('GET', '/api/session', { cookie: session.cookie })).body.user).toBeNull();
    expect((await http.server.request('POST', '/api/session', { body: { email: person.email, password: person.password } })).status).toBe(401);
    await signIn(http.server, person.email, PASSWORD);
    expect(await auditActions(http.server, account.id)).toEqual(['user.create', 'user.password_reset', 'user.password_reset', 'user.password_set']);
  });

  it('changes one\'s own password given the current one; the other sessions end, this one stays', async () => {
    const person = await buildUser(http.server, { role: 'editor', office: 'cairo' });
    const here = await signIn(http.server, person.email, person.password);
    const elsewhere = await signIn(http.server, person.email, person.password);
    const wrong = await http.server.request('PUT', '/api/me/password', {
      cookie: here.cookie,
      headers: { 'x-csrf-token': here.csrf },
      body: { currentPassword: 'not it at all', newPassword: 'short' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`)).toEqual(['body.newPassword too_short']);
    const notCurrent = await http.server.request('PUT', '/api/me/password', {
      cookie: here.cookie,
      headers: { 'x-csrf-token': here.csrf },
      body: { currentPassword: 'not it at all', newPassword: PASSWORD },
    });
    expect(notCurrent.body.errors).toEqual([{ path: 'body.currentPassword', code: 'password_incorrect', message: 'this is not your current password' }]);

    const ok = await http.server.request('PUT', '/api/me/password', {
      cookie: here.cookie,
      headers: { 'x-csrf-token': here.csrf },
      body: { currentPassword: person.password, newPassword: PASSWORD },
    });
    expect(ok.status).toBe(204);
    expect((await http.server.request('GET', '/api/session', { cookie: here.cookie })).body.user).not.toBeNull();
    expect((await http.server.request('GET', '/api/session', { cookie: elsewhere.cookie })).body.user).toBeNull();
    await signIn(http.server, person.email, PASSWORD);
    const me = (await http.server.request('GET', '/api/session', { cookie: here.cookie })).body.user;
    expect(await auditActions(http.server, me.id)).toContain('user.password_change');
  });

  it('lets a token with an expiry work until then and not after; refuses an expiry already past', async () => {
    const person = await buildUser(http.server, { role: 'reader' });
    const past = await http.server.request('POST', '/api/tokens', { token: person.token, body: { name: 'old', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ path: 'body.expiresAt', code: 'in_the_past' })]);

    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const created = await http.server.request('POST', '/api/tokens', { token: person.token, body: { name: 'short-lived', expiresAt } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'short-lived', expiresAt });
    expect((await http.server.request('GET', '/api/session', { token: created.body.token })).body.user.email).toBe(person.email);
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 100));
    const after = await http.server.request('GET', '/api/session', { token: created.body.token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid_token');
    const listed = await http.server.request('GET', '/api/tokens', { token: person.token });
    expect(listed.body.data.find((t: { name: string }) => t.name === 'short-lived')).toMatchObject({ expiresAt, revokedAt: null, lastUsedAt: expect.any(String) });
  });

  it('documents the new routes in OpenAPI with their request and answer schemas', async () => {
    const spec = (await http.server.request('GET', '/api/openapi.json')).body;
    const paths = spec.paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> }; responses: Record<string, unknown> }>>;
    expect(paths['/api/users/invitations']?.post?.responses).toHaveProperty('201');
    expect(paths['/api/users/{id}']?.patch?.requestBody?.content['application/json']?.schema.required).toEqual(['version']);
    expect(paths['/api/me/password']?.put?.requestBody?.content['application/json']?.schema.required).toEqual(['currentPassword', 'newPassword']);
    for (const path of ['/api/users/{id}/disable', '/api/users/{id}/enable', '/api/users/{id}/password-reset', '/api/users/{id}/tokens', '/api/password-links/check', '/api/password-links/use']) {
      expect(Object.keys(paths), path).toContain(path);
    }
  });

  it('lets an admin list and revoke anyone\'s token, audited', async () => {
    const person = await buildUser(http.server, { role: 'editor', office: 'cairo' });
    const account = await accountOf(person.email);
    const tokens = await http.server.request('GET', `/api/users/${account.id}/tokens`, { token: admin() });
    expect(tokens.body.data.map((t: { name: string }) => t.name)).toEqual(['test']);
    expect((await http.server.request('GET', `/api/users/${account.id}/tokens`, { token: http.users.editor.token })).status).toBe(403);
    expect((await http.server.request('DELETE', `/api/tokens/${tokens.body.data[0].id}`, { token: admin() })).status).toBe(204);
    expect((await http.server.request('GET', '/api/session', { token: person.token })).status).toBe(401);
    expect(await auditActions(http.server, tokens.body.data[0].id)).toEqual(['token.create', 'token.revoke']);
  });
});

const smtp = await startTestSmtp();
afterAll(() => smtp.close());
beforeEach(() => smtp.reset());

describeHttp('invitations by mail', {
  env: { SMTP_URL: smtp.url, MAIL_FROM: 'Fieldbook <noreply@fieldbook.example>', MAIL_POLL_SECONDS: '0.05', PUBLIC_URL: 'https://fieldbook.example.org' },
  users: { admin: { role: 'admin' } },
}, (http) => {
  it('mails the link in the person\'s language and does not show it to the admin', async () => {
    const invited = await http.server.request('POST', '/api/users/invitations', {
      token: http.users.admin.token,
      body: { email: 'omar@example.org', displayName: 'Omar Haddad', role: 'reader', language: 'fr' },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.link).toMatchObject({ purpose: 'invite', mailed: true, url: null });
    const [mail] = await smtp.waitFor(1);
    expect(mail).toMatchObject({ to: ['omar@example.org'], language: 'fr' });
    const url = /https:\/\/fieldbook\.example\.org\/app\/set-password#\S+/.exec(mail!.text)?.[0];
    expect(url).toBeDefined();
    expect((await http.server.request('POST', '/api/password-links/use', { body: { token: secretOf(url!), password: PASSWORD } })).status).toBe(204);
    await signIn(http.server, 'omar@example.org', PASSWORD);
  });
});
