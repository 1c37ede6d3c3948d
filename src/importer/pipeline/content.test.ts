import { describe, expect, it } from 'vitest';
import { referenceRegistry } from '../../../test/support/reference-registry.ts';
import type { ProposedActivity } from '../model.ts';
import { datelineOf, documentFrame, mentionsSameMeeting, stampOf, tellsOfEvent } from './content.ts';
import { indexesOf } from './indexes.ts';

const context = { document: 't', regions: referenceRegistry.regions, offices: referenceRegistry.offices, bodies: referenceRegistry.bodies };
const ix = indexesOf(context);
const dates = { defaultYear: 2019, period: null };

describe('reading a document without office sections', () => {
  it('takes a dateline or a date heading for context, not for an event', () => {
    expect(datelineOf('Dakar, 8 May 2019', dates)?.value.start).toBe('2019-05-08');
    expect(datelineOf('14.11.2023', dates)?.value.start).toBe('2023-11-14');
    expect(datelineOf('3 – 7 March', dates)?.value.end).toBe('2019-03-07');
    expect(datelineOf('A workshop was held in Accra on 4 March', dates)).toBeNull();
  });

  it('tells a news item\'s stamp from the date of the event it opens with', () => {
    expect(stampOf('March 3 2019, Geneva – The office hosted a meeting on 28 February 2019.', dates)?.value.start).toBe('2019-03-03');
    expect(stampOf('Du 12 au 14 juin 2019, le Bureau a organisé un atelier.', dates)).toBeNull();
  });

  it('knows an event from a registration deadline', () => {
    expect(tellsOfEvent('A Training on Consumer Protection will take place on 11 May.', false, dates, ix, context)).toBe(true);
    expect(tellsOfEvent('Kindly register by 10 September 2019 through the online form.', false, dates, ix, context)).toBe(false);
  });

  it('takes the document\'s office and year from its letterhead and title', () => {
    expect(documentFrame(['INTERNATIONAL TELECOMMUNICATION UNION', 'ITU Regional Office for Asia and the Pacific', 'Bangkok, 12 August 2019'], ix, context, dates)).toEqual({ region: 'ASP', office: 'bangkok', year: 2019 });
  });

  it('makes one proposal of two mentions of one meeting', () => {
    const a = { region: 'ASP', kind: 'workshop', date: { text: '', start: '2019-09-24', end: '2019-09-26', precision: 'days' }, place: null } as unknown as ProposedActivity;
    expect(mentionsSameMeeting(a, { ...a })).toBe(true);
    expect(mentionsSameMeeting(a, { ...a, date: { ...a.date!, start: '2019-09-27', end: '2019-09-27' } })).toBe(false);
  });
});
