/** Managing accounts over HTTP: the admins' routes, the one-time password links, one's own password. */
import { z } from 'zod';
import { listOf, type TypedApp } from '#src/platform/http.ts';
import { withCurrentOnConflict } from '#src/platform/errors.ts';
import type { Actor } from '#src/platform/access.ts';
import type { User } from '../model.ts';
import { SESSION_COOKIE } from '../plugin.ts';
import { accountResponse, presentAccount, presentToken, tokenResponse } from '../present.ts';
import type { AuthService } from '../service.ts';
import { invitationResponse, issuedLinkResponse, linkHolderResponse, presentIssuedLink, presentLinkHolder } from './present.ts';
import { changePasswordBody, inviteBody, linkBody, updateUserBody, useLinkBody, userParams, versionBody } from './schemas.ts';
import type { AccountService } from './service.ts';

const tags = ['accounts'];

export function accountRoutes(accounts: AccountService, auth: Pick<AuthService, 'listTokensOf'>, options: { linkRateLimitPerAddress: number }) {
  /** A change whose 409 carries the account as it is now. */
  const change = (actor: Actor, id: string, work: () => Promise<User>) =>
    withCurrentOnConflict(async () => presentAccount(await work()), async () => presentAccount(await accounts.get(actor, id)));
  const linkLimit = { rateLimit: { max: options.linkRateLimitPerAddress, timeWindow: '1 minute' } };

  return (app: TypedApp): void => {
    app.post(
      '/api/users/invitations',
      { schema: { tags, summary: 'Invite someone: the account, and a one-time link to set their password, mailed or returned here (admins)', body: inviteBody, response: { 201: invitationResponse } } },
      async (request, reply) => {
        const { user, link } = await accounts.invite(request.actor, request.body);
        return reply.status(201).send({ user: presentAccount(user), link: presentIssuedLink(link) });
      },
    );

    app.get('/api/users/:id', { schema: { tags, summary: 'One account (admins)', params: userParams, response: { 200: accountResponse } } }, async (request) =>
      presentAccount(await accounts.get(request.actor, request.params.id)),
    );

    app.patch(
      '/api/users/:id',
      { schema: { tags, summary: 'Change the role, office, bureau or name of an account (admins; send the version you saw)', params: userParams, body: updateUserBody, response: { 200: accountResponse } } },
      async (request) => change(request.actor, request.params.id, () => accounts.update(request.actor, request.params.id, request.body)),
    );

    app.post(
      '/api/users/:id/disable',
      { schema: { tags, summary: 'Disable an account and sign it out everywhere: its sessions end, its tokens are revoked (admins)', params: userParams, body: versionBody, response: { 200: accountResponse } } },
      async (request) => change(request.actor, request.params.id, () => accounts.disable(request.actor, request.params.id, request.body.version)),
    );

    app.post(
      '/api/users/:id/enable',
      { schema: { tags, summary: 'Let a disabled account sign in again (admins)', params: userParams, body: versionBody, response: { 200: accountResponse } } },
      async (request) => change(request.actor, request.params.id, () => accounts.enable(request.actor, request.params.id, request.body.version)),
    );

    app.post(
      '/api/users/:id/password-reset',
      { schema: { tags, summary: 'A one-time link to set a new password, mailed or returned here (admins)', params: userParams, response: { 200: issuedLinkResponse } } },
      async (request) => presentIssuedLink(await accounts.resetPassword(request.actor, request.params.id)),
    );

    app.get('/api/users/:id/tokens', { schema: { tags, summary: "An account's API tokens (admins)", params: userParams, response: { 200: listOf(tokenResponse) } } }, async (request) => {
      const tokens = await auth.listTokensOf(request.actor, request.params.id);
      return { data: tokens.map(presentToken), next: null };
    });

    app.post(
      '/api/password-links/check',
      { schema: { tags, summary: 'Who a one-time password link is for, while it works (404 otherwise)', body: linkBody, response: { 200: linkHolderResponse } }, config: linkLimit },
      async (request) => presentLinkHolder(await accounts.checkLink(request.body.token)),
    );

    app.post(
      '/api/password-links/use',
      { schema: { tags, summary: "Set the password through a one-time link; the account's sessions end", body: useLinkBody, response: { 204: z.null() } }, config: linkLimit },
      async (request, reply) => {
        await accounts.useLink(request.body);
        return reply.status(204).send(null);
      },
    );

    app.put(
      '/api/me/password',
      { schema: { tags, summary: 'Change my password, given the current one; my other sessions end', body: changePasswordBody, response: { 204: z.null() } } },
      async (request, reply) => {
        await accounts.changeOwnPassword(request.actor, request.body, request.cookies[SESSION_COOKIE] ?? null);
        return reply.status(204).send(null);
      },
    );
  };
}
