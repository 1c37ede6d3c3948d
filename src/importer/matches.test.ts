import { describe, expect, it } from 'vitest';
import type { Activity } from '#src/activities/model.ts';
import { matchInRegister } from './matches.ts';
import type { ProposedActivity } from './model.ts';

const proposed = (title: string, start: string, end: string, text = title): ProposedActivity => ({
  region: 'AFR',
  office: 'harare',
  kind: 'workshop',
  status: 'held',
  roles: [],
  date: { text: start, start, end, precision: 'day' },
  place: null,
  bodies: [],
  sectors: [],
  title,
  description: text,
  related: [],
  provenance: { document: 'd', section: '4', item: '1', text },
});

/** Only the fields the matcher reads. */
const activity = (id: string, title: string, start: string, end: string, office = 'harare', text: string | null = null) =>
  ({
    id,
    title: { en: title },
    description: {},
    offices: [{ office, role: 'organised' }],
    date: { text: start, start, end, precision: 'day' },
    provenance: text ? { source: 'import', text } : null,
    deletedAt: null,
  }) as unknown as Activity;

describe('an item already in the register', () => {
  it('is the same words accepted before, whatever its days', () => {
    const item = proposed('Workshop', '2020-03-02', '2020-03-03', 'A workshop was held in Harare.');
    expect(matchInRegister(item, [activity('a1', 'Other title', '2019-01-01', '2019-01-01', 'harare', 'A workshop was held in Harare.')])).toEqual({ activity: 'a1', title: 'Other title', why: 'same_text' });
  });

  it("is the office's activity on overlapping days in most of the same words", () => {
    const item = proposed('Workshop on Quality of Service', '2020-03-02', '2020-03-03');
    expect(matchInRegister(item, [activity('a2', 'Regional workshop on quality of service for Africa', '2020-03-03', '2020-03-04')])?.why).toBe('same_days_and_words');
  });

  it('is not another office, other days or other words', () => {
    const item = proposed('Workshop on Quality of Service', '2020-03-02', '2020-03-03');
    expect(matchInRegister(item, [activity('a3', 'Workshop on Quality of Service', '2020-03-02', '2020-03-03', 'dakar')])).toBeNull();
    expect(matchInRegister(item, [activity('a4', 'Workshop on Quality of Service', '2020-05-02', '2020-05-03')])).toBeNull();
    expect(matchInRegister(item, [activity('a5', 'Forum on digital inclusion', '2020-03-02', '2020-03-03')])).toBeNull();
  });
});
