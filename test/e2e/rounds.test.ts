/**
 * The reporting cycle in the workspace, in Chromium against the real server on a temporary SQLite
 * database: an office editor drafts its contribution from the register and submits it; the focal
 * point requests changes with a comment; the office edits and resubmits; the focal point accepts
 * and downloads the compiled report as Word. Each screen is checked with axe-core and photographed
 * into test/e2e/screenshots/. The steps are one journey, in the order written.
 */
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
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
/** The regional group meeting, whose date the register corrects after the office wrote about it. */
let meeting: { id: string; version: number };
const contexts: BrowserContext[] = [];

const ROUND = 'tsag-2020';
const CONTRIBUTION = `/app/rounds/${ROUND}/offices/addis-ababa`;
/** A day from today, yyyy-mm-dd: due dates still to come, so nothing is late. */
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const open = (options: PageOptions = {}): Promise<Page> => openPage(browser, contexts, options);

const signIn = (page: Page, user: TestUser): Promise<void> => signInTo(page, server.url, user);

/** The text areas of the first numbered list, in order. */
const items = (page: Page) => page.locator('section.block.list').first().locator('li.item textarea');
const itemTexts = (page: Page) => items(page).evaluateAll((areas) => areas.map((area) => (area as unknown as { value: string }).value));

