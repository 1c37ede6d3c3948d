import { describe, expect, it } from 'vitest';
import { passwordLinkMail } from './notices.ts';

const link = { id: 'l1', userId: 'u1', createdAt: '2026-12-07T09:00:00.000Z', expiresAt: '2026-12-14T09:00:00.000Z', usedAt: null };

describe('passwordLinkMail', () => {
  it('invites in the person\'s language, with the link, the role and the last day, once per link', () => {
    const mail = passwordLinkMail({ email: 'amina@example.org', displayName: 'Amina Diallo', language: 'fr', role: 'editor' }, { ...link, purpose: 'invite' }, 'https://fb.example/app/set-password#s3cret', 'admin@example.org');
    expect(mail).toMatchObject({ to: 'amina@example.org', toName: 'Amina Diallo', language: 'fr', subject: 'Vous êtes invité·e sur Fieldbook', key: 'password-link:l1' });
    expect(mail.text).toContain('https://fb.example/app/set-password#s3cret');
    expect(mail.text).toContain('rédacteur du bureau');
    expect(mail.text).toContain('14 décembre 2026');
    expect(mail.text).toContain('admin@example.org');
  });

  it('words a reset apart from an invitation', () => {
    const mail = passwordLinkMail({ email: 'omar@example.org', displayName: 'Omar', language: 'en', role: 'reader' }, { ...link, purpose: 'reset' }, 'https://fb.example/app/set-password#x', 'admin@example.org');
    expect(mail.subject).toBe('Set a new Fieldbook password');
    expect(mail.text).toContain('Until then your current password keeps working.');
  });
});
