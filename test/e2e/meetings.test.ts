/**
 * Coordination in the workspace, in Chromium against the real server on a temporary SQLite
 * database: the TSB focal point creates a call series with the Regional Office for Africa, drafts
 * the next meeting's agenda from the register, writes the minutes of the meeting held, raises an
 * action item and approves the minutes; the office's editor finds the action item on "My office",
 * records attendance and closes the item; the focal point sends the month's director briefing
 * with a note; the screens read right to left in Arabic. Each screen
 * is checked with axe-core. One journey, in the order written.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActivity, buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { expectAccessible, openPage, signIn as signInTo, type PageOptions } from './support/workspace.ts';

let server: TestServer;
let browser: Browser;
let editor: TestUser;
let focal: TestUser;
const contexts: BrowserContext[] = [];
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const open = (options: PageOptions = {}): Promise<Page> => openPage(browser, contexts, options);
const signIn = (page: Page, user: TestUser): Promise<void> => signInTo(page, server.url, user);

beforeAll(async () => {
  server = await startTestServer('sqlite');
  editor = await buildUser(server, { role: 'editor', office: 'addis-ababa', email: 'editor@example.org' });
  focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB', email: 'focal@example.org' });
  await buildActivity(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe('coordination meetings in the workspace', () => {
  let page: Page;
  let held = '';

  it('lets the focal point create a weekly series in Geneva time', async () => {
    page = await open();
    await signIn(page, focal);
    await page.getByRole('link', { name: 'Meetings', exact: true }).click();
    await page.getByRole('heading', { name: 'Coordination meetings', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New series' }).click();
    await page.getByLabel('Title', { exact: true }).fill('TSB call with the Regional Office for Africa');
    await page.getByLabel('Regional Office for Africa', { exact: true }).check();
    // Three weekly calls, one of them already held: a rule the picker does not offer, written out.
    await page.getByLabel('Repeats').selectOption({ label: 'Another rule (written as an RRULE)' });
    await page.getByLabel('Recurrence rule (RFC 5545)').fill('FREQ=WEEKLY;COUNT=3');
    await page.getByLabel('From (day of the first meeting)').fill(day(-8));
    await page.getByLabel("Time of day (in the series' time zone)").fill('14:00');
    await expectAccessible(page, 'meetings-new-series');
    await page.getByRole('button', { name: 'Create the series' }).click();
    await page.getByRole('status').filter({ hasText: 'The series is created' }).waitFor();
    await page.getByText('TSB call with the Regional Office for Africa', { exact: true }).first().waitFor();
    await expectAccessible(page, 'meetings-list');
  });

  it('drafts the next agenda from the register, raises an action item and minutes the meeting held', async () => {
    await page.getByRole('link', { name: /^Next: / }).click();
    await page.getByRole('button', { name: 'Draft the agenda from the register' }).click();
    await page.getByText(/^Held: Workshop on Quality of Service/).waitFor();
    await expectAccessible(page, 'meetings-agenda');

    const occurrences = await server.request('GET', '/api/meetings/occurrences?when=past', { token: focal.token });
    held = occurrences.body.data[0].id;
    await page.goto(`${server.url}/app/meetings/occurrences/${held}`);
    await page.getByRole('heading', { name: 'Minutes', level: 2 }).waitFor();
    await page.getByLabel('What', { exact: true }).fill('Share the African Common Proposals with TSB');
    await page.getByLabel('Due', { exact: true }).fill(day(20));
    // The item is about an activity of the office's register, picked as a contribution picks one.
    await page.getByRole('button', { name: 'Link an activity' }).click();
    const picker = page.getByRole('dialog', { name: 'Link an activity' });
    await picker.getByRole('button', { name: 'Link “Workshop on Quality of Service”' }).click();
    await page.getByRole('group', { name: 'Linked to' }).getByRole('link', { name: 'Workshop on Quality of Service' }).waitFor();
    await page.getByRole('button', { name: 'Add the action item' }).click();
    const raised = page.getByRole('cell', { name: /^Share the African Common Proposals with TSB/ });
    await raised.getByRole('link', { name: 'Workshop on Quality of Service' }).waitFor();
    expect((await server.request('GET', '/api/meetings/actions', { token: focal.token })).body.data[0].links).toEqual([{ kind: 'activity', id: expect.any(String) }]);

    await page.getByRole('button', { name: 'Add a point' }).click();
    await page.getByLabel('Title of the point', { exact: true }).fill('Preparation of WTSA-20');
    await page.getByLabel('Notes on "Preparation of WTSA-20"').fill('The Interregional meeting for preparation of WTSA-20 was reported.');
    await page.getByLabel('Decisions on "Preparation of WTSA-20" (one a line)').fill('Offices record every preparatory meeting.');
    await page.getByRole('button', { name: 'Save the minutes' }).click();
    await page.getByText('Minutes in draft').waitFor();
    await expectAccessible(page, 'meetings-minutes');
  });

  it('lets the editor find the action item on My office, record attendance and close the item', async () => {
    const office = await open();
    await signIn(office, editor);
    const mine = office.getByRole('region', { name: 'Action items of my office' });
    await mine.getByRole('cell', { name: /^Share the African Common Proposals with TSB/ }).getByRole('link', { name: 'Workshop on Quality of Service' }).waitFor();
    await expectAccessible(office, 'meetings-my-office');
    await mine.getByLabel('Status of "Share the African Common Proposals with TSB"').selectOption('done');
    await expect.poll(async () => (await server.request('GET', '/api/meetings/actions', { token: editor.token })).body.data[0]?.status).toBe('done');

    await office.goto(`${server.url}/app/meetings/occurrences/${held}`);
    await office.getByLabel('Attendance of Regional Office for Africa').selectOption('present');
    await expect.poll(async () => (await server.request('GET', `/api/meetings/occurrences/${held}`, { token: editor.token })).body.attendance[0]?.state).toBe('present');
    await expectAccessible(office, 'meetings-occurrence-editor');
  });

  it('lets the chair approve the minutes, which are then frozen and downloadable', async () => {
    await page.reload();
    await page.getByRole('button', { name: 'Approve the minutes' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Approve the minutes' }).click();
    await page.getByText(/^Approved by .*: frozen\.$/).waitFor();
    await page.getByText('Offices record every preparatory meeting.').waitFor();
    expect(await page.getByRole('button', { name: 'Save the minutes' }).count()).toBe(0);
    const docx = await page.request.get(`${server.url}/api/meetings/occurrences/${held}/minutes.docx`);
    expect(docx.headers()['content-type']).toContain('wordprocessingml');
    await expectAccessible(page, 'meetings-minutes-approved');
  });

  it("lets the focal point generate the month's director briefing, add a note and send it; then it is kept as sent", async () => {
    const meeting = (await (await page.request.get(`${server.url}/api/meetings/occurrences/${held}`)).json()) as { startAt: string; seriesTitle: string };
    const month = meeting.startAt.slice(0, 7);
    await page.getByRole('link', { name: 'Briefings', exact: true }).click();
    await page.getByRole('heading', { name: 'Director briefings', level: 1 }).waitFor();
    await page.getByLabel('Month').fill(month);
    // Who receives each bureau's briefings in the director's name: none named in this test's register.
    await page.getByRole('row', { name: /^TSB None named/ }).waitFor();
    await expectAccessible(page, 'briefings-list');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByRole('status').filter({ hasText: 'The briefing is ready as a draft.' }).waitFor();
    await page.getByRole('heading', { name: 'Africa', level: 2 }).waitFor();
    await page.getByRole('link', { name: meeting.seriesTitle }).first().waitFor();
    await page.getByText('It goes to the director', { exact: false }).or(page.getByText('goes to the focal points only', { exact: false })).first().waitFor();
    await page.getByLabel('Note (shown first)').fill('The regional workshops of the autumn are confirmed.');
    await page.getByRole('button', { name: 'Save the note' }).click();
    await page.getByRole('status').filter({ hasText: 'The note is saved.' }).waitFor();
    await expectAccessible(page, 'briefing-draft');
    await page.getByRole('button', { name: 'Send the briefing' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Send the briefing' }).click();
    await page.getByRole('status').filter({ hasText: 'The briefing is sent.' }).waitFor();
    await page.getByRole('heading', { name: 'Sent to', level: 2 }).waitFor();
    await page.getByRole('listitem').filter({ hasText: '<focal@example.org> — focal point' }).waitFor();
    await page.getByText('The regional workshops of the autumn are confirmed.').waitFor();
    expect(await page.getByRole('button', { name: 'Send the briefing' }).count()).toBe(0);
    await expectAccessible(page, 'briefing-sent');
    // Right to left in Arabic, the briefing's own words (English here) marked as such.
    await page.getByLabel('Language').selectOption('ar');
    await page.getByRole('heading', { name: 'أُرسلت إلى', level: 2 }).waitFor();
    expect(await page.locator('h2[lang="en"]', { hasText: 'Africa' }).count()).toBe(1);
    await expectAccessible(page, 'briefing-sent-ar');
    await page.getByLabel('اللغة').selectOption('en');
    await page.getByRole('heading', { name: 'Sent to', level: 2 }).waitFor();
  });

  it('lets the focal point change the series to the first Tuesday of every month, seeing the rule in words and the next meetings first; a stale change is refused', async () => {
    await page.goto(`${server.url}/app/meetings`);
    await page.getByRole('listitem').filter({ hasText: 'TSB call with the Regional Office for Africa' }).getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Change the series: TSB call with the Regional Office for Africa' });
    await form.getByLabel('Repeats').selectOption('monthly');
    await form.getByLabel('Week of the month').selectOption({ label: 'first' });
    await form.getByLabel('Day of the week').selectOption({ label: 'Tuesday' });
    await form.getByLabel("Time of day (in the series' time zone)").fill('15:00');
    await form.getByLabel('Kind').selectOption('monthly-review');
    await form.getByLabel('Room').fill('Popov room, ITU Tower');
    await form.getByText('The first Tuesday of every month, at 15:00 (Europe/Zurich)').waitFor();
    const next = form.getByRole('list', { name: 'Next meetings (in your time zone)' }).getByRole('listitem');
    await expect.poll(() => next.count()).toBe(4);
    expect(await next.first().textContent()).toMatch(/Tuesday/);
    await expectAccessible(page, 'meetings-series-edit');

    // Someone else saves the series meanwhile: this change is refused, nothing of it stored.
    const series = (await server.request('GET', '/api/meetings/series', { token: focal.token })).body.data[0];
    await server.request('PATCH', `/api/meetings/series/${series.code}`, { token: focal.token, body: { version: series.version, durationMinutes: 45 } });
    await form.getByRole('button', { name: 'Save the series' }).click();
    await form.getByRole('alert').waitFor();
    expect((await server.request('GET', `/api/meetings/series/${series.code}`, { token: focal.token })).body.rule).toBe('FREQ=WEEKLY;COUNT=3');

    await page.reload();
    await page.getByRole('listitem').filter({ hasText: 'TSB call with the Regional Office for Africa' }).getByRole('button', { name: 'Edit', exact: true }).click();
    await form.getByLabel('Repeats').selectOption('monthly');
    await form.getByLabel("Time of day (in the series' time zone)").fill('15:00');
    await form.getByRole('button', { name: 'Save the series' }).click();
    await page.getByRole('status').filter({ hasText: 'The series is saved.' }).waitFor();
    const saved = (await server.request('GET', `/api/meetings/series/${series.code}`, { token: focal.token })).body;
    expect(saved).toMatchObject({ rule: 'FREQ=MONTHLY;BYDAY=1TU', durationMinutes: 45 });
    expect(saved.startsLocal.slice(11)).toBe('15:00');
  });

  it('reads right to left in Arabic', async () => {
    const arabic = await open();
    await signIn(arabic, focal);
    await arabic.goto(`${server.url}/app/meetings/occurrences/${held}`);
    await arabic.getByRole('heading', { name: 'Minutes', level: 2 }).waitFor();
    await arabic.getByLabel('Language').selectOption('ar');
    await arabic.getByRole('heading', { name: 'المحضر', level: 2 }).waitFor();
    await expect
      .poll(() => arabic.evaluate(() => (globalThis as unknown as { document: { documentElement: { dir: string } } }).document.documentElement.dir))
      .toBe('rtl');
    await expectAccessible(arabic, 'meetings-occurrence-ar');
    // The series' form and its rule in words, right to left.
    await arabic.goto(`${server.url}/app/meetings`);
    await arabic.getByRole('button', { name: 'تعديل', exact: true }).click();
    await arabic.getByText('يوم الثلاثاء الأول من كل شهر، الساعة 15:00 (Europe/Zurich)').waitFor();
    await expectAccessible(arabic, 'meetings-series-edit-ar');
  });
});
