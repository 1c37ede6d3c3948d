import { describe, expect, it } from 'vitest';
import { endOfDay, tokenState } from './model.ts';

describe('tokenState', () => {
  const now = new Date('2026-12-07T09:00:00.000Z');
  it('says whether a token works, was revoked or has expired', () => {
    expect(tokenState({ revokedAt: null, expiresAt: null }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: endOfDay('2026-12-07') }, now)).toBe('active');
    expect(tokenState({ revokedAt: null, expiresAt: '2026-12-07T08:59:59.000Z' }, now)).toBe('expired');
    expect(tokenState({ revokedAt: '2026-12-01T00:00:00.000Z', expiresAt: '2026-12-01T00:00:00.000Z' }, now)).toBe('revoked');
  });
});
