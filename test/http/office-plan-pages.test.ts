/**
 * An office-year with more events than a page holds is still served: the year's count by month
 * first, then one month of it, each month a link. The threshold (SITE_PLAN_PAGE_EVENTS, 1,000 in
 * service) is lowered to 3 here so a handful of activities take the real path of a large year.
 */
import { expect, it } from 'vitest';
import { describeHttp } from '../support/describe-http.ts';
import { buildActivity } from '../support/factories.ts';
import type { TestServer } from '../support/server.ts';

const YEAR = 2031;

async function buildYear(server: TestServer) {
  const event = (title: string, text: string) => buildActivity(server, { title: { en: title }, status: 'planned', date: { text }, description: { en: title } });
  return {
    february: [await event('Forum on spectrum in February', `3 February ${YEAR}`), await event('Webinar on numbering in February', `20 February ${YEAR}`)],
    march: [await event('Workshop on quality in March', `4 - 5 March ${YEAR}`), await event('Training on security in March', `mid March ${YEAR}`)],
    july: [await event('Meeting on tariffs in July', `7 July ${YEAR}`)],
    wholeYear: await event('Project on inclusion through the year', String(YEAR)),
    otherOffice: await buildActivity(server, { title: { en: 'Geneva event in March' }, status: 'planned', date: { text: `6 March ${YEAR}` }, offices: [{ office: 'geneva', role: 'organised' }] }),
  };
}

describeHttp('office pages of a large year', { database: 'shared', data: buildYear, env: { SITE_PLAN_PAGE_EVENTS: '3' } }, (http) => {
  const page = async (query: string) => {
    const response = await http.server.request('GET', `/en/offices/addis-ababa?year=${YEAR}${query}`);
    expect(response.status).toBe(200);
    return response.text;
  };

  it('shows the year counted by month, then its first month with events, with a link to every other month', async () => {
    const text = await page('');
    expect(text).toContain('6 activities are published for 2031');
    expect(text).toMatch(/<strong aria-current="page">During the year<\/strong>/);
    for (const month of [2, 3, 7]) expect(text).toContain(`/en/offices/addis-ababa?year=${YEAR}&amp;month=${month}`);
    expect(text).toContain('Project on inclusion through the year');
    expect(text).not.toContain('Forum on spectrum in February');
  });

  it('shows the month asked for and only its events, the office’s own', async () => {
    const text = await page('&month=3');
    expect(text).toMatch(/<strong aria-current="page">March 2031<\/strong>/);
    expect(text).toContain('<td>2</td>');
    for (const a of http.data.march) expect(text).toContain(`/en/events/${a.id}`);
    for (const a of [...http.data.february, ...http.data.july, http.data.wholeYear, http.data.otherOffice]) expect(text).not.toContain(`/en/events/${a.id}`);
  });

  it('keeps a year that fits on one page whole', async () => {
    const text = await page('').then(() => http.server.request('GET', `/en/offices/geneva?year=${YEAR}`));
    expect(text.status).toBe(200);
    expect(text.text).toContain('Geneva event in March');
    expect(text.text).not.toContain('The year by month');
  });
});
