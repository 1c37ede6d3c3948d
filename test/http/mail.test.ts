/**
 * Mail: notices written to the outbox in the caller's transaction, sent by the server's worker to
 * a real SMTP server in the test process, retried, given up on, gathered into daily digests; and
 * seen by admins when there is no SMTP server at all.
 */
import { afterAll, beforeEach, expect, it } from 'vitest';
import { openFieldbook } from '#src/app.ts';
import type { OutgoingMail } from '#src/mail/model.ts';
import { claimDue } from '#src/mail/store.ts';
import { smtpTransport } from '#src/mail/transport.ts';
import { describeHttp } from '../support/describe-http.ts';
import type { TestServer } from '../support/server.ts';
import { startTestSmtp } from '../support/smtp.ts';

const smtp = await startTestSmtp();
afterAll(() => smtp.close());
beforeEach(() => smtp.reset());

let unique = 0;
const notice = (overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  to: 'editor@example.org',
  language: 'en',
  subject: 'TSAG 2021: your contribution is due on 31 August',
  text: 'The round TSAG 2021 is open.',
  key: `test-notice-${++unique}`,
  ...overrides,
});

const enqueue = (server: TestServer, messages: OutgoingMail[]) => {
  const { database, services } = server.database.fieldbook;
  return database.db.transaction().execute((trx) => services.mail.enqueue(trx, messages));
};

const outbox = async (server: TestServer, token: string, query = '') => (await server.request('GET', `/api/mail/outbox${query}`, { token })).body;

describeHttp(
  'mail sent by the server',
  {
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Fieldbook <noreply@fieldbook.example>', MAIL_POLL_SECONDS: '0.05', MAIL_RETRY_SECONDS: '0.1', MAIL_MAX_ATTEMPTS: '3' },
    users: { admin: { role: 'admin' } },
  },
  (http) => {
    it('sends a notice whose transaction committed, in its language to its recipient, and never one whose transaction rolled back', async () => {
      const { database, services } = http.server.database.fieldbook;
      const rolledBack = notice({ subject: 'never sent' });
      await expect(
        database.db.transaction().execute(async (trx) => {
          await services.mail.enqueue(trx, [rolledBack]);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      const committed = notice({ to: 'amina@example.org', toName: 'Amina Diallo', language: 'ar', subject: 'TSAG 2021: طُلبت تعديلات على مساهمتكم', text: 'طلب جهة الاتصال تعديلات.' });
      await enqueue(http.server, [committed]);

      const [mail] = await smtp.waitFor(1);
      expect(mail).toMatchObject({ to: ['amina@example.org'], from: 'noreply@fieldbook.example', subject: committed.subject, language: 'ar' });
      expect(mail?.text.trim()).toBe(committed.text);
      expect(mail?.toHeader).toContain('Amina Diallo');
      expect(mail?.messageId).toMatch(/^<[0-9a-f]{40}@fieldbook\.example>$/);

      const page = await outbox(http.server, http.users.admin.token);
      expect(page.data.map((m: { key: string }) => m.key)).toEqual([committed.key]);
      expect(page.data[0]).toMatchObject({ state: 'sent', attempts: 1, to: 'amina@example.org' });
      expect(smtp.received).toHaveLength(1);
    });

    it('writes a notice once however often it is enqueued with its key', async () => {
      const first = notice();
      await enqueue(http.server, [first, { ...first, subject: 'a second try' }]);
      await enqueue(http.server, [{ ...first, subject: 'a third try' }]);
      await smtp.waitFor(1);
      const page = await outbox(http.server, http.users.admin.token);
      expect(page.data).toHaveLength(1);
      expect(page.data[0].subject).toBe(first.subject);
    });

    it('tries again later when the SMTP server says "try later" (451), then delivers', async () => {
      smtp.refuseNext(1, 451);
      const message = notice();
      await enqueue(http.server, [message]);
      const [mail] = await smtp.waitFor(1);
      expect(smtp.refused).toBe(1);
      expect(mail?.subject).toBe(message.subject);
      const page = await outbox(http.server, http.users.admin.token);
      expect(page.data[0]).toMatchObject({ state: 'sent', attempts: 2 });
      expect(page.data[0].lastError).toMatch(/451/);
    });

    it('gives up at once when the server refuses for good (550), and after the last attempt otherwise, keeping the error', async () => {
      smtp.refuseNext(1, 550);
      const refused = notice({ to: 'nobody@example.org' });
      await enqueue(http.server, [refused]);
      await expect.poll(async () => (await outbox(http.server, http.users.admin.token, '?state=failed')).data.length, { timeout: 30_000 }).toBe(1);

      smtp.refuseNext(3, 451);
      const busy = notice({ to: 'busy@example.org' });
      await enqueue(http.server, [busy]);
      await expect.poll(async () => (await outbox(http.server, http.users.admin.token, '?state=failed')).data.length, { timeout: 30_000 }).toBe(2);

      const failed = (await outbox(http.server, http.users.admin.token, '?state=failed')).data;
      expect(failed.find((m: { key: string }) => m.key === refused.key)).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/550/) });
      expect(failed.find((m: { key: string }) => m.key === busy.key)).toMatchObject({ attempts: 3, lastError: expect.stringMatching(/451/) });
      expect(smtp.received).toHaveLength(0);
    });
  },
);

