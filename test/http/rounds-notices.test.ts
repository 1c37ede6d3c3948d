/**
 * The notices of a reporting round reach a real SMTP server in the test process, one for each
 * step, in the recipient's language: the round opens (the office's editors), a contribution is
 * submitted (the reviewers), changes are requested and it is accepted (the editors). Reminders
 * before the due day are written once however often the job runs.
 */
import { afterAll, beforeEach, expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { startTestSmtp } from '../support/smtp.ts';

const smtp = await startTestSmtp();
afterAll(() => smtp.close());
beforeEach(() => smtp.reset());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const PATH = '/api/rounds/tsag-2020/contributions/addis-ababa';

describeHttp(
  'reporting round notices',
  {
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Fieldbook <noreply@fieldbook.example>', MAIL_POLL_SECONDS: '0.05', PUBLIC_URL: 'https://fieldbook.example' },
    users: { focal: { role: 'focal-point', bureau: 'TSB' }, editor: { role: 'editor', office: 'addis-ababa' } },
  },
  (http) => {
    it('tells each step to whom it concerns, in their language, as mail', async () => {
      const { focal, editor } = http.users;
      await http.server.request('PATCH', '/api/me/preferences', { token: editor.token, body: { language: 'fr' } });
      const opened = await http.server.request('POST', '/api/rounds', {
        token: focal.token,
        body: { sector: 'ITU-T', meeting: 'TSAG, Geneva', from: '2020-01-01', to: '2020-08-31', due: day(30), offices: ['addis-ababa'] },
      });
      expect(opened.status).toBe(201);
      const [openMail] = await smtp.waitFor(1);
      expect(openMail).toMatchObject({ to: [editor.email], language: 'fr', subject: expect.stringContaining('Bureau régional pour l') });
      expect(openMail?.text).toContain('https://fieldbook.example/app/rounds/tsag-2020/offices/addis-ababa');

      const started = await http.server.request('POST', `${PATH}/start`, { token: editor.token });
      const submitted = await http.server.request('POST', `${PATH}/submit`, { token: editor.token, body: { version: started.body.version } });
      const [, submitMail] = await smtp.waitFor(2);
      expect(submitMail).toMatchObject({ to: [focal.email], language: 'en', subject: "Submitted for review: the Regional Office for Africa's contribution to tsag-2020" });

      const asked = await http.server.request('POST', `${PATH}/request-changes`, { token: focal.token, body: { version: submitted.body.version, comment: 'Nommez les organisateurs.' } });
      const [, , changesMail] = await smtp.waitFor(3);
      expect(changesMail).toMatchObject({ to: [editor.email], language: 'fr' });
      expect(changesMail?.text).toContain('Nommez les organisateurs.');

      const resubmitted = await http.server.request('POST', `${PATH}/submit`, { token: editor.token, body: { version: asked.body.version } });
      await http.server.request('POST', `${PATH}/accept`, { token: focal.token, body: { version: resubmitted.body.version } });
      const all = await smtp.waitFor(5);
      expect(all.map((m) => `${m.to.join()} ${m.subject.split(':')[0]}`)).toEqual([
        `${editor.email} Rapport au TSAG `,
        `${focal.email} Submitted for review`,
        `${editor.email} Modifications demandées sur la contribution du Bureau régional pour l'Afrique au cycle tsag-2020`,
        `${focal.email} Submitted for review`,
        `${editor.email} Acceptée `,
      ]);
    });

    it('reminds before the due day and tells when it has passed, each once however often the job runs', async () => {
      const { focal, editor } = http.users;
      await http.server.request('POST', '/api/rounds', { token: focal.token, body: { code: 'soon', sector: 'ITU-T', meeting: 'TSAG', from: '2020-01-01', to: '2020-08-31', due: day(3), offices: ['addis-ababa'] } });
      await http.server.request('POST', '/api/rounds', { token: focal.token, body: { code: 'past', sector: 'ITU-T', meeting: 'TSAG', from: '2019-01-01', to: '2019-08-31', due: day(-2), offices: ['addis-ababa'] } });
      await smtp.waitFor(2);
      const { rounds, mail } = http.server.database.fieldbook.services;
      expect(await rounds.remind()).toBe(2);
      await rounds.remind();
      const received = await smtp.waitFor(4);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.received).toHaveLength(4);
      expect(received.slice(2).map((m) => m.subject).sort()).toEqual([
        "Overdue: the Regional Office for Africa's contribution to past",
        `Reminder: the Regional Office for Africa's contribution to soon is due on ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day(3)}T00:00:00Z`))}`,
      ]);
      expect(await mail.findByKey(`round:soon:due-in-7:addis-ababa:${(await http.server.request('GET', '/api/session', { token: editor.token })).body.user.id}`)).not.toBeNull();
    });
  },
);
