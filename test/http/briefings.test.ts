/**
 * Director briefings over real HTTP on both databases: a TSB focal point generates the month's
 * briefing (one per bureau and month), adds a note (a stale edit gets 409), and sends it: the
 * mail reaches a real SMTP server in the test process, addressed to the director's account and to
 * the focal points, each in their own account's language (the stored briefing stays the
 * director's); the briefing is then kept as sent whatever the register does next. The scheduled pass makes last month's briefing of every bureau with a director, once.
 */
import { afterAll, beforeEach, expect, it } from 'vitest';
import { createBriefingService } from '#src/briefings/service.ts';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import { startTestSmtp } from '../support/smtp.ts';

const smtp = await startTestSmtp();
afterAll(() => smtp.close());
beforeEach(() => smtp.reset());

const SYSTEM = { kind: 'system', label: 'briefings test' } as const;

describeHttp(
  'director briefings',
  {
    database: 'shared',
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'Fieldbook <noreply@fieldbook.example>', MAIL_POLL_SECONDS: '0.05', PUBLIC_URL: 'https://fieldbook.example' },
    users: {
      focal: { role: 'focal-point', bureau: 'TSB' },
      otherFocal: { role: 'focal-point', bureau: 'BR' },
      admin: { role: 'admin' },
      editor: { role: 'editor', office: 'addis-ababa' },
      reader: { role: 'reader' },
    },
  },
  (http) => {
    it('generates a month once, takes a note, and sends it to the director and the focal points each in their own language; kept as sent in the director’s', async () => {
      const { focal, otherFocal, editor, reader, admin } = http.users;
      const { auth } = http.server.database.fieldbook.services;
      const director = await auth.createUser(SYSTEM, { email: 'director@tsb.example', displayName: 'Directeur du TSB', role: 'reader', language: 'fr' });
      expect((await http.server.request('PUT', '/api/briefings/directors/TSB', { token: reader.token, body: { userId: director.id } })).status).toBe(403);
      expect((await http.server.request('PUT', '/api/briefings/directors/TSB', { token: focal.token, body: { userId: director.id } })).status).toBe(200);
      // Everyone signed in sees who receives each bureau's briefings; the TSB's is the account just named.
      const named = await http.server.request('GET', '/api/briefings/directors', { token: reader.token });
      expect(named.body.data.find((d: { bureau: string }) => d.bureau === 'TSB')).toEqual({ bureau: 'TSB', userId: director.id, email: 'director@tsb.example' });
      expect(named.body.data.find((d: { bureau: string }) => d.bureau === 'BR')).toEqual({ bureau: 'BR', userId: null, email: null });
      // A second TSB focal point reads Russian; the first, English by default.
      await auth.createUser(SYSTEM, { email: 'focal-ru@tsb.example', displayName: 'Координатор TSB', role: 'focal-point', bureau: 'TSB', language: 'ru' });

      // Held in March 2020 (the factory's workshop, 2–3 March) and planned for April.
      await buildActivity(http.server);
      await buildActivity(http.server, { title: { en: 'Regional forum on standardization', ru: 'Региональный форум по стандартизации' }, status: 'planned', date: { text: '14 April 2020' }, kind: 'forum' });

      const body = { bureau: 'TSB', period: '2020-03' };
      expect((await http.server.request('POST', '/api/briefings', { token: otherFocal.token, body })).status).toBe(403);
      expect((await http.server.request('POST', '/api/briefings', { token: editor.token, body })).status).toBe(403);
      expect((await http.server.request('GET', '/api/briefings')).status).toBe(401);
      const bad = await http.server.request('POST', '/api/briefings', { token: admin.token, body: { bureau: 'XYZ', period: '2020-13' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((i: { path: string }) => i.path).sort()).toEqual(['body.bureau', 'body.period']);

      const created = await http.server.request('POST', '/api/briefings', { token: focal.token, body });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ bureau: 'TSB', period: '2020-03', state: 'draft', language: 'fr', director: 'Chaesub Lee', delivery: 'ready', directorAddress: 'director@tsb.example', canManage: true });
      const africa = created.body.content.regions.find((r: { code: string }) => r.code === 'AFR');
      expect(africa.counts).toMatchObject({ held: 1, planned: 1 });
      const office = africa.offices.find((o: { code: string }) => o.code === 'addis-ababa');
      expect(office.held.map((i: { title: string }) => i.title)).toEqual(['Workshop on Quality of Service']);
      expect(office.planned.map((i: { title: string }) => i.title)).toEqual(['Regional forum on standardization']);
      const again = await http.server.request('POST', '/api/briefings', { token: focal.token, body });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(created.body.id);
      const id = created.body.id as string;

      // Readers read, but neither note nor send.
      const read = await http.server.request('GET', `/api/briefings/${id}`, { token: reader.token });
      expect(read.body).toMatchObject({ state: 'draft', canManage: false });
      expect((await http.server.request('PUT', `/api/briefings/${id}/note`, { token: reader.token, body: { version: 1, note: 'x' } })).status).toBe(403);

      const long = await http.server.request('PUT', `/api/briefings/${id}/note`, { token: focal.token, body: { note: 'x'.repeat(4001) } });
      expect(long.status).toBe(400);
      expect(long.body.errors.map((i: { path: string }) => i.path).sort()).toEqual(['body.note', 'body.version']);
      const noted = await http.server.request('PUT', `/api/briefings/${id}/note`, { token: focal.token, body: { version: 1, note: 'Le TSB prépare la réunion du GCNT.' } });
      expect(noted.status).toBe(200);
      expect(noted.body).toMatchObject({ version: 2, note: 'Le TSB prépare la réunion du GCNT.' });
      const stale = await http.server.request('PUT', `/api/briefings/${id}/note`, { token: focal.token, body: { version: 1, note: 'Lost?' } });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ version: 2, note: 'Le TSB prépare la réunion du GCNT.' });

      const sent = await http.server.request('POST', `/api/briefings/${id}/send`, { token: focal.token, body: { version: 2 } });
      expect(sent.status).toBe(200);
      expect(sent.body).toMatchObject({ state: 'sent', sentAt: expect.any(String), canManage: false });
      expect(sent.body.recipients.map((r: { email: string; role: string; language: string }) => `${r.role} ${r.email} ${r.language}`).sort()).toEqual(
        ['director director@tsb.example fr', `focal-point ${focal.email} en`, 'focal-point focal-ru@tsb.example ru'].sort(),
      );
      const mails = await smtp.waitFor(3);
      expect(mails.map((m) => m.to[0]).sort()).toEqual(['director@tsb.example', focal.email, 'focal-ru@tsb.example'].sort());
      const toDirector = mails.find((m) => m.to[0] === 'director@tsb.example');
      expect(toDirector?.language).toBe('fr');
      expect(toDirector?.subject).toBe('Note d’information du TSB : mars 2020');
      expect(toDirector?.text).toContain('Note d’information du Directeur du TSB sur les régions, mars 2020');
      expect(toDirector?.text).toContain('Le TSB prépare la réunion du GCNT.');
      expect(toDirector?.text).toContain('Workshop on Quality of Service');
      expect(toDirector?.text).toContain('Regional forum on standardization');
      expect(toDirector?.text).toContain(`https://fieldbook.example/app/briefings/${id}`);
      // The Russian focal point's copy: heading, month, office and the title that has a Russian
      // translation in Russian; the note as the focal point wrote it; the one without, in its original.
      const toRussian = mails.find((m) => m.to[0] === 'focal-ru@tsb.example');
      expect(toRussian?.language).toBe('ru');
      expect(toRussian?.subject).toBe('Сводка TSB: март 2020 г.');
      expect(toRussian?.text).toContain('Сводка для Директора TSB о работе в регионах, март 2020 г.');
      expect(toRussian?.text).toContain('Проведено в период: март 2020 г.');
      expect(toRussian?.text).toContain('* Региональное отделение для Африки');
      expect(toRussian?.text).toContain('Региональный форум по стандартизации');
      expect(toRussian?.text).toContain('запланировано');
      expect(toRussian?.text).toContain('Workshop on Quality of Service');
      expect(toRussian?.text).toContain('Le TSB prépare la réunion du GCNT.');
      expect(toRussian?.text).toContain(`https://fieldbook.example/app/briefings/${id}`);
      expect(toRussian?.text).not.toContain('mars 2020');
      expect(toDirector?.text).not.toContain('Региональный форум');
      const toEnglish = mails.find((m) => m.to[0] === focal.email);
      expect(toEnglish?.language).toBe('en');
      expect(toEnglish?.subject).toBe('TSB briefing: March 2020');
      expect(toEnglish?.text).toContain('Le TSB prépare la réunion du GCNT.');
      // The briefing kept is the director's copy.
      expect(sent.body.language).toBe('fr');
      expect(sent.body.content.language).toBe('fr');
      // Printable as sent, in the director's language.
      const html = await http.server.request('GET', `/api/briefings/${id}/briefing.html`, { token: reader.token });
      expect(html.text).toContain('Le TSB prépare la réunion du GCNT.');
      expect(html.text).toContain('Workshop on Quality of Service');
      expect(html.text).not.toContain('PROJET');
      expect(html.text).not.toContain('Региональный форум');
      const docx = await fetch(`${http.server.url}/api/briefings/${id}/briefing.docx`, { headers: { authorization: `Bearer ${reader.token}` } });
      expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');

      // Later edits of the register do not reach a sent briefing, nor does generating it again.
      await buildActivity(http.server, { title: { en: 'Workshop recorded after sending' } });
      const kept = await http.server.request('GET', `/api/briefings/${id}`, { token: reader.token });
      expect(kept.body.content).toEqual(sent.body.content);
      const regenerated = await http.server.request('POST', '/api/briefings', { token: focal.token, body });
      expect(regenerated.body).toMatchObject({ state: 'sent', content: sent.body.content });
      const late = await http.server.request('PUT', `/api/briefings/${id}/note`, { token: focal.token, body: { version: sent.body.version, note: 'Too late' } });
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('briefing_sent');
      expect((await http.server.request('POST', `/api/briefings/${id}/send`, { token: focal.token, body: { version: sent.body.version } })).status).toBe(409);
    });

    it("makes last month's briefing of every bureau with a director once, sends it when the note time is over, and says when the director has no address", async () => {
      const { db } = http.server.database.fieldbook.database;
      const services = http.server.database.fieldbook.services;
      // The scheduled pass on a clock of our own: 2 December makes November's drafts, 6 December sends them.
      let today = '2019-12-02';
      const pass = createBriefingService(db, services, { baseUrl: 'https://fieldbook.example', now: () => new Date(`${today}T06:00:00Z`) });
      await pass.remind();
      await pass.remind();
      const list = async () => (await http.server.request('GET', '/api/briefings?state=draft', { token: http.users.reader.token })).body.data.filter((b: { period: string }) => b.period === '2019-11');
      const made = await list();
      // BDT's director of 2019 is not in the registry: no briefing for BDT.
      expect(made.map((b: { bureau: string }) => b.bureau).sort()).toEqual(['BR', 'TSB']);
      const brId = made.find((b: { bureau: string }) => b.bureau === 'BR').id as string;
      const br = await http.server.request('GET', `/api/briefings/${brId}`, { token: http.users.reader.token });
      expect(br.body).toMatchObject({ state: 'draft', delivery: 'no-address', directorAddress: null, content: { director: { name: 'Mario Maniewicz', confirmed: false } } });

      today = '2019-12-06';
      await Promise.all([pass.remind(), pass.remind()]);
      expect(await list()).toEqual([]);
      const sent = await http.server.request('GET', `/api/briefings/${brId}`, { token: http.users.reader.token });
      expect(sent.body.state).toBe('sent');
      expect(sent.body.recipients.map((r: { email: string; role: string }) => `${r.role} ${r.email}`)).toEqual([`focal-point ${http.users.otherFocal.email}`]);
      await smtp.waitFor(1);
      const toBr = () => smtp.received.filter((m) => m.to[0] === http.users.otherFocal.email);
      for (let waited = 0; toBr().length === 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(toBr().map((m) => m.subject)).toEqual(['BR briefing: November 2019']);
    });
  },
);