describeHttp(
  'mail without an SMTP server',
  {
    users: { admin: { role: 'admin' }, focal: { role: 'focal-point' }, editor: { role: 'editor' } },
  },
  (http) => {
    it('keeps notices pending in the outbox, which admins page through by state, and nobody else sees', async () => {
      await enqueue(http.server, [notice({ key: 'first' }), notice({ key: 'second' }), notice({ key: 'third' })]);
      const { admin, focal, editor } = http.users;
      const first = await http.server.request('GET', '/api/mail/outbox?state=pending&limit=2', { token: admin.token });
      expect(first.status).toBe(200);
      expect(first.body.data).toHaveLength(2);
      expect(first.body.data.every((m: { state: string; attempts: number }) => m.state === 'pending' && m.attempts === 0)).toBe(true);
      const rest = await http.server.request('GET', `/api/mail/outbox?state=pending&limit=2&cursor=${first.body.next}`, { token: admin.token });
      expect(rest.body.data).toHaveLength(1);
      expect(rest.body.next).toBeNull();
      expect([...first.body.data, ...rest.body.data].map((m: { key: string }) => m.key).sort()).toEqual(['first', 'second', 'third']);
      expect((await outbox(http.server, admin.token, '?state=sent')).data).toEqual([]);

      expect((await http.server.request('GET', '/api/mail/outbox', { token: focal.token })).status).toBe(403);
      expect((await http.server.request('GET', '/api/mail/outbox', { token: editor.token })).status).toBe(403);
      expect((await http.server.request('GET', '/api/mail/outbox')).status).toBe(401);
      const bad = await http.server.request('GET', '/api/mail/outbox?state=lost&cursor=nonsense', { token: admin.token });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('query.state');
    });

    it('lets each user read and change their language and daily digest, naming what is wrong', async () => {
      const { editor } = http.users;
      expect((await http.server.request('GET', '/api/me/preferences', { token: editor.token })).body).toEqual({ language: 'en', dailyDigest: false });
      const changed = await http.server.request('PATCH', '/api/me/preferences', { token: editor.token, body: { language: 'zh' } });
      expect(changed.body).toEqual({ language: 'zh', dailyDigest: false });
      const bad = await http.server.request('PATCH', '/api/me/preferences', { token: editor.token, body: { language: 'de', dailyDigest: 'yes' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { path: string; code: string }) => `${e.path} ${e.code}`).sort()).toEqual(['body.dailyDigest not_a_boolean', 'body.language not_allowed']);
      expect((await http.server.request('GET', '/api/me/preferences', { token: editor.token })).body).toEqual({ language: 'zh', dailyDigest: false });
      expect((await http.server.request('GET', '/api/me/preferences')).status).toBe(401);
    });

    it('holds digestible notices of someone who chose the daily digest and sends them once a day as one message in their language', async () => {
      const { focal, editor } = http.users;
      await http.server.request('PATCH', '/api/me/preferences', { token: focal.token, body: { language: 'fr', dailyDigest: true } });
      const submitted = [
        notice({ to: focal.email, language: 'fr', subject: 'Addis-Abeba a soumis sa contribution', text: 'À examiner.', digestible: true }),
        notice({ to: focal.email, language: 'fr', subject: 'Le Caire a soumis sa contribution', text: 'À examiner aussi.', digestible: true }),
      ];
      const urgent = notice({ to: focal.email, language: 'fr', subject: 'Le cycle TSAG 2021 est ouvert' });
      const toEditor = notice({ to: editor.email, subject: 'Changes requested', digestible: true });
      await enqueue(http.server, [...submitted, urgent, toEditor]);

      const { mail } = http.server.database.fieldbook.services;
      const transport = smtpTransport(smtp.url, 'Fieldbook <noreply@fieldbook.example>');
      try {
        const now = new Date();
        await mail.gatherDigests(now);
        await mail.deliverDue(transport, () => now);
        expect(smtp.received.map((m) => m.subject).sort()).toEqual([urgent.subject, toEditor.subject].sort());
        const held = (await outbox(http.server, http.users.admin.token, '?state=held')).data;
        expect(held.map((m: { subject: string }) => m.subject).sort()).toEqual(submitted.map((m) => m.subject).sort());

        const tomorrow = new Date(now.getTime() + 24 * 3600 * 1000);
        await mail.gatherDigests(tomorrow);
        await mail.gatherDigests(tomorrow);
        await mail.deliverDue(transport, () => tomorrow);
      } finally {
        transport.close();
      }
      expect(smtp.received).toHaveLength(3);
      const digest = smtp.received[2];
      expect(digest?.to).toEqual([focal.email]);
      expect(digest?.language).toBe('fr');
      expect(digest?.subject).toMatch(/^Fieldbook : résumé quotidien du \d+ \S+ \d{4}$/);
      expect(digest?.text).toContain('Avis qui vous sont adressés depuis le dernier résumé : 2.');
      expect(digest?.text.indexOf(submitted[0]!.subject)).toBeLessThan(digest?.text.indexOf(submitted[1]!.subject) ?? -1);
      expect(digest?.text).toContain('À examiner aussi.');
      const digested = (await outbox(http.server, http.users.admin.token, '?state=digested')).data;
      expect(digested).toHaveLength(2);
      expect(new Set(digested.map((m: { digestId: string }) => m.digestId)).size).toBe(1);
    });

    it('sends again, with the same Message-ID, a message whose worker stopped after claiming it, once its lease has lapsed', async () => {
      const message = notice();
      await enqueue(http.server, [message]);
      const { database, services } = http.server.database.fieldbook;
      const now = new Date();
      // A worker claims the message and dies before it records anything.
      await database.db.transaction().execute((trx) => claimDue(trx, http.dialect, now.toISOString(), new Date(now.getTime() + 10 * 60_000).toISOString(), 10));
      const transport = smtpTransport(smtp.url, 'Fieldbook <noreply@fieldbook.example>');
      try {
        expect(await services.mail.deliverDue(transport, () => new Date(now.getTime() + 60_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
        expect(await services.mail.deliverDue(transport, () => new Date(now.getTime() + 11 * 60_000))).toEqual({ sent: 1, retrying: 0, failed: 0 });
      } finally {
        transport.close();
      }
      const [mail] = smtp.received;
      expect(mail?.messageId).toBe((await services.mail.findByKey(message.key))?.messageId);
      expect(await services.mail.findByKey(message.key)).toMatchObject({ state: 'sent', attempts: 2 });
    });

    it('sends each message exactly once when two workers run at once (on PostgreSQL, two instances)', async () => {
      const messages = Array.from({ length: 40 }, (_, i) => notice({ to: `office-${i}@example.org`, subject: `Notice ${i}` }));
      await enqueue(http.server, messages);
      const first = http.server.database.fieldbook;
      // PostgreSQL: a second instance on the same schema, with its own connections. SQLite: one process.
      const second = http.dialect === 'postgres' ? await openFieldbook(http.server.database.config, { schema: http.server.database.schema! }) : first;
      const transports = [0, 1, 2, 3].map(() => smtpTransport(smtp.url, 'Fieldbook <noreply@fieldbook.example>'));
      try {
        const [a, b, c, d] = transports as [typeof transports[number], typeof transports[number], typeof transports[number], typeof transports[number]];
        const reports = await Promise.all([
          first.services.mail.deliverDue(a),
          first.services.mail.deliverDue(b),
          second.services.mail.deliverDue(c),
          second.services.mail.deliverDue(d),
        ]);
        expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBe(40);
      } finally {
        transports.forEach((transport) => transport.close());
        if (second !== first) await second.close();
      }
      expect(smtp.received).toHaveLength(40);
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(40);
      expect(smtp.received.map((m) => m.subject).sort()).toEqual(messages.map((m) => m.subject).sort());
      expect((await outbox(http.server, http.users.admin.token, '?state=sent&limit=200')).data).toHaveLength(40);
    });
  },
);
