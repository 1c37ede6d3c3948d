import { describe, expect, it } from 'vitest';
import { linkWorks, readExpiry, signInWait, tokenWorks } from './model.ts';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 9, 0, seconds)).toISOString();
const now = (seconds: number) => new Date(Date.UTC(2026, 11, 7, 9, 0, seconds));

describe('signInWait', () => {
  it('lets the first failures pass, then doubles the wait after each further one', () => {
    const four = [at(0), at(1), at(2), at(3)];
    expect(signInWait(four, 5, now(3))).toBe(0);
    expect(signInWait([...four, at(4)], 5, now(4))).toBe(1);
    expect(signInWait([...four, at(4), at(6)], 5, now(6))).toBe(2);
    expect(signInWait([...four, at(4), at(6), at(9)], 5, now(9))).toBe(4);
    expect(signInWait([...four, at(4), at(6), at(9)], 5, now(12))).toBe(1);
    expect(signInWait([...four, at(4), at(6), at(9)], 5, now(13))).toBe(0);
  });

  it('never waits longer than fifteen minutes, however many failures', () => {
    const many = Array.from({ length: 40 }, (_, i) => at(i));
    expect(signInWait(many, 5, now(39))).toBe(15 * 60);
  });
});

describe('readExpiry', () => {
  const now = new Date('2026-12-07T09:00:00.000Z');
  it('reads days from now, a day through its end, or an instant', () => {
    expect(readExpiry('90d', now)).toBe('2027-03-07T09:00:00.000Z');
    expect(readExpiry('2027-06-30', now)).toBe('2027-06-30T23:59:59.999Z');
    expect(readExpiry('2027-01-01T12:00:00+01:00', now)).toBe('2027-01-01T11:00:00.000Z');
  });
  it('refuses what is none of these', () => {
    expect(readExpiry('next year', now)).toBeNull();
    expect(readExpiry('2027-02-30', now)).toBeNull();
  });
});

describe('tokenWorks and linkWorks', () => {
  const now = new Date('2026-12-07T09:00:00.000Z');
  it('lets a token work until it is revoked or its instant passes', () => {
    expect(tokenWorks({ revokedAt: null, expiresAt: null }, now)).toBe(true);
    expect(tokenWorks({ revokedAt: null, expiresAt: '2026-12-07T09:00:01.000Z' }, now)).toBe(true);
    expect(tokenWorks({ revokedAt: null, expiresAt: '2026-12-07T09:00:00.000Z' }, now)).toBe(false);
    expect(tokenWorks({ revokedAt: '2026-12-01T00:00:00.000Z', expiresAt: null }, now)).toBe(false);
  });
  it('lets a link work once, before it expires', () => {
    expect(linkWorks({ usedAt: null, expiresAt: '2026-12-08T09:00:00.000Z' }, now)).toBe(true);
    expect(linkWorks({ usedAt: '2026-12-07T08:00:00.000Z', expiresAt: '2026-12-08T09:00:00.000Z' }, now)).toBe(false);
    expect(linkWorks({ usedAt: null, expiresAt: '2026-12-07T08:59:59.000Z' }, now)).toBe(false);
  });
});