beforeAll(async () => {
  server = await startTestServer('sqlite');
  editor = await buildUser(server, { role: 'editor', office: 'addis-ababa', email: 'editor@example.org' });
  focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB', email: 'focal@example.org' });
  // The office's activities of the period (the seed's workshop and a regional group meeting), and one before it.
  await buildActivity(server);
  meeting = await buildActivity(server, {
    title: { en: 'Regular meeting of the African group to SG13' },
    kind: 'regional-group-meeting',
    offices: [{ office: 'addis-ababa', role: 'organised' }],
    date: { text: '5 - 6 February 2020' },
    place: { city: 'Abuja', country: 'NG' },
    bodies: [],
    description: undefined,
  });
  await buildActivity(server, {
    title: { en: 'Planning meeting of the regional initiatives' },
    kind: 'coordination',
    offices: [{ office: 'addis-ababa', role: 'organised' }],
    date: { text: '10 October 2019' },
    place: null,
    bodies: [],
    description: undefined,
  });
  const opened = await server.request('POST', '/api/rounds', {
    token: focal.token,
    body: { code: ROUND, sector: 'ITU-T', advisoryGroup: 'TSAG', meeting: 'TSAG, 28 September – 2 October 2020', from: '2020-01-01', to: '2020-08-31', due: inDays(30), offices: ['addis-ababa'] },
  });
  expect(opened.status, opened.text).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe('the reporting cycle in the workspace', () => {
  let office: Page;
  let review: Page;

  it('shows the office its contribution due on "My office", and drafts it from the register', async () => {
    office = await open();
    await signIn(office, editor);
    const due = office.getByRole('region', { name: 'Contributions due' });
    const link = due.getByRole('link', { name: 'ITU-T · TSAG, 28 September – 2 October 2020: Regional Office for Africa' });
    await link.waitFor();
    expect(await due.locator('.state').first().textContent()).toContain('Not started');
    await expectAccessible(office, 'rounds-home');
    await link.click();
    await office.getByRole('heading', { name: 'Contribution of Regional Office for Africa' }).waitFor();
    await office.getByRole('button', { name: 'Start from the register' }).click();
    // Both activities of the period are drafted as items; the one before the period is not.
    await expect.poll(() => items(office).count()).toBeGreaterThanOrEqual(2);
    const drafted = (await itemTexts(office)).join('\n');
    expect(drafted).toContain('Quality of Service');
    expect(drafted).toContain('African group to SG13');
    expect(drafted).not.toContain('Planning meeting');
  });

  it('edits the items: text, split at the cursor and merge, delete after asking, add back from the omissions, reorder', async () => {
    const drafted = await itemTexts(office);
    const count = drafted.length;
    const workshop = drafted.findIndex((text) => text.includes('Quality of Service')) + 1;
    const meeting = drafted.findIndex((text) => text.includes('African group to SG13')) + 1;
    const item = (n: number) => items(office).nth(n - 1);
    await item(workshop).fill('A workshop on Quality of Service was held in Ndjamena, Chad, 2 - 3 March 2020. It was organized with ITU-T SG12.');

    // Split where the cursor is: after the first sentence; then merged back.
    await item(workshop).evaluate((area) => {
      const input = area as unknown as { setSelectionRange(start: number, end: number): void; focus(): void };
      input.focus();
      input.setSelectionRange(78, 78);
    });
    await office.getByRole('button', { name: `Split at cursor: List 1, item ${workshop}` }).click();
    await expect.poll(() => items(office).count()).toBe(count + 1);
    expect((await itemTexts(office)).slice(workshop - 1, workshop + 1)).toEqual(['A workshop on Quality of Service was held in Ndjamena, Chad, 2 - 3 March 2020.', 'It was organized with ITU-T SG12.']);
    await office.getByRole('button', { name: `Merge with next: List 1, item ${workshop}` }).click();
    await expect.poll(() => items(office).count()).toBe(count);
    expect((await itemTexts(office))[workshop - 1]).toBe('A workshop on Quality of Service was held in Ndjamena, Chad, 2 - 3 March 2020. It was organized with ITU-T SG12.');

    // Deleting asks first; the activity it named then shows as "in the register but not in your section".
    await office.getByRole('button', { name: `Delete: List 1, item ${meeting}` }).click();
    const ask = office.getByRole('alertdialog', { name: `Delete List 1, item ${meeting}?` });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => items(office).count()).toBe(count - 1);
    const omissions = office.getByRole('complementary', { name: 'In the register but not in your section' });
    await omissions.getByRole('button', { name: 'Add “Regular meeting of the African group to SG13” as an item' }).click();
    await expect.poll(() => items(office).count()).toBe(count);
    expect((await itemTexts(office)).at(-1)).toContain('Regular meeting of the African group to SG13');
    await expect.poll(() => omissions.getByRole('button').count()).toBe(0);

    // Reordered: the meeting in February back before the workshop in March.
    for (let at = count; at > 1; at--) await office.getByRole('button', { name: `Up: List 1, item ${at}` }).click();
    expect((await itemTexts(office))[0]).toContain('Regular meeting of the African group to SG13');
    expect((await itemTexts(office))[1]).toContain('A workshop on Quality of Service was held in Ndjamena');
  });

  it('links an activity to a new paragraph from the picker, previews as the report prints, saves and submits', async () => {
    await office.getByRole('button', { name: 'Add a paragraph' }).click();
    const paragraphs = office.locator('section.block.paragraph');
    const paragraph = paragraphs.last();
    const label = await paragraph.getAttribute('aria-label');
    await paragraph.getByRole('textbox').fill('ROA consulted countries on the regional initiatives and encouraged them to propose nominations.');
    await paragraph.getByRole('button', { name: `Link an activity: ${label}` }).click();
    const picker = office.getByRole('dialog', { name: 'Link an activity' });
    await picker.getByLabel('Find the office\'s activities (words of the title, place…)').fill('Planning');
    await picker.getByRole('button', { name: 'Link “Planning meeting of the regional initiatives”' }).click();
    await picker.waitFor({ state: 'detached' });
    await paragraph.getByRole('list', { name: `Activities named in ${label}` }).getByText('Planning meeting of the regional initiatives').waitFor();

    // The preview is the server's rendering of the text as it stands, not yet saved.
    const preview = office.frameLocator('.contribution-preview iframe');
    await expect.poll(() => preview.locator('body').textContent(), { timeout: 10_000 }).toContain('encouraged them to propose nominations');

    // A colleague of the office saves meanwhile: the text typed here stays, and the user chooses.
    const before = await server.request('GET', `/api/rounds/${ROUND}/contributions/addis-ababa`, { token: editor.token });
    const theirs = await server.request('PUT', `/api/rounds/${ROUND}/contributions/addis-ababa/content`, { token: editor.token, body: { version: before.body.version, content: before.body.content } });
    expect(theirs.status, theirs.text).toBe(200);
    await office.getByRole('button', { name: 'Save', exact: true }).click();
    await office.getByRole('heading', { name: 'Changed by someone else' }).waitFor();
    expect(await paragraph.getByRole('textbox').inputValue()).toBe('ROA consulted countries on the regional initiatives and encouraged them to propose nominations.');
    await office.getByRole('button', { name: 'Save my text over theirs' }).click();
    await office.getByText('Saved.').waitFor();
    await office.getByRole('heading', { name: 'Changed by someone else' }).waitFor({ state: 'detached' });
    // Linked to an activity before the period: said so beside the link.
    await paragraph.getByText('outside the period').waitFor();
    await expectAccessible(office, 'rounds-editor');

    await office.getByRole('button', { name: 'Submit for review' }).click();
    await office.getByText('Submitted: the focal point is reviewing it.', { exact: false }).waitFor();
    const stored = await server.request('GET', `/api/rounds/${ROUND}/contributions/addis-ababa`, { token: focal.token });
    expect(stored.body.state).toBe('submitted');
  });

  it('shows the focal point the board with its counts, and the review with the text and its history', async () => {
    review = await open();
    await signIn(review, focal);
    await review.getByRole('link', { name: 'Rounds', exact: true }).click();
    await review.getByRole('link', { name: 'ITU-T · TSAG, 28 September – 2 October 2020' }).click();
    await expect.poll(() => review.locator('.board-counts').textContent()).toBe('0 of 1 accepted, 1 submitted');
    const row = review.getByRole('row', { name: /Regional Office for Africa/ });
    expect(await row.locator('.state').textContent()).toBe('Submitted');
    await expectAccessible(review, 'rounds-board');

    await row.getByRole('link', { name: 'Regional Office for Africa' }).click();
    await review.getByRole('heading', { name: 'Decision' }).waitFor();
    await review.getByRole('heading', { name: 'History' }).waitFor();
    await expect.poll(() => review.frameLocator('.contribution-preview iframe').locator('body').textContent(), { timeout: 10_000 }).toContain('encouraged them to propose nominations');
    await expectAccessible(review, 'rounds-review');
    await review.getByRole('button', { name: 'Comment on List 1, item 2' }).click();
    await review.getByLabel('Comment on List 1, item 2').fill('Say who organized it with the office.');
    await review.locator('form.comment-form', { has: review.getByLabel('Comment on List 1, item 2') }).getByRole('button', { name: 'Add the comment' }).click();
    await review.getByText('Say who organized it with the office.').waitFor();
    await review.getByLabel('Comment to the office').fill('Please name the partners of each event.');
    await review.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => review.locator('.state').first().textContent()).toContain('Changes requested');
    await expectAccessible(review, 'rounds-review-changes-requested');
  });

  it('shows the office the comment beside its item and what changed in the register; the office edits and resubmits', async () => {
    const corrected = await server.request('PATCH', `/api/activities/${meeting.id}`, { token: editor.token, body: { version: meeting.version, date: { text: '5 - 7 February 2020' } } });
    expect(corrected.status, corrected.text).toBe(200);
    await office.goto(`${server.url}${CONTRIBUTION}`);
    const meetingItem = office.locator('section.block.list').first().locator('li.item').first();
    const flag = meetingItem.getByRole('group', { name: 'Changed in the register since you wrote this' });
    expect(await flag.locator('li').textContent()).toBe('Date: 5 - 6 February 2020 → 5 - 7 February 2020');
    await flag.getByRole('button', { name: 'Update my text' }).click();
    await flag.waitFor({ state: 'detached' });
    expect((await itemTexts(office))[0]).toBe('Regular meeting of the African group to SG13, Abuja, Nigeria, 5 - 7 February 2020.');
    const workshopItem = office.locator('section.block.list').first().locator('li.item').nth(1);
    await workshopItem.getByText('Say who organized it with the office.').waitFor();
    await office.getByText('Please name the partners of each event.').waitFor();
    await items(office).nth(1).fill('A workshop on Quality of Service was organized by ROA with ITU-T SG12 in Ndjamena, Chad, 2 - 3 March 2020.');
    await office.getByRole('button', { name: 'Save', exact: true }).click();
    await office.getByText('Saved.').waitFor();
    await office.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(async () => (await server.request('GET', `/api/rounds/${ROUND}/contributions/addis-ababa`, { token: focal.token })).body.state).toBe('submitted');
  });

  it('lets the focal point accept, and downloads the compiled report as Word', async () => {
    await review.goto(`${server.url}${CONTRIBUTION}`);
    await review.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => review.locator('.state').first().textContent()).toContain('Accepted');
    await review.getByRole('link', { name: 'Back to the round' }).click();
    await expect.poll(() => review.locator('.board-counts').textContent()).toBe('1 of 1 accepted');

    // The cover, edited with the same report definition the report builder edits.
    await review.getByRole('link', { name: 'Cover and common sections' }).click();
    await review.getByLabel('Document number (e.g. TD 120)').fill('TD 120');
    await review.getByRole('button', { name: 'Add a contact' }).click();
    await review.getByLabel('Name', { exact: true }).fill('Ana Focal');
    await review.getByLabel('Email', { exact: true }).fill('ana.focal@example.org');
    await review.getByRole('button', { name: 'Save the cover' }).click();
    await review.getByText(/^Saved \(version \d+\)\.$/).waitFor();
    await expectAccessible(review, 'rounds-cover');
    await review.getByRole('link', { name: 'Back to the round' }).click();
    const [download] = await Promise.all([review.waitForEvent('download'), review.getByRole('link', { name: 'Download DOCX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const { value: text } = await mammoth.extractRawText({ buffer: await readFile((await download.path()) ?? '') });
    expect(text).toContain('A workshop on Quality of Service was organized by ROA with ITU-T SG12 in Ndjamena, Chad, 2 - 3 March 2020.');
    expect(text).toContain('encouraged them to propose nominations');
    expect(text).not.toContain('DRAFT');
    expect(text).toContain('TD 120');
    expect(text).toContain('ana.focal@example.org');
  });

  it('opens a round from the form, asking every field office open in the period', async () => {
    await review.getByRole('link', { name: 'Rounds', exact: true }).click();
    await review.getByRole('button', { name: 'Open a round' }).click();
    await review.getByLabel('Meeting').waitFor();
    await expectAccessible(review, 'rounds-list');
    await review.getByLabel('Meeting').fill('TSAG, 2021');
    await review.getByLabel('From', { exact: true }).fill('2021-01-01');
    await review.getByLabel('To', { exact: true }).fill('2021-08-31');
    await review.getByLabel('Contributions due').fill(inDays(60));
    const asked = await review.locator('.office-checks input:checked').count();
    expect(asked).toBeGreaterThan(1);
    await review.getByRole('button', { name: 'Open the round' }).click();
    await review.getByRole('heading', { name: 'ITU-T · TSAG, 2021' }).waitFor();
    await expect.poll(() => review.locator('table.board tbody tr').count()).toBe(asked);
    await expect.poll(() => review.locator('.board-counts').textContent()).toBe(`0 of ${asked} accepted, ${asked} not started`);
  });

  it('reads the contribution right to left in Arabic', async () => {
    const arabic = await open();
    await signIn(arabic, editor);
    await arabic.getByLabel('Language').selectOption('ar');
    await arabic.goto(`${server.url}${CONTRIBUTION}`);
    await arabic.getByRole('heading', { level: 1, name: /^مساهمة/ }).waitFor();
    await expect.poll(() => arabic.evaluate(() => {
      const { documentElement } = (globalThis as unknown as { document: { documentElement: { lang: string; dir: string } } }).document;
      return [documentElement.lang, documentElement.dir];
    })).toEqual(['ar', 'rtl']);
    await arabic.getByRole('heading', { name: 'السجل التاريخي' }).waitFor();
    await expectAccessible(arabic, 'rounds-contribution-ar');
  });
});
