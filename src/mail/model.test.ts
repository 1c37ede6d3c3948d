import { describe, expect, it } from 'vitest';
import { afterFailure, composeDigest, domainOf, messageIdFor, nextDigestAt } from './model.ts';

const POLICY = { baseDelayMs: 60_000, maxDelayMs: 3_600_000, maxAttempts: 5 };
const NOW = new Date('2026-12-07T10:00:00.000Z');

describe('afterFailure', () => {
  it('waits twice as long after each failure, up to the cap', () => {
    const waits = [1, 2, 3, 4].map((attempt) => {
      const next = afterFailure(attempt, false, { ...POLICY, maxAttempts: 10, maxDelayMs: 300_000 }, NOW);
      return next.state === 'pending' ? (Date.parse(next.nextAttemptAt) - NOW.getTime()) / 1000 : null;
    });
    expect(waits).toEqual([60, 120, 240, 300]);
  });

  it('gives up after the last attempt, and at once on a permanent refusal', () => {
    expect(afterFailure(5, false, POLICY, NOW)).toEqual({ state: 'failed' });
    expect(afterFailure(1, true, POLICY, NOW)).toEqual({ state: 'failed' });
  });
});

describe('messageIdFor', () => {
  it('is the same for a key on every attempt, and differs between keys', () => {
    expect(messageIdFor('round:tsag-2021:opened:u1', 'itu.int')).toBe(messageIdFor('round:tsag-2021:opened:u1', 'itu.int'));
    expect(messageIdFor('round:tsag-2021:opened:u1', 'itu.int')).not.toBe(messageIdFor('round:tsag-2021:opened:u2', 'itu.int'));
    expect(messageIdFor('k', 'itu.int')).toMatch(/^<[0-9a-f]{40}@itu\.int>$/);
  });

  it('takes its domain from the From address', () => {
    expect(domainOf('Fieldbook <noreply@ITU.int>')).toBe('itu.int');
    expect(domainOf('fieldbook@example.org')).toBe('example.org');
    expect(domainOf('Fieldbook')).toBe('fieldbook.invalid');
  });
});

describe('nextDigestAt', () => {
  it('is today at the hour while it is still to come, else tomorrow', () => {
    expect(nextDigestAt(new Date('2026-12-07T05:59:59Z'), 7)).toBe('2026-12-07T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-07T07:00:00Z'), 7)).toBe('2026-12-08T07:00:00.000Z');
    expect(nextDigestAt(new Date('2026-12-31T23:00:00Z'), 7)).toBe('2027-01-01T07:00:00.000Z');
  });
});

describe('composeDigest', () => {
  const held = [
    { id: 'a', subject: 'Addis Ababa submitted', text: 'To review.', createdAt: '2026-12-06T09:00:00Z' },
    { id: 'b', subject: 'Cairo submitted', text: 'To review too.', createdAt: '2026-12-06T11:00:00Z' },
  ];

  it('lists every held notice under its subject, in the recipient language', () => {
    const digest = composeDigest({ to: 'fp@itu.int', toName: 'Focal Point', language: 'en' }, held, '2026-12-07T07:00:00.000Z');
    expect(digest.subject).toBe('Fieldbook daily digest, December 7, 2026');
    expect(digest.text).toMatch(/^Notices for you since the last digest: 2\.\n\n\nAddis Ababa submitted\n-+\n\nTo review\.\n\n\nCairo submitted\n-+\n\nTo review too\./);
    expect(digest).toMatchObject({ to: 'fp@itu.int', toName: 'Focal Point', language: 'en', key: 'digest:fp@itu.int:2026-12-07T07:00:00.000Z:a' });
  });

  it('speaks Russian to a Russian reader', () => {
    const digest = composeDigest({ to: 'fp@itu.int', toName: null, language: 'ru' }, held, '2026-12-07T07:00:00.000Z');
    expect(digest.subject).toBe('Fieldbook: ежедневная сводка, 7 декабря 2026 г.');
    expect(digest.toName).toBeUndefined();
  });
});
