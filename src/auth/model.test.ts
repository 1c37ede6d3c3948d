import { describe, expect, it } from 'vitest';
import { signInWait } from './model.ts';

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
