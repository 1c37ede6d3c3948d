import { describe, expect, it } from 'vitest';
import { ANONYMOUS, can, requireAccess, type Actor, type Role } from './access.ts';

const user = (role: Role, office: string | null = null): Actor => ({
  kind: 'user',
  id: 'u1',
  email: 'u@example.org',
  displayName: 'U',
  role,
  office,
  bureau: role === 'focal-point' ? 'TSB' : null,
  via: 'token',
});

describe('access', () => {
  it('lets anonymous callers read the registry and nothing else', () => {
    expect(can(ANONYMOUS, 'registry:read')).toBe(true);
    expect(can(ANONYMOUS, 'internal:read')).toBe(false);
    expect(() => requireAccess(ANONYMOUS, 'account:self')).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
  });

  it('lets an editor write only its own office data', () => {
    const editor = user('editor', 'addis-ababa');
    expect(can(editor, 'office-data:write', { office: 'addis-ababa' })).toBe(true);
    expect(can(editor, 'office-data:write', { office: 'cairo' })).toBe(false);
    expect(can(editor, 'office-data:write')).toBe(false);
    expect(can(editor, 'office-data:write', { offices: ['cairo', 'addis-ababa'] })).toBe(true);
    expect(can(editor, 'office-data:write', { offices: ['cairo'] })).toBe(false);
    expect(() => requireAccess(editor, 'office-data:write', { office: 'cairo' })).toThrow(
      expect.objectContaining({ kind: 'forbidden' }),
    );
  });

  it('lets focal points and admins write every office, readers none', () => {
    expect(can(user('focal-point'), 'office-data:write', { office: 'cairo' })).toBe(true);
    expect(can(user('admin'), 'office-data:write', { office: 'cairo' })).toBe(true);
    expect(can(user('reader'), 'office-data:write', { office: 'cairo' })).toBe(false);
    expect(can(user('reader'), 'internal:read')).toBe(true);
  });

  it('lets focal points and admins write report definitions, and nobody else', () => {
    expect(can(user('focal-point'), 'reports:write')).toBe(true);
    expect(can(user('admin'), 'reports:write')).toBe(true);
    for (const role of ['editor', 'reader'] as const) expect(can(user(role, 'addis-ababa'), 'reports:write')).toBe(false);
    expect(() => requireAccess(ANONYMOUS, 'reports:write')).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
  });

  it('lets focal points manage the rounds of their own bureau, admins every round, nobody else', () => {
    expect(can(user('focal-point'), 'rounds:manage', { bureau: 'TSB' })).toBe(true);
    expect(can(user('focal-point'), 'rounds:manage', { bureau: 'BDT' })).toBe(false);
    expect(can(user('admin'), 'rounds:manage', { bureau: 'BDT' })).toBe(true);
    for (const role of ['editor', 'reader'] as const) expect(can(user(role, 'addis-ababa'), 'rounds:manage', { bureau: 'TSB' })).toBe(false);
  });

  it("lets an office's editors write only their own contribution; focal points review, they do not write it", () => {
    expect(can(user('editor', 'addis-ababa'), 'contributions:write', { office: 'addis-ababa' })).toBe(true);
    expect(can(user('editor', 'addis-ababa'), 'contributions:write', { office: 'cairo' })).toBe(false);
    expect(can(user('admin'), 'contributions:write', { office: 'cairo' })).toBe(true);
    expect(can(user('focal-point'), 'contributions:write', { office: 'cairo' })).toBe(false);
    expect(can(user('reader'), 'contributions:write', { office: 'cairo' })).toBe(false);
  });

  it('keeps user management to admins', () => {
    expect(can(user('admin'), 'users:manage')).toBe(true);
    for (const role of ['focal-point', 'editor', 'reader'] as const) expect(can(user(role), 'users:manage')).toBe(false);
  });
});
