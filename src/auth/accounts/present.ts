/** What of managing accounts leaves the server: a link's address only when no mail carries it. */
import { z } from 'zod';
import { PASSWORD_LINK_PURPOSES } from '../model.ts';
import { accountResponse } from '../present.ts';
import type { IssuedLink, LinkHolder } from './service.ts';

export const issuedLinkResponse = z.object({
  purpose: z.enum(PASSWORD_LINK_PURPOSES),
  expiresAt: z.string().describe('The link works once, until this instant'),
  mailed: z.boolean().describe('True when the link went to the person by mail (a mail server is configured)'),
  url: z.string().nullable().describe('Without a mail server: the link to pass on to the person, shown this once'),
});

export const invitationResponse = z.object({ user: accountResponse, link: issuedLinkResponse });

export const linkHolderResponse = z.object({
  email: z.string(),
  displayName: z.string(),
  purpose: z.enum(PASSWORD_LINK_PURPOSES),
  expiresAt: z.string(),
});

export const presentIssuedLink = (link: IssuedLink): z.infer<typeof issuedLinkResponse> => ({
  purpose: link.purpose,
  expiresAt: link.expiresAt,
  mailed: link.mailed,
  url: link.url,
});

export const presentLinkHolder = (holder: LinkHolder): z.infer<typeof linkHolderResponse> => ({
  email: holder.email,
  displayName: holder.displayName,
  purpose: holder.purpose,
  expiresAt: holder.expiresAt,
});
