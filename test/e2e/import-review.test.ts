/**
 * Reviewing the passages an import could not place, in Chromium: an editor sees each beside its
 * text, makes one an activity (the editor opens on what was read: date, place, bodies), corrects
 * and accepts it, dismisses the rest, and the batch says its review is done. Checked with axe-core.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildActivity, buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { launchBrowser } from './support/browser.ts';
import { expectAccessible, openPage, signIn } from './support/workspace.ts';

let server: TestServer;
let browser: Browser;
let editor: TestUser;
let batchId: string;
const contexts: BrowserContext[] = [];

/** A numbered section that names no office or region: its passages are not placed. */
const NOTES = [
  '1\tNotes from the field, 2020',
  'A workshop on Quality of Service was held in Harare, Zimbabwe, on 3 - 4 March 2020, with the ITU-T SG12 regional group for Africa.',
  'The coffee machine on the third floor was repaired in the spring.',
  'Thanks go to everyone who made the year what it was.',
].join('\n\n');

beforeAll(async () => {
  server = await startTestServer('sqlite');
  editor = await buildUser(server, { role: 'editor', office: 'harare', email: 'harare@example.org' });
  const batch = await server.database.fieldbook.services.imports.importDocument({ kind: 'system', label: 'e2e' }, { name: 'notes.txt', bytes: Buffer.from(NOTES) }, { office: 'harare' });
  batchId = batch.batch.id;
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

it('lists the passages not placed beside their text; one becomes an activity, the other is dismissed, and the review is done', async () => {
  const page: Page = await openPage(browser, contexts);
  await signIn(page, server.url, editor);
  // My office says an import waits for review, though nothing was proposed from it.
  await page.getByRole('link', { name: 'Notes from the field, 2020' }).or(page.getByRole('link', { name: 'notes.txt' })).first().click();
  const passages = page.getByRole('region', { name: /Passages not placed/ });
  await expect(passages.getByRole('heading', { level: 2 }).textContent()).resolves.toContain('(3 of 3 left)');
  const workshop = passages.getByRole('listitem').filter({ hasText: 'Harare, Zimbabwe' });
  await expectAccessible(page, 'import-review-unplaced');

  await workshop.getByRole('button', { name: 'Make an activity' }).click();
  // The new proposal opens in its editor, filled with what was read.
  const proposal = page.locator('ol.proposals > li.proposal:not(.passage)').first();
  await expect(proposal.getByLabel('Date').inputValue()).resolves.toMatch(/3\s*-\s*4 March 2020/);
  await expect(proposal.locator('dd').filter({ hasText: 'Harare, Zimbabwe' }).count()).resolves.toBe(1);
  await proposal.getByLabel('Title').fill('Workshop on Quality of Service');
  await proposal.getByRole('button', { name: 'Save' }).click();
  await proposal.getByRole('button', { name: 'Accept' }).click();
  await proposal.getByText('Accepted into the register').waitFor();
  await expect(workshop.getByText('Made a proposal').count()).resolves.toBe(1);

  for (const text of ['coffee machine', 'Thanks go']) {
    await passages.getByRole('listitem').filter({ hasText: text }).getByRole('button', { name: 'Dismiss' }).click();
    await passages.getByRole('listitem').filter({ hasText: text }).getByRole('button', { name: 'Undo dismissal' }).waitFor();
  }
  await page.getByRole('status').filter({ hasText: 'Review done' }).waitFor();
  await expectAccessible(page, 'import-review-done');
  const accepted = await server.request('GET', `/api/imports/${batchId}`, { token: editor.token });
  expect(accepted.body.counts).toMatchObject({ accepted: 1, proposed: 0, unplacedOpen: 0 });
});

it("shows an item headquarters recorded already, with why; the office's editor keeps it apart with a reason when accepting", async () => {
  const hq = await buildActivity(server, {
    title: { en: 'ITU-T SG13 workshop on fibre networks' },
    kind: 'workshop',
    offices: [{ office: 'geneva', role: 'organised' }],
    date: { text: '3 - 4 February 2020' },
    place: { city: 'Abuja', country: 'NG' },
    sectors: ['ITU-T'],
  });
  const addis = await buildUser(server, { role: 'editor', office: 'addis-ababa', email: 'addis@example.org' });
  const report = ['4\tAfrica – Regional Office for Africa', '1.\tITU-T SG13 events held in Abuja, Nigeria: a workshop on fibre networks, 3 and 4 February 2020.'].join('\n');
  const { batch } = await server.database.fieldbook.services.imports.importDocument({ kind: 'system', label: 'e2e' }, { name: 'africa.txt', bytes: Buffer.from(report) }, { office: 'addis-ababa' });
  const page: Page = await openPage(browser, contexts);
  await signIn(page, server.url, addis);
  await page.goto(`${server.url}/app/imports/${batch.id}`);
  const proposal = page.locator('ol.proposals > li.proposal').first();
  const note = proposal.getByRole('note', { name: /Possibly already in the register/ });
  await note.getByRole('link', { name: 'ITU-T SG13 workshop on fibre networks' }).waitFor();
  await expect(note.getByText('Same country: NG').count()).resolves.toBe(1);
  await expectAccessible(page, 'import-review-duplicate');

  await proposal.getByRole('button', { name: 'Accept' }).click();
  const dialog = page.getByRole('dialog', { name: 'This may already be in the register' });
  await dialog.getByLabel('Why this is a different event').fill('Our own follow-up session for the national regulators');
  await expectAccessible(page, 'import-review-duplicate-dialog');
  await dialog.getByRole('button', { name: 'Save anyway' }).click();
  await proposal.getByText('Accepted into the register').waitFor();
  const accepted = (await server.request('GET', `/api/imports/${batch.id}`, { token: addis.token })).body.proposals[0];
  const decision = await server.database.fieldbook.database.db.selectFrom('duplicate_decision').selectAll().executeTakeFirstOrThrow();
  expect([decision.state, decision.reason]).toEqual(['kept_apart', 'Our own follow-up session for the national regulators']);
  expect([decision.activity_a, decision.activity_b].sort()).toEqual([accepted.activityId, hq.id].sort());

  // A report repeating an item an earlier import still holds for review says so, rather than leaving it out without a word.
  const waiting = ['4\tAfrica – Regional Office for Africa', '1.\tA forum on digital inclusion was held in Kigali, Rwanda, 9 - 10 June 2020.'];
  await server.database.fieldbook.services.imports.importDocument({ kind: 'system', label: 'e2e' }, { name: 'june.txt', bytes: Buffer.from(waiting.join('\n')) }, { office: 'addis-ababa' });
  const again = [...waiting, '2.\tA workshop on numbering was held in Nairobi, Kenya, 14 - 15 July 2020.'].join('\n');
  await page.goto(`${server.url}/app/imports`);
  await page.getByLabel('Report (Word or text file)').setInputFiles({ name: 'june-july.txt', mimeType: 'text/plain', buffer: Buffer.from(again) });
  await page.getByRole('button', { name: 'Upload and read' }).click();
  await page.getByText('Not proposed again, because an earlier import proposed them and they still wait for review there: 1.').waitFor();
  await expect(page.locator('ol.proposals > li.proposal').count()).resolves.toBe(1);
  await expectAccessible(page, 'import-review-proposed-before');
});
