import { describe, expect, it } from 'vitest';
import { testActivity } from '../../test/support/factories.ts';
import { draftContribution } from './draft.ts';

const LEAD = 'During the January – August 2020 timeframe, the Regional Office for Arab States participated and contributed to the following activities of ITU-T/TSB:';

describe('the first draft of a contribution', () => {
  it('lists the period in date order under the lead-in, words the outlook under "Furthermore", and links each item to its activities', () => {
    const march = testActivity({ title: { en: 'Forum on e-waste' }, date: { text: '3 March 2020', start: '2020-03-03', end: '2020-03-03' }, place: { mode: 'in-person', city: 'Tunis', country: 'TN' } });
    const february = testActivity({ description: { en: 'A workshop was held in Cairo on 5 February 2020.' }, date: { text: '5 February 2020', start: '2020-02-05', end: '2020-02-05' } });
    const october = testActivity({ title: { en: 'Regional meeting' }, status: 'planned', date: { text: 'October 2020', start: '2020-10-01', end: '2020-10-31', precision: 'month' } });
    const content = draftContribution({ language: 'en', lead: LEAD, inPeriod: [march, february], after: [october], related: new Map() });
    expect(content.blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'paragraph', 'list']);
    const [lead, list, furthermore, outlook] = content.blocks;
    expect(lead).toMatchObject({ text: LEAD });
    expect(list?.kind === 'list' && list.items.map((i) => i.text)).toEqual(['A workshop was held in Cairo on 5 February 2020.', 'Forum on e-waste, 3 March 2020, Tunis, Tunisia.']);
    expect(list?.kind === 'list' && list.items[1]!.activities).toEqual([{ id: march.id, seen: { version: 1, title: 'Forum on e-waste', date: '3 March 2020', place: 'Tunis, Tunisia', status: 'held' } }]);
    expect(furthermore).toMatchObject({ text: 'Furthermore, after this period:' });
    expect(outlook?.kind === 'list' && outlook.items.map((i) => i.text)).toEqual(['Regional meeting, October 2020 (planned).']);
  });

  it('says what became of an event postponed or cancelled in the period, with the date it was postponed to', () => {
    const later = testActivity({ status: 'planned', date: { text: '2021', start: '2021-01-01', end: '2021-12-31', precision: 'year' } });
    const postponed = testActivity({ title: { en: 'Concept note for a regional forum' }, status: 'postponed', related: [{ activity: later.id, kind: 'postponed-as' }] });
    const cancelled = testActivity({ title: { en: 'Training' }, status: 'cancelled', date: { text: '10 May 2020', start: '2020-05-10', end: '2020-05-10' } });
    const content = draftContribution({ language: 'en', lead: LEAD, inPeriod: [postponed, cancelled], after: [], related: new Map([[later.id, later]]) });
    const list = content.blocks[1];
    expect(list?.kind === 'list' && list.items.map((i) => i.text)).toEqual([
      expect.stringMatching(/^Concept note for a regional forum, 2\s?–\s?3 March 2020\. The event was postponed to 2021\.$/),
      'Training, 10 May 2020. The event was cancelled.',
    ]);
  });

  it('makes one item of activities worded alike, naming both', () => {
    const description = { en: 'ITU-T SG13 events held in Abuja, Nigeria: a workshop and a regional group meeting.' };
    const a = testActivity({ description });
    const b = testActivity({ description, date: { start: '2020-03-04', end: '2020-03-05' } });
    const list = draftContribution({ language: 'en', lead: LEAD, inPeriod: [a, b], after: [], related: new Map() }).blocks[1];
    expect(list?.kind === 'list' && list.items.map((i) => i.activities.map((l) => l.id))).toEqual([[a.id, b.id]]);
  });

  it('says nothing was reported when the period holds nothing, in the asked language', () => {
    expect(draftContribution({ language: 'fr', lead: LEAD, inPeriod: [], after: [], related: new Map() }).blocks).toEqual([
      { id: 'lead', kind: 'paragraph', text: "Aucune activité n'a été signalée pour cette période.", activities: [] },
    ]);
  });
});
