import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildUser } from '../support/factories.ts';

const sessionCookieOf = (res: { headers: Headers }): string => {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('fieldbook_session='));
  if (!cookie) throw new Error('no session cookie set');
  return cookie.split(';')[0]!;
};

describeHttp('accounts over HTTP', {
  // Each test makes its own accounts, so they share one database. Every sign-in counts against
  // the address for the whole server: the limit is set beyond what these tests try together,
  // and tested on its own below.
  database: 'shared',
  env: { LOGIN_RATE_LIMIT_PER_ADDRESS: '1000' },
}, (http) => {

  it('signs in with a cookie session that needs the CSRF token to change things', async () => {
    const editor = await buildUser(http.server, { role: 'editor', office: 'cairo' });
    const login = await http.server.request('POST', '/api/session', { body: { email: editor.email.toUpperCase(), password: editor.password } });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: editor.email, role: 'editor', office: 'cairo' });
    const setCookie = login.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/fieldbook_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain HTTP here; Secure is set behind HTTPS
    const cookie = sessionCookieOf(login);

    const me = await http.server.request('GET', '/api/session', { cookie });
    expect(me.body).toMatchObject({ user: { email: editor.email }, via: 'session', csrfToken: login.body.csrfToken });

    const noCsrf = await http.server.request('DELETE', '/api/session', { cookie });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('csrf_token_invalid');

    const logout = await http.server.request('DELETE', '/api/session', { cookie, headers: { 'x-csrf-token': login.body.csrfToken } });
    expect(logout.status).toBe(204);
    const after = await http.server.request('GET', '/api/session', { cookie });
    expect(after.body.user).toBeNull();
  });

  it('says nothing about which part of a sign-in was wrong', async () => {
    const reader = await buildUser(http.server, { role: 'reader' });
    const wrongPassword = await http.server.request('POST', '/api/session', { body: { email: reader.email, password: 'not the password' } });
    const unknownEmail = await http.server.request('POST', '/api/session', { body: { email: 'nobody@example.org', password: 'not the password' } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.code).toBe('invalid_credentials');
    expect(wrongPassword.body.detail).toBe(unknownEmail.body.detail);
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('slows down the address that keeps failing, even with the right password, but never locks the owner out from elsewhere', async () => {
    const reader = await buildUser(http.server, { role: 'reader' });
    for (let i = 0; i < 5; i++) {
      expect((await http.server.request('POST', '/api/session', { body: { email: reader.email, password: 'guess' } })).status).toBe(401);
    }
    const slowed = await http.server.request('POST', '/api/session', { body: { email: reader.email, password: reader.password } });
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(slowed.body.detail).toMatch(/from this address/);
    // The owner, at another address, signs in at once (an attacker's guesses lock nobody out).
    const { auth } = http.server.database.fieldbook.services;
    await expect(auth.login({ email: reader.email, password: reader.password }, '203.0.113.9')).resolves.toMatchObject({ user: { email: reader.email } });
  });

  it('rejects malformed sign-in bodies naming the field', async () => {
    const res = await http.server.request('POST', '/api/session', { body: { email: 'x@example.org' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ path: 'body.password', code: 'required', message: 'is required' }]);
    const notJson = await http.server.request('POST', '/api/session', { body: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(notJson.status).toBe(400);
    expect(notJson.text).not.toMatch(/node_modules/);
  });

  it('works with API tokens: create, use, list, revoke', async () => {
    const editor = await buildUser(http.server, { role: 'editor', office: 'bangkok' });
    const me = await http.server.request('GET', '/api/session', { token: editor.token });
    expect(me.body).toMatchObject({ user: { email: editor.email, office: 'bangkok' }, via: 'token', csrfToken: null });

    const created = await http.server.request('POST', '/api/tokens', { token: editor.token, body: { name: 'import script' } });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^fbt_/);
    const second = created.body.token as string;
    expect((await http.server.request('GET', '/api/session', { token: second })).body.user.email).toBe(editor.email);

    const list = await http.server.request('GET', '/api/tokens', { token: editor.token });
    expect(list.body.data.map((t: { name: string }) => t.name)).toEqual(['test', 'import script']);
    expect(list.text).not.toContain(second);

    expect((await http.server.request('DELETE', `/api/tokens/${created.body.id}`, { token: editor.token })).status).toBe(204);
    const revoked = await http.server.request('GET', '/api/session', { token: second });
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('invalid_token');
  });

  it('does not let one user revoke or see another user\'s token', async () => {
    const a = await buildUser(http.server, { role: 'reader' });
    const b = await buildUser(http.server, { role: 'reader' });
    const tokensOfB = await http.server.request('GET', '/api/tokens', { token: b.token });
    const res = await http.server.request('DELETE', `/api/tokens/${tokensOfB.body.data[0].id}`, { token: a.token });
    expect(res.status).toBe(404);
    expect((await http.server.request('GET', '/api/session', { token: b.token })).status).toBe(200);
  });

  it('refuses a made-up bearer token', async () => {
    const res = await http.server.request('GET', '/api/offices', { token: 'fbt_madeup' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('invalid_token');
  });

  it('lets an admin create accounts and checks each field', async () => {
    const admin = await buildUser(http.server, { role: 'admin' });
    const ok = await http.server.request('POST', '/api/users', {
      token: admin.token,
      body: { email: 'Focal@Example.org', role: 'focal-point', bureau: 'TSB', password: 'a long enough passphrase' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ email: 'focal@example.org', role: 'focal-point', bureau: 'TSB', office: null });

    const bad = await http.server.request('POST', '/api/users', {
      token: admin.token,
      body: { email: 'focal@example.org', role: 'editor', bureau: 'ATU', password: 'short' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'body.password', code: 'too_short', message: 'must be at least 10 characters', params: { minimum: 10 } }]);

    const scope = await http.server.request('POST', '/api/users', {
      token: admin.token,
      body: { email: 'focal@example.org', role: 'editor', bureau: 'TSB', office: 'atlantis' },
    });
    expect(scope.status).toBe(400);
    expect(scope.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.bureau', 'body.email', 'body.office']);

    const users = await http.server.request('GET', '/api/users', { token: admin.token });
    expect(users.body.data.map((u: { email: string }) => u.email)).toContain('focal@example.org');
    expect(users.text).not.toMatch(/argon2|password/i);
  });
});

describeHttp('sign-in rate limit per address', { env: { LOGIN_RATE_LIMIT_PER_ADDRESS: '3' } }, (http) => {

  it('answers 429 once an address has tried too often, whatever the account', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await http.server.request('POST', '/api/session', { body: { email: `someone-${i}@example.org`, password: 'guess' } });
      statuses.push(res.status);
      if (res.status === 429) expect(res.body.code).toBe('rate_limited');
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
