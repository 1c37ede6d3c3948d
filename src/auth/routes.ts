/** Sign-in sessions, API tokens and user accounts over HTTP. */
import { z } from 'zod';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './plugin.ts';
import { accountResponse, preferencesResponse, presentAccount, presentPreferences, presentToken, presentUser, sessionResponse, tokenResponse } from './present.ts';
import { createTokenBody, createUserBody, loginBody, preferencesBody, tokenParams } from './schemas.ts';
import type { AuthService } from './service.ts';

const tags = ['accounts'];

export function authRoutes(auth: AuthService, options: { loginRateLimitPerAddress: number }) {
  return (app: TypedApp): void => {
    app.post(
      '/api/session',
      {
        schema: { tags, summary: 'Sign in; sets an HttpOnly session cookie', body: loginBody, response: { 200: sessionResponse } },
        config: { rateLimit: { max: options.loginRateLimitPerAddress, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const signedIn = await auth.login(request.body, request.ip);
        reply.setCookie(SESSION_COOKIE, signedIn.sessionToken, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: request.protocol === 'https',
          expires: new Date(signedIn.expiresAt),
        });
        const { createdAt: _c, ...me } = presentUser(signedIn.user);
        return { user: me, via: 'session' as const, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt };
      },
    );

    app.get('/api/session', { schema: { tags, summary: 'Who am I', response: { 200: sessionResponse } } }, async (request) => {
      const { actor } = request;
      if (actor.kind !== 'user') return { user: null, via: null, csrfToken: null, expiresAt: null };
      return {
        user: { id: actor.id, email: actor.email, displayName: actor.displayName, role: actor.role, office: actor.office, bureau: actor.bureau },
        via: actor.via,
        csrfToken: request.sessionCsrf,
        expiresAt: null,
      };
    });

    app.delete(
      '/api/session',
      { schema: { tags, summary: `Sign out (send the ${CSRF_HEADER} header)`, response: { 204: z.null() } } },
      async (request, reply) => {
        const cookie = request.cookies[SESSION_COOKIE];
        if (cookie) await auth.logout(cookie);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/me/preferences',
      { schema: { tags, summary: 'My choices: the language of my mail, daily digest of notices', response: { 200: preferencesResponse } } },
      async (request) => presentPreferences(await auth.getPreferences(request.actor)),
    );

    app.patch(
      '/api/me/preferences',
      { schema: { tags, summary: 'Change my choices (only the fields sent)', body: preferencesBody, response: { 200: preferencesResponse } } },
      async (request) => presentPreferences(await auth.updatePreferences(request.actor, request.body)),
    );

    app.get('/api/tokens', { schema: { tags, summary: 'My API tokens', response: { 200: listOf(tokenResponse) } } }, async (request) => {
      const tokens = await auth.listTokens(request.actor);
      return { data: tokens.map(presentToken), next: null };
    });

    app.post(
      '/api/tokens',
      { schema: { tags, summary: 'Create an API token for myself; the secret is shown once', body: createTokenBody, response: { 201: tokenResponse.extend({ token: z.string() }) } } },
      async (request, reply) => {
        const { token, secret } = await auth.createToken(request.actor, request.body);
        return reply.status(201).send({ ...presentToken(token), token: secret });
      },
    );

    app.delete(
      '/api/tokens/:id',
      { schema: { tags, summary: 'Revoke one of my API tokens (admins: anyone\'s)', params: tokenParams, response: { 204: z.null() } } },
      async (request, reply) => {
        await auth.revokeToken(request.actor, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get('/api/users', { schema: { tags, summary: 'Every account with its role, office or bureau and last sign-in (admins)', response: { 200: listOf(accountResponse) } } }, async (request) => {
      const users = await auth.listUsers(request.actor);
      return { data: users.map(presentAccount), next: null };
    });

    app.post(
      '/api/users',
      { schema: { tags, summary: 'Create an account, with a password or none (admins; to let the person set it, invite them)', body: createUserBody, response: { 201: accountResponse } } },
      async (request, reply) => reply.status(201).send(presentAccount(await auth.createUser(request.actor, request.body))),
    );
  };
}
