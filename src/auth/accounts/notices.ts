/**
 * The mail that carries a one-time password link (an invitation or a reset), in the account's
 * language (accounts.json of each language under locales/). Pure: the accounts service writes it
 * to the outbox in the transaction that makes the link.
 */
import type { OutgoingMail } from '#src/mail/model.ts';
import { formatDay } from '#src/platform/intl.ts';
import type { Language } from '#src/platform/i18n.ts';
import { translator } from '#src/platform/messages.ts';
import type { PasswordLink } from '../model.ts';

export interface LinkRecipient {
  email: string;
  displayName: string;
  language: Language;
  role: string;
}

export function passwordLinkMail(recipient: LinkRecipient, link: PasswordLink, url: string, sender: string): OutgoingMail {
  const { t } = translator(recipient.language);
  const params = {
    name: recipient.displayName,
    sender,
    role: t(`accounts.role.${recipient.role}`),
    url,
    expires: formatDay(link.expiresAt.slice(0, 10), recipient.language),
  };
  return {
    to: recipient.email,
    toName: recipient.displayName,
    language: recipient.language,
    subject: t(`accounts.mail.${link.purpose}.subject`, params),
    text: t(`accounts.mail.${link.purpose}.text`, params),
    key: `password-link:${link.id}`,
  };
}
