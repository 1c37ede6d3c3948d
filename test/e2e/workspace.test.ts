/**
 * The staff workspace in Chromium against the real server on a temporary SQLite database: the
 * journeys of an office editor and a focal point, as a user walks them. Each screen is checked
 * with axe-core (WCAG 2.1 AA) and photographed into test/e2e/screenshots/ for a person to look at.
 *
 * The steps are one journey on one database, in the order written: each continues from where the
 * one before left the editor's page (`page`) and the register (the activity it recorded at
 * `activityUrl`, the seed report it imported), so a step is run with those before it.
 */
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REPORT } from '#src/app.ts';
import { buildActivity, buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { launchBrowser, screenshot } from './support/browser.ts';
import { expectAccessible, openPage, signIn as signInTo, type PageOptions } from './support/workspace.ts';

let server: TestServer;
let browser: Browser;
let editor: TestUser;
let focal: TestUser;
const contexts: BrowserContext[] = [];

const open = (options: PageOptions = {}): Promise<Page> => openPage(browser, contexts, options);

const signIn = (page: Page, user: TestUser): Promise<void> => signInTo(page, server.url, user);

beforeAll(async () => {
  server = await startTestServer('sqlite');
  editor = await buildUser(server, { role: 'editor', office: 'addis-ababa', email: 'editor@example.org' });
  focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB', email: 'focal@example.org' });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

/** A spreadsheet as a French office keeps it: semicolons, French headings, one heading no language names, one date nobody can read. */
const FRENCH_SHEET = {
  name: 'activites.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    [
      'Titre;Langue;Type;Bureaux;Date;Cité;Pays',
      'Atelier régional sur la qualité de service;fr;workshop;addis-ababa:organised;mars 2027;Dakar;SN',
      'Forum sur le large bande;fr;forum;addis-ababa:organised;avril 2027;Abidjan;CI',
      'Webinaire à dater;fr;webinar;addis-ababa:organised;un jour;;',
    ].join('\r\n'),
    'utf8',
  ),
};

describe('the staff workspace', () => {
  let page: Page;
  let activityUrl: string;

  it('serves the bundle at /app under a CSP that allows no inline script, and client routes get the page', async () => {
    const response = await fetch(`${server.url}/app/activities/new`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toMatch(/<script type="module" crossorigin src="\/app\/assets\/index-[\w-]+\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
  });

  it('refuses a wrong password beside the form, then opens on my office', async () => {
    page = await open();
    await page.goto(`${server.url}/app`);
    await page.getByLabel('Email').fill(editor.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The email or password is not correct.');
    await expectAccessible(page, 'workspace-sign-in-refused');

    await signIn(page, editor);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My office: Regional Office for Africa');
    await page.getByRole('heading', { name: 'Upcoming activities' }).waitFor();
    await expectAccessible(page, 'workspace-home-editor');
  });

  it('records an activity with a fuzzy date, showing what it understood, and names a missing title beside the field', async () => {
    await page.getByRole('link', { name: 'New activity' }).click();
    // A new screen takes the focus to its content, where a screen reader starts reading.
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('main');
    // A numeric date whose numbers could both be the month is read day first, and can be flipped.
    await page.getByLabel('Date').fill('05/06/2020');
    await expect.poll(() => page.getByText('Understood as').textContent()).toBe('Understood as 5 June 2020 (2020-06-05 to 2020-06-05) Read day first (day/month/year). Read it month first');
    await page.getByRole('button', { name: 'Read it month first' }).click();
    await expect.poll(() => page.getByText('Understood as').textContent()).toBe('Understood as 6 May 2020 (2020-05-06 to 2020-05-06) Read month first (month/day/year). Read it day first');
    await page.getByRole('button', { name: 'Read it day first' }).click();
    await page.getByLabel('Date').fill('TBD');
    await expect.poll(() => page.getByText('Understood as').textContent()).toBe('Understood as: date to be decided (listed after the dated activities, left out of calendar feeds)');
    await page.getByLabel('Date').fill('mid November 2020');
    await expect.poll(() => page.getByText('Understood as').textContent()).toBe('Understood as 11 – 20 November 2020 (2020-11-11 to 2020-11-20)');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.field.invalid').first().textContent()).toContain('Title');
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field.invalid .field-error').textContent()).toBe('is required');
    await expectAccessible(page, 'workspace-editor-invalid');

    await page.getByLabel('Title').fill('Regional forum on digital inclusion');
    await page.getByLabel('City').fill('Nairobi');
    await page.getByLabel('Country (two-letter code)').fill('KE');
    await page.getByRole('checkbox', { name: 'ITU-T' }).check();
    await page.getByLabel('Find a body (type its code or name)').fill('SG12RG-AFR');
    await page.getByRole('button', { name: 'Add body' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/app\/activities\/[0-9a-f-]{36}$/);
    activityUrl = page.url();
    const id = activityUrl.split('/').pop() ?? '';
    const stored = await server.request('GET', `/api/activities/${id}`, { token: editor.token });
    expect(stored.body).toMatchObject({
      title: { en: 'Regional forum on digital inclusion' },
      date: { text: 'mid November 2020', start: '2020-11-11', end: '2020-11-20', precision: 'part-of-month' },
      place: { city: 'Nairobi', country: 'KE' },
      sectors: ['ITU-T'],
      bodies: ['SG12RG-AFR'],
      offices: [{ office: 'addis-ababa', role: 'organised' }],
      version: 1,
    });
    await expect.poll(() => page.getByLabel('Title').inputValue()).toBe('Regional forum on digital inclusion');
    await expectAccessible(page, 'workspace-editor-saved');

    await page.getByLabel('Status').selectOption('confirmed');
    await page.getByLabel('Reason for the status change').fill('The host country confirmed the dates.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    const confirmed = await server.request('GET', `/api/activities/${id}`, { token: editor.token });
    expect(confirmed.body.status).toBe('confirmed');
    expect(confirmed.body.statusHistory.at(-1)).toMatchObject({ from: 'planned', to: 'confirmed', reason: 'The host country confirmed the dates.' });
  });

  it('merges a second session\'s save with the typing against the version it started from: neither edit is lost', async () => {
    // Someone else changes the title, a Sector and the description; this session, the description and participants.
    const second = await open();
    await signIn(second, editor);
    await second.goto(activityUrl);
    await second.getByLabel('Title').fill('Regional forum on digital inclusion for all');
    await second.getByRole('checkbox', { name: 'ITU-D' }).check();
    await second.getByLabel('Description').fill('A colleague’s summary.');
    await second.getByRole('button', { name: 'Save' }).click();
    await second.getByText('Saved.').waitFor();

    await page.getByLabel('Description').fill('Forty experts met on inclusion.');
    await page.getByLabel('Participants').fill('40');
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByRole('region', { name: 'Changed by someone else' });
    await conflict.waitFor();
    // What only they changed is taken in, not offered as "yours"; only the description both changed is side by side.
    expect(await conflict.getByText('Taken from their version').textContent()).toBe('Taken from their version, as you had not changed them: Title, Sectors.');
    expect(await page.getByLabel('Title').inputValue()).toBe('Regional forum on digital inclusion for all');
    expect(await page.getByRole('checkbox', { name: 'ITU-D' }).isChecked()).toBe(true);
    expect(await conflict.getByRole('row').count()).toBe(2);
    expect(await conflict.getByRole('row', { name: /^Description/ }).textContent()).toContain('A colleague’s summary.');
    expect(await page.getByLabel('Description').inputValue()).toBe('Forty experts met on inclusion.');
    expect(await page.getByLabel('Participants').inputValue()).toBe('40');
    await expectAccessible(page, 'workspace-editor-conflict');

    // Keeping my description: saved over theirs, without undoing their title or Sector.
    await page.getByRole('button', { name: 'Save my version over theirs' }).click();
    await page.getByText('Saved.').waitFor();
    const id = activityUrl.split('/').pop() ?? '';
    const stored = await server.request('GET', `/api/activities/${id}`, { token: editor.token });
    expect(stored.body).toMatchObject({
      title: { en: 'Regional forum on digital inclusion for all' },
      sectors: ['ITU-D', 'ITU-T'],
      description: { en: 'Forty experts met on inclusion.' },
      participants: 40,
      version: 4,
    });
  });

  it('keeps the form when the session expires and asks to sign in again', async () => {
    await page.getByLabel('Outcome').fill('A declaration on inclusion.');
    await page.context().clearCookies();
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor();
    await expectAccessible(page, 'workspace-session-expired');
    await dialog.getByLabel('Password').fill(editor.password);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Outcome').inputValue()).toBe('A declaration on inclusion.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
  });

  it('keeps the form through a lost connection, and asks before leaving it unsaved', async () => {
    await page.getByLabel('Outcome').fill('A declaration on inclusion, signed by twelve countries.');
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Save' }).click();
    const dialog = page.getByRole('dialog', { name: 'The connection was lost' });
    await dialog.waitFor();
    await page.context().setOffline(false);
    await dialog.getByRole('button', { name: 'Back to the form' }).click();
    expect(await page.getByLabel('Outcome').inputValue()).toBe('A declaration on inclusion, signed by twelve countries.');

    await page.getByRole('link', { name: 'Register' }).click();
    const unsaved = page.getByRole('alertdialog', { name: 'Unsaved changes' });
    await unsaved.waitFor();
    await expectAccessible(page, 'workspace-editor-unsaved');
    await unsaved.getByRole('button', { name: 'Stay and keep editing' }).click();
    expect(page.url()).toBe(activityUrl);
    // The same from the keyboard: Escape stays.
    await page.getByRole('link', { name: 'Register' }).click();
    await unsaved.waitFor();
    await page.keyboard.press('Escape');
    await unsaved.waitFor({ state: 'detached' });
    expect(page.url()).toBe(activityUrl);
    expect(await page.getByLabel('Outcome').inputValue()).toBe('A declaration on inclusion, signed by twelve countries.');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
  });

  it('deletes the activity once confirmed, shows it in the history, and restores it', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete this activity?' });
    await confirm.waitFor();
    await expectAccessible(page, 'workspace-editor-confirm-delete');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    const id = activityUrl.split('/').pop() ?? '';
    expect((await server.request('GET', `/api/activities/${id}`, { token: editor.token })).body.deletedAt).toBeNull();
    await page.getByRole('button', { name: 'Delete' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('This activity is deleted.').waitFor();
    await page.getByRole('link', { name: 'History' }).click();
    await page.getByRole('heading', { name: /^Deleted/ }).waitFor();
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([
      expect.stringMatching(/^Created/),
      expect.stringMatching(/^Changed/),
      expect.stringMatching(/^Changed/),
      expect.stringMatching(/^Changed/),
      expect.stringMatching(/^Changed/),
      expect.stringMatching(/^Changed/),
      expect.stringMatching(/^Deleted/),
    ]);
    expect(await page.getByRole('row', { name: /^Status/ }).allTextContents()).toEqual(['StatusPlannedConfirmed']);
    await expectAccessible(page, 'workspace-history');
    await page.getByRole('button', { name: 'Restore' }).click();
    await page.getByRole('heading', { name: /^Restored/ }).waitFor();
    expect((await server.request('GET', `/api/activities/${id}`, { token: editor.token })).body.deletedAt).toBeNull();
  });

  it('lists the register with its filters in the URL and exports what it shows', async () => {
    await page.goto(`${server.url}/app/activities?office=addis-ababa&q=inclusion`);
    await page.getByRole('link', { name: 'Regional forum on digital inclusion for all' }).waitFor();
    expect(await page.getByLabel('Words').inputValue()).toBe('inclusion');
    await page.getByLabel('Words').fill('nothing-like-this');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No activity matches these filters.').waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('nothing-like-this');
    await page.goBack();
    await page.getByRole('link', { name: 'Regional forum on digital inclusion for all' }).waitFor();
    // Only the activities with no date yet: this one is dated.
    await page.getByLabel('Date to be decided').selectOption('only');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No activity matches these filters.').waitFor();
    expect(new URL(page.url()).searchParams.get('undated')).toBe('only');
    await page.goBack();
    await page.getByRole('link', { name: 'Regional forum on digital inclusion for all' }).waitFor();
    await expectAccessible(page, 'workspace-register');
    const csv = await page.context().request.get(`${server.url}${await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href')}`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Regional forum on digital inclusion for all');
  });

  it('imports the seed report and accepts its proposals, read beside the original text', async () => {
    await page.getByRole('link', { name: 'Imports' }).click();
    await page.getByLabel('Report (Word or text file)').setInputFiles(DEMO_REPORT);
    await page.getByRole('button', { name: 'Upload and read' }).click();
    await page.waitForURL(/\/app\/imports\/[0-9a-f-]{36}$/);
    const first = page.locator('.proposal').first();
    await first.locator('blockquote').waitFor();
    expect((await first.locator('blockquote').textContent())?.length).toBeGreaterThan(20);
    await expectAccessible(page, 'workspace-import-review');

    await first.getByRole('button', { name: 'Edit' }).click();
    await first.getByLabel('Title').fill('Workshop on standardization of fibre networks');
    await first.getByLabel('Date').fill('3 - 4 February 2020');
    await first.getByText('Understood as 3 – 4 February 2020').waitFor();
    await first.getByRole('button', { name: 'Save' }).click();
    await first.getByRole('heading', { name: 'Workshop on standardization of fibre networks' }).waitFor();
    await first.getByRole('button', { name: 'Reject' }).click();
    await first.getByText('Rejected').waitFor();
    await first.getByRole('button', { name: 'Reopen' }).click();
    // "Reject all" asks first; cancelling rejects nothing.
    await page.getByRole('button', { name: /^Reject all open/ }).click();
    const confirmReject = page.getByRole('alertdialog', { name: /^Reject all \d+ open proposals\?$/ });
    await confirmReject.waitFor();
    await expectAccessible(page, 'workspace-import-confirm-reject');
    await confirmReject.getByRole('button', { name: 'Cancel' }).click();
    await confirmReject.waitFor({ state: 'detached' });
    const untouched = (await server.request('GET', `/api/imports/${page.url().split('/').pop()}`, { token: editor.token })).body;
    expect(untouched.proposals.filter((p: { state: string }) => p.state === 'rejected')).toEqual([]);
    // "Accept all" asks first too, naming how many become activities.
    await page.getByRole('button', { name: /^Accept all open/ }).click();
    const confirmAccept = page.getByRole('alertdialog', { name: /^Accept all \d+ open proposals\?$/ });
    await confirmAccept.waitFor();
    await expectAccessible(page, 'workspace-import-confirm-accept');
    await confirmAccept.getByRole('button', { name: /^Accept all open/ }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Accept all open/ }).isDisabled()).toBe(true);
    const batch = (await server.request('GET', `/api/imports/${page.url().split('/').pop()}`, { token: editor.token })).body;
    // The seed's items for this editor's office, every one now in the register.
    expect(batch.proposals.length).toBeGreaterThanOrEqual(5);
    expect(batch.proposals.map((p: { state: string }) => p.state)).toEqual(batch.proposals.map(() => 'accepted'));
    expect(await page.getByRole('link', { name: 'Open the activity' }).count()).toBe(batch.proposals.length);
    const edited = await server.request('GET', `/api/activities/${batch.proposals[0].activityId}`, { token: editor.token });
    expect(edited.body).toMatchObject({ title: { en: 'Workshop on standardization of fibre networks' }, date: { text: '3 - 4 February 2020' } });
    await screenshot(page, 'workspace-import-accepted');

    await page.getByRole('link', { name: 'My office' }).click();
    await page.getByRole('link', { name: 'Regional forum on digital inclusion for all' }).first().waitFor();
    // Every proposal is decided, but the report's opening passages are still not placed: the import still waits.
    await page.getByRole('region', { name: 'Imports to review' }).getByText(/\d+ passages not placed/).waitFor();
    await expectAccessible(page, 'workspace-home-after-import');
  });

  it('links a related activity found by the words of its title', async () => {
    await page.goto(activityUrl);
    await page.getByLabel('Find an activity to link').fill('Quality of Service');
    await page.getByRole('button', { name: /^Link “Workshop on Quality of Service”/ }).click();
    await page.getByLabel('Relation').selectOption('follow-up-of');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    const id = activityUrl.split('/').pop() ?? '';
    const stored = (await server.request('GET', `/api/activities/${id}`, { token: editor.token })).body;
    const workshop = (await server.request('GET', `/api/activities?q=${encodeURIComponent('Quality of Service')}`, { token: editor.token })).body.data[0];
    expect(stored.related).toEqual([{ activity: workshop.id, kind: 'follow-up-of' }]);
    await expect.poll(() => page.locator('.related-title').textContent()).toContain('Quality of Service');
  });

  it('pages through the register by cursor and sorts it by date from the column header', async () => {
    await page.goto(`${server.url}/app/activities?office=addis-ababa&limit=4`);
    const titles = () => page.locator('tbody tr td:first-child').allTextContents();
    await expect.poll(async () => (await titles()).length).toBe(4);
    const firstPage = await titles();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => titles()).not.toEqual(firstPage);
    expect(new URL(page.url()).searchParams.get('cursor')).toBeTruthy();
    expect(new URL(page.url()).searchParams.get('limit')).toBe('4');
    const secondPage = await titles();
    expect(secondPage.filter((title) => firstPage.includes(title))).toEqual([]);

    await page.getByRole('button', { name: /^Date/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-date');
    expect(new URL(page.url()).searchParams.get('cursor')).toBeNull();
    await expect.poll(async () => (await titles())[0]).toBe('Regional forum on digital inclusion for all');
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
  });

  it('keeps each language\'s text in its own field: a French translation is edited without touching the English', async () => {
    await page.goto(activityUrl);
    const id = activityUrl.split('/').pop() ?? '';
    await page.getByLabel('Language of a new translation').selectOption('fr');
    await page.getByRole('button', { name: 'Add a translation' }).click();
    await page.getByLabel('Title (Français)').fill('Forum régional sur l’inclusion numérique');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    expect((await server.request('GET', `/api/activities/${id}`, { token: editor.token })).body.title).toEqual({
      en: 'Regional forum on digital inclusion for all',
      fr: 'Forum régional sur l’inclusion numérique',
    });

    // "Written in" French marks the French text as the original; the English stays English.
    await page.getByLabel('Written in').selectOption('fr');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Forum régional sur l’inclusion numérique');
    expect(await page.getByLabel('Title (English)').inputValue()).toBe('Regional forum on digital inclusion for all');
    expect(await page.getByText('The original, in Français').count()).toBe(1);
    await page.getByLabel('Written in').selectOption('en');
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Regional forum on digital inclusion for all');

    // The French translation edited; and a body typed into the finder but not added is saved too.
    await page.getByLabel('Title (Français)').fill('Forum régional sur l’inclusion numérique pour tous');
    await page.getByLabel('Find a body (type its code or name)').fill('SG13');
    await expectAccessible(page, 'workspace-editor-translations');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    const stored = (await server.request('GET', `/api/activities/${id}`, { token: editor.token })).body;
    expect(stored).toMatchObject({
      originalLanguage: 'en',
      title: { en: 'Regional forum on digital inclusion for all', fr: 'Forum régional sur l’inclusion numérique pour tous' },
      description: { en: 'Forty experts met on inclusion.' },
      bodies: ['SG12RG-AFR', 'SG13'],
    });
    expect(await page.getByLabel('Find a body (type its code or name)').inputValue()).toBe('');
  });

  it('finds deleted activities in the register and restores one from there', async () => {
    const gone = await buildActivity(server, { title: { en: 'Validation workshop held twice by mistake' }, offices: [{ office: 'addis-ababa', role: 'organised' }] });
    expect((await server.request('DELETE', `/api/activities/${gone.id}`, { token: editor.token })).status).toBe(200);
    await page.goto(`${server.url}/app/activities?office=addis-ababa`);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByRole('link', { name: 'Validation workshop held twice by mistake' }).count()).toBe(0);
    await page.getByLabel('Deleted activities').selectOption('only');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: 'Validation workshop held twice by mistake' }).waitFor();
    expect(new URL(page.url()).searchParams.get('deleted')).toBe('only');
    await expectAccessible(page, 'workspace-register-deleted');
    await page.getByRole('button', { name: 'Restore “Validation workshop held twice by mistake”' }).click();
    await page.getByText('No activity matches these filters.').waitFor();
    expect((await server.request('GET', `/api/activities/${gone.id}`, { token: editor.token })).body.deletedAt).toBeNull();
  });

  it('imports a spreadsheet with French headings: one column chosen by hand, every row previewed with its reasons, then applied', async () => {
    const before = (await server.request('GET', '/api/activities?limit=200', { token: editor.token })).body.data.length as number;
    await page.goto(`${server.url}/app/activities`);
    await page.getByRole('link', { name: 'Import a spreadsheet' }).click();
    await page.getByRole('heading', { name: 'Import activities from a spreadsheet' }).waitFor();
    await page.getByLabel('File (CSV or XLSX)').setInputFiles(FRENCH_SHEET);
    await page.getByRole('button', { name: 'Read the file' }).click();
    // The French headings are understood; "Cité" is not a word the server knows, so it is left out until chosen.
    const cite = page.getByLabel('What “Cité” holds');
    await cite.waitFor();
    expect(await page.getByLabel('What “Titre” holds').inputValue()).toBe('title');
    expect(await page.getByLabel('What “Date” holds').inputValue()).toBe('date_text');
    expect(await cite.inputValue()).toBe('');
    await page.getByText('2 to add, 0 to update, 0 unchanged, 1 refused').waitFor();
    await expectAccessible(page, 'workspace-sheet-columns');

    await cite.selectOption('place_city');
    await expect.poll(() => cite.inputValue()).toBe('place_city');
    const refusedRow = page.locator('.sheet-row.refused');
    await expect.poll(() => refusedRow.getByRole('listitem').first().textContent()).toMatch(/^Date: .*un jour/);
    await expectAccessible(page, 'workspace-sheet-preview');
    // Nothing is written by the preview.
    expect((await server.request('GET', '/api/activities?limit=200', { token: editor.token })).body.data.length).toBe(before);

    await page.getByRole('button', { name: /^Apply to the rows that pass/ }).click();
    await page.getByText('Done: 2 added, 0 updated.').waitFor();
    await screenshot(page, 'workspace-sheet-applied');
    await page.getByRole('link', { name: 'Open the register' }).click();
    await page.getByRole('link', { name: 'Atelier régional sur la qualité de service' }).waitFor();
    const stored = (await server.request('GET', '/api/activities?q=large%20bande', { token: editor.token })).body.data;
    expect(stored).toEqual([expect.objectContaining({ title: { fr: 'Forum sur le large bande' }, place: expect.objectContaining({ city: 'Abidjan', country: 'CI' }) })]);
  });

  it('fits a 390 px phone: my office, the register as cards, the editor and the import review, none wider than the screen', async () => {
    const phone = await open({ viewport: { width: 390, height: 844 }, mobile: true });
    await signIn(phone, editor);
    // The page's width, and the elements that stick out past the screen's edge (to name the culprit).
    const overflow = () =>
      phone.evaluate(() => {
        type Box = { right: number };
        type Element = { tagName: string; className: string; getBoundingClientRect(): Box };
        const { documentElement, body } = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; body: { querySelectorAll(s: string): Element[] } } }).document;
        const wide = [...body.querySelectorAll('*')].filter((element) => element.getBoundingClientRect().right > documentElement.clientWidth + 1);
        return { scrollWidth: documentElement.scrollWidth, clientWidth: documentElement.clientWidth, wide: wide.slice(0, 5).map((element) => `${element.tagName}.${element.className}`).join(' ') };
      });
    const fits = async (name: string) => {
      await screenshot(phone, name);
      const { scrollWidth, clientWidth, wide } = await overflow();
      expect(scrollWidth, `${name} is ${scrollWidth} px wide on a ${clientWidth} px screen: ${wide}`).toBeLessThanOrEqual(clientWidth);
      await expectAccessible(phone, name);
    };
    await phone.getByRole('heading', { name: 'Upcoming activities' }).waitFor();
    await fits('workspace-phone-home');

    await phone.goto(`${server.url}/app/activities?office=addis-ababa`);
    await phone.getByRole('link', { name: 'Regional forum on digital inclusion for all' }).waitFor();
    // A card per activity: the column headings are for screen readers, each value labelled in its card.
    expect(await phone.locator('thead').evaluate((head) => (head as unknown as { getBoundingClientRect(): { height: number } }).getBoundingClientRect().height)).toBeLessThanOrEqual(1);
    await fits('workspace-phone-register');

    await phone.goto(activityUrl);
    await phone.getByLabel('Title', { exact: true }).waitFor();
    await fits('workspace-phone-editor');

    const batches = (await server.request('GET', '/api/imports', { token: editor.token })).body.data;
    await phone.goto(`${server.url}/app/imports/${batches[0].id}`);
    await phone.locator('.proposal blockquote').first().waitFor();
    await fits('workspace-phone-import-review');

    // A conflict on the phone: the fields both changed, one under the other.
    await phone.goto(activityUrl);
    await phone.getByLabel('Outcome', { exact: true }).fill('A declaration, typed on a phone.');
    const id = activityUrl.split('/').pop() ?? '';
    const current = (await server.request('GET', `/api/activities/${id}`, { token: editor.token })).body;
    expect((await server.request('PATCH', `/api/activities/${id}`, { token: editor.token, body: { version: current.version, outcome: { en: 'A declaration, typed at a desk.' } } })).status).toBe(200);
    await phone.getByRole('button', { name: 'Save' }).click();
    await phone.getByRole('region', { name: 'Changed by someone else' }).getByText('A declaration, typed at a desk.').waitFor();
    await fits('workspace-phone-editor-conflict');

    // Right to left on the phone: the same screens in Arabic, mirrored, still no wider than the screen.
    await phone.goto(`${server.url}/app`);
    await phone.getByLabel('Language').selectOption('ar');
    await phone.getByRole('heading', { level: 1 }).filter({ hasText: 'مكتبي' }).waitFor();
    expect(await phone.evaluate(() => (globalThis as unknown as { document: { documentElement: { dir: string } } }).document.documentElement.dir)).toBe('rtl');
    await fits('workspace-phone-home-ar');
    await phone.goto(`${server.url}/app/activities?office=addis-ababa`);
    await phone.getByRole('link', { name: 'Regional forum on digital inclusion for all' }).waitFor();
    await fits('workspace-phone-register-ar');
    await phone.goto(activityUrl);
    await phone.getByLabel('العنوان', { exact: true }).waitFor();
    await fits('workspace-phone-editor-ar');
    await phone.goto(`${server.url}/app/activities/import`);
    await phone.getByRole('heading', { name: 'استيراد الأنشطة من جدول بيانات' }).waitFor();
    await fits('workspace-phone-sheet-import-ar');
    await phone.getByLabel('الملف (CSV أو XLSX)').setInputFiles(FRENCH_SHEET);
    await phone.getByRole('button', { name: 'قراءة الملف' }).click();
    await phone.locator('.sheet-row.refused').waitFor();
    await fits('workspace-phone-sheet-preview-ar');
    // Ten screens, each photographed and checked by axe: slower than one step of the journey.
  }, 150_000);

  it('speaks Arabic right to left', async () => {
    await page.goto(`${server.url}/app`);
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => {
      const { documentElement } = (globalThis as unknown as { document: { documentElement: { lang: string; dir: string } } }).document;
      return [documentElement.lang, documentElement.dir];
    })).toEqual(['ar', 'rtl']);
    await page.goto(`${server.url}/app/activities`);
    await page.locator('table').waitFor();
    await expectAccessible(page, 'workspace-register-ar');
    await page.goto(`${server.url}/app/activities/new`);
    await page.getByLabel('التاريخ').fill('mid November 2020');
    await expect.poll(() => page.getByText('فُهم على أنه').textContent()).toContain('نوفمبر 2020');
    // A date the editor could not read goes to the server, whose answer is shown beside the field in Arabic.
    await page.getByLabel('العنوان').fill('ورشة عمل إقليمية');
    await page.getByLabel('التاريخ').fill('sometime soon');
    await page.getByRole('button', { name: 'حفظ' }).click();
    const dateError = page.locator('.field.invalid', { has: page.getByLabel('التاريخ') }).locator('.field-error');
    await expect.poll(() => dateError.textContent()).toBe('تعذّر فهم «\u2068sometime soon\u2069» على أنه تاريخ');
    expect(await page.getByLabel('التاريخ').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'workspace-editor-ar');
    await page.getByRole('combobox').first().selectOption('en');
  });

  it('greets a French browser in French, with what is due before the report, and words field errors in French', async () => {
    // A report whose period contains today, and two activities of the office it still needs something from.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect((await server.request('POST', '/api/reports', { token: focal.token, body: { sector: 'ITU-T', from: day(-90), to: day(90) } })).status).toBe(201);
    const owed = (title: string, status: string, date: string) =>
      buildActivity(server, { title: { fr: title }, originalLanguage: 'fr', status, offices: [{ office: 'addis-ababa', role: 'organised' }], date: { text: date }, place: null, bodies: [], description: undefined });
    await owed('Atelier de validation du plan', 'planned', day(-20));
    await owed("Forum régional sur l'inclusion numérique", 'held', day(-10));

    const french = await open({ locale: 'fr-FR' });
    await french.goto(`${server.url}/app`);
    await french.getByRole('heading', { name: 'Se connecter' }).waitFor();
    expect(await french.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('fr');
    await french.keyboard.press('Tab');
    expect(await french.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent)).toBe('Aller au contenu principal');
    await french.keyboard.press('Tab'); // the language picker
    await french.keyboard.press('Tab');
    await french.keyboard.type(editor.email);
    await french.keyboard.press('Tab');
    await french.keyboard.type('pas le bon mot de passe');
    await french.keyboard.press('Enter');
    await expect.poll(() => french.getByRole('alert').textContent()).toBe("L'adresse électronique ou le mot de passe est incorrect.");
    await french.getByLabel('Mot de passe').fill(editor.password);
    await french.keyboard.press('Enter');
    await french.getByRole('heading', { name: "Mon bureau : Bureau régional pour l'Afrique" }).waitFor();

    // What is due before the report of the period open today, each activity with why, linking to the editor.
    const due = french.getByRole('region', { name: 'À faire avant le rapport' });
    await expect.poll(() => due.locator('.periods li').allTextContents()).toEqual([expect.stringMatching(/^Rapport au \u2068TSAG\u2069 \(\u2068ITU-T\u2069\) : du \u2068.+\u2069 au \u2068.+\u2069$/)]);
    await expect.poll(() => due.locator('.due li').count()).toBe(2);
    const items = await due.locator('.due li').allInnerTexts();
    expect(items[0]).toContain('Atelier de validation du plan');
    expect(items[0]).toContain("Sa date est passée et elle est toujours « Prévue » : indiquez si elle a eu lieu, a été reportée ou annulée.");
    expect(items[1]).toContain("Forum régional sur l'inclusion numérique");
    expect(items[1]).toContain('Tenue, mais sans description : le rapport n\'en montrerait que la phrase générée.');
    await expectAccessible(french, 'workspace-home-fr');
    await due.getByRole('link', { name: 'Atelier de validation du plan' }).click();
    await expect.poll(() => french.getByLabel('Titre').inputValue()).toBe('Atelier de validation du plan');

    // Field errors from the server, in French beside their fields: an unreadable date, an unknown office.
    // "New activity" from an activity's editor is a new, empty activity, and stays one (it once
    // kept the previous activity, went back to it, and would have saved over it).
    await french.getByRole('link', { name: 'Nouvelle activité' }).click();
    await expect.poll(() => french.getByLabel('Titre').inputValue()).toBe('');
    await french.waitForTimeout(500);
    expect(new URL(french.url()).pathname).toBe('/app/activities/new');
    expect(await french.getByLabel('Titre').inputValue()).toBe('');
    await french.getByLabel('Titre').fill('Atelier sur la cybersécurité');
    await french.getByLabel('Date', { exact: true }).fill('bientôt peut-être');
    await french.getByRole('button', { name: 'Ajouter un bureau' }).click();
    await french.getByLabel('Bureau', { exact: true }).nth(1).fill('atlantis');
    await french.getByRole('button', { name: 'Enregistrer' }).click();
    const errorBeside = (field: Locator) => french.locator('.field.invalid', { has: field }).locator('.field-error');
    await expect.poll(() => errorBeside(french.getByLabel('Date', { exact: true })).textContent()).toBe('« \u2068bientôt peut-être\u2069 » ne peut pas être lu comme une date');
    expect(await errorBeside(french.getByLabel('Bureau', { exact: true })).textContent()).toBe("il n'existe pas de bureau « \u2068atlantis\u2069 »");
    expect(await french.getByRole('alert').first().textContent()).toBe('Certains champs sont à corriger.');
    await expectAccessible(french, 'workspace-editor-invalid-fr');

    // A date-shaped text that is no day ("2026-13-01") is quoted as typed, not read as a day (which threw and lost the form).
    await french.getByLabel('Date', { exact: true }).fill('2026-13-01');
    await french.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => errorBeside(french.getByLabel('Date', { exact: true })).textContent()).toContain('\u20682026-13-01\u2069');
    expect(await french.getByLabel('Titre').inputValue()).toBe('Atelier sur la cybersécurité');
  });

  it('lets a focal point see every office, build a report with a live preview and download it as Word', async () => {
    const focalPage = await open();
    await signIn(focalPage, focal);
    await focalPage.getByRole('link', { name: 'All offices' }).click();
    await focalPage.getByRole('heading', { name: 'Africa', exact: true }).waitFor();
    await expectAccessible(focalPage, 'workspace-offices');

    await focalPage.getByRole('link', { name: 'Reports' }).click();
    await focalPage.getByLabel('Sector').selectOption('ITU-T');
    await focalPage.getByLabel('From', { exact: true }).fill('2020-01-01');
    await focalPage.getByLabel('To', { exact: true }).fill('2020-12-31');
    await focalPage.getByRole('button', { name: 'Create the report' }).click();
    const preview = focalPage.frameLocator('iframe.preview');
    await preview.locator('body').waitFor();
    const firstSection = focalPage.locator('.narrative textarea').first();
    await firstSection.fill('The regional offices worked closely with TSB in a year unlike any other.');
    await expect.poll(() => preview.locator('body').textContent(), { timeout: 10_000 }).toContain('in a year unlike any other');
    await expectAccessible(focalPage, 'workspace-report-builder');

    // Another focal point saves the report meanwhile: the text typed here is kept, and the user chooses.
    const stored = (await server.request('GET', '/api/reports', { token: focal.token })).body.data.find((r: { from: string }) => r.from === '2020-01-01');
    const sections = stored.narrative.map(({ key, title, markdown }: { key: string; title: string; markdown: string }) => ({ key, title, markdown }));
    sections[0].markdown = 'Written by a colleague elsewhere.';
    expect((await server.request('PATCH', `/api/reports/${stored.id}`, { token: focal.token, body: { version: stored.version, narrative: sections } })).status).toBe(200);
    await firstSection.fill('The regional offices worked closely with TSB in a year unlike any other, and said so.');
    await focalPage.getByRole('button', { name: 'Save my text over theirs' }).waitFor();
    expect(await focalPage.locator('.narrative [role=alert]').textContent()).toBe('Someone else changed this in the meantime. Compare the two versions below.');
    await focalPage.getByRole('button', { name: 'Save my text over theirs' }).click();
    await expect.poll(() => preview.locator('body').textContent(), { timeout: 10_000 }).toContain('and said so.');

    const [download] = await Promise.all([focalPage.waitForEvent('download'), focalPage.getByRole('link', { name: 'Download DOCX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const { value: text } = await mammoth.extractRawText({ buffer: await readFile((await download.path()) ?? '') });
    expect(text).toContain('in a year unlike any other, and said so.');
    expect(text).not.toContain('Written by a colleague elsewhere.');
    // The editor's activity, told by its description as the report's items are.
    expect(text).toContain('Forty experts met on inclusion.');

    // With the annex asked for, the preview and every download carry the activities by plan output.
    await focalPage.getByLabel('Add the annex “Activities by plan output”').check();
    await expect.poll(() => preview.locator('body').textContent(), { timeout: 10_000 }).toContain('Annex: Activities by plan output');
    expect(await focalPage.getByRole('link', { name: 'Download DOCX' }).getAttribute('href')).toMatch(/[?&]annex=plan-outputs$/);
  });
});
