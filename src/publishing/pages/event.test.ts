import { describe, expect, it } from 'vitest';
import type { Activity, StatusChange } from '#src/activities/model.ts';
import { testActivity } from '../../../test/support/factories.ts';
import { elementsOf, htmlText } from '../../../test/support/html-text.ts';
import { testPageContext } from '../../../test/support/page-fixtures.ts';
import { eventPage } from './event.ts';

const change = (to: StatusChange['to'], at: string, reason: string | null = null): StatusChange => ({ from: null, to, reason, at, by: 'editor@example.org' });

const render = (activity: Activity, options: { language?: 'en' | 'fr' | 'ar'; statusHistory?: StatusChange[]; related?: Activity[] } = {}): string =>
  eventPage(testPageContext(options.language ?? 'en'), { activity, statusHistory: options.statusHistory ?? [], related: options.related ?? [], planLinks: [], plans: new Map() }).value;

/** The facts list as term → what the page says. */
const facts = (page: string): Record<string, string> => {
  const terms = elementsOf(page, 'dt').map((dt) => dt.text);
  const details = elementsOf(page, 'dd').map((dd) => dd.text);
  return Object.fromEntries(terms.map((term, i) => [term, details[i]!]));
};

describe('the page of an event', () => {
  it('gives its facts: kind, status, when, where, offices with their roles, Sectors, bodies, participants', () => {
    const forum = testActivity({
      title: { en: 'Forum on digital inclusion' },
      kind: 'forum',
      status: 'confirmed',
      offices: [
        { office: 'addis-ababa', role: 'organised' },
        { office: 'dakar', role: 'supported' },
        { office: 'addis-ababa', role: 'hosted' },
      ],
      sectors: ['ITU-T', 'ITU-D'],
      bodies: ['SG12RG-AFR'],
      place: { mode: 'in-person', city: 'Dakar', country: 'SN' },
      participants: 1234,
      date: { text: '2 - 3 March 2026', start: '2026-03-02', end: '2026-03-03', precision: 'days' },
    });
    const page = render(forum);
    expect(elementsOf(page, 'h1')[0]!.text).toBe('Forum on digital inclusion');
    expect(elementsOf(page, 'p').find((p) => p.attribs.class === 'kicker')!.text).toBe('Forum');
    expect(facts(page)).toMatchObject({
      When: '2 – 3 March 2026',
      Where: 'Dakar, Senegal',
      Status: 'Confirmed',
      Sectors: 'ITU Telecommunication Standardization Sector, ITU Telecommunication Development Sector',
      'Groups and bodies': 'SG12RG-AFR: SG12 Regional Group for Africa',
      Participants: '1,234',
    });
    // One line per office, however many roles it had, each linking to the office's page.
    expect(elementsOf(page, 'li').filter((li) => li.text.includes('Office')).map((li) => li.text)).toEqual([
      'Regional Office for Africa (organised, hosted)',
      'Area Office for West Africa (supported)',
    ]);
    expect(elementsOf(page, 'a').filter((a) => a.attribs.href?.startsWith('/en/offices/')).map((a) => a.attribs.href)).toEqual(['/en/offices/addis-ababa', '/en/offices/dakar']);
  });

  it('says where is not published, and leaves out the Sectors, bodies and participants it does not know', () => {
    const page = render(testActivity({ place: null, sectors: [], bodies: [], participants: null }));
    expect(Object.keys(facts(page))).toEqual(['When', 'Where', 'Status', 'Offices', 'Last updated']);
    expect(facts(page).Where).toBe('Not published');
  });

  it('shows a title with markup in it as text, on the page and in the window title', () => {
    const page = render(testActivity({ title: { en: '<script>alert(1)</script> Workshop on security' } }));
    expect(page).not.toContain('<script>alert(1)');
    expect(elementsOf(page, 'h1')[0]!.text).toBe('<script>alert(1)</script> Workshop on security');
    expect(elementsOf(page, 'title')[0]!.text).toBe('<script>alert(1)</script> Workshop on security · ITU regional presence');
  });

  it('gives the description paragraph by paragraph, marking one shown in another language as not translated', () => {
    const described = testActivity({ description: { fr: 'Premier jour.\n\nSecond jour.' }, originalLanguage: 'fr', title: { fr: 'Atelier' } });
    const english = render(described);
    expect(english).toContain('<div lang="fr" dir="ltr"><p>Premier jour.</p><p>Second jour.</p></div><p class="fallback">not translated; shown in French</p>');
    const french = render(described, { language: 'fr' });
    expect(french).toContain('<h2 id="description-heading">Description</h2><p>Premier jour.</p><p>Second jour.</p></section>');
    expect(render(testActivity({ description: {} }))).not.toContain('description-heading');
  });

  it('links its documents, by their title or else by their address', () => {
    const page = render(testActivity({ links: [{ url: 'https://www.itu.int/programme', title: 'Programme' }, { url: 'https://example.org/report.pdf', title: null }] }));
    const links = elementsOf(page, 'a').filter((a) => a.attribs.rel === 'noopener');
    expect(links.map((a) => [a.attribs.href, a.text])).toEqual([
      ['https://www.itu.int/programme', 'Programme'],
      ['https://example.org/report.pdf', 'https://example.org/report.pdf'],
    ]);
  });

  it('shows the status history once the status has changed: what and when, never the reason staff typed', () => {
    const history = [change('planned', '2026-01-05T09:00:00Z'), change('postponed', '2026-02-10T09:00:00Z')];
    const page = render(testActivity({ status: 'postponed' }), { statusHistory: history });
    expect(htmlText(page)).toContain('Status history');
    expect(elementsOf(page, 'li').slice(-2).map((li) => li.text)).toEqual(['5 January 2026: Planned', '10 February 2026: Postponed']);
    expect(render(testActivity(), { statusHistory: history.slice(0, 1) })).not.toContain('Status history');
  });

  it('lists related events with how they relate', () => {
    const before = testActivity({ title: { en: 'Regional group meeting' } });
    const page = render(testActivity({ related: [{ activity: before.id, kind: 'back-to-back' }] }), { related: [before] });
    expect(htmlText(page)).toContain('Related events Back to back with: Regional group meeting Held');
    expect(elementsOf(page, 'a').some((a) => a.attribs.href === `/en/events/${before.id}`)).toBe(true);
  });

  it('reads right to left in Arabic, with an English title marked as English and as not translated', () => {
    const page = render(testActivity({ title: { en: 'Forum on digital inclusion' } }), { language: 'ar' });
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('<h1><span lang="en" dir="ltr">Forum on digital inclusion</span></h1>');
    expect(elementsOf(page, 'p').filter((p) => p.attribs.class === 'fallback')).toHaveLength(1);
  });

  it('offers the event for a calendar', () => {
    const event = testActivity();
    const download = elementsOf(render(event, { language: 'fr' }), 'a').find((a) => a.attribs.class === 'button')!;
    expect(download).toEqual({ attribs: { class: 'button', href: `/fr/events/${event.id}/calendar.ics`, download: '' }, text: 'Ajouter au calendrier (.ics)' });
  });
});
