import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIELD_ISSUE_CODES } from './errors.ts';
import { fieldIssueFromZod } from './validation.ts';

const schema = z
  .object({
    title: z.string().trim().min(1).max(10),
    name: z.string().min(3).optional(),
    kind: z.enum(['workshop', 'forum']).optional(),
    participants: z.number().int().min(0).max(200).optional(),
    offices: z.array(z.string()).min(1).max(2).optional(),
    day: z.iso.date().optional(),
    email: z.email().optional(),
    id: z.uuid().optional(),
    code: z.string().regex(/^[A-Z]+$/).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'is before from', params: { code: 'before_start' } });

function issuesOf(input: Record<string, unknown>) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues.map((i) => fieldIssueFromZod('body', i, input));
}

describe('fieldIssueFromZod', () => {
  it('tells a missing field from one of the wrong type', () => {
    expect(issuesOf({})).toEqual([{ path: 'body.title', code: 'required', message: expect.any(String) }]);
    expect(issuesOf({ title: 5 })).toEqual([{ path: 'body.title', code: 'not_text', message: expect.any(String), params: { value: '5' } }]);
    expect(issuesOf({ title: 'A', offices: 'cairo' })[0]).toMatchObject({ path: 'body.offices', code: 'not_a_list' });
  });

  it('gives the limits of lengths, numbers and lists', () => {
    expect(issuesOf({ title: '   ' })[0]).toMatchObject({ code: 'empty' });
    expect(issuesOf({ title: 'A much too long title' })[0]).toMatchObject({ code: 'too_long', params: { maximum: 10 } });
    expect(issuesOf({ title: 'A', name: 'Al' })[0]).toMatchObject({ path: 'body.name', code: 'too_short', params: { minimum: 3, value: 'Al' } });
    expect(issuesOf({ title: 'A', participants: 500 })[0]).toMatchObject({ code: 'too_big', params: { maximum: 200, value: '500' } });
    expect(issuesOf({ title: 'A', participants: -1 })[0]).toMatchObject({ code: 'too_small', params: { minimum: 0 } });
    expect(issuesOf({ title: 'A', offices: [] })[0]).toMatchObject({ code: 'too_few', params: { minimum: 1 } });
    expect(issuesOf({ title: 'A', offices: ['a', 'b', 'c'] })[0]).toMatchObject({ code: 'too_many', params: { maximum: 2 } });
  });

  it('never quotes a password back', () => {
    const login = z.object({ password: z.string().min(10) });
    const result = login.safeParse({ password: 'short' });
    if (result.success) throw new Error('expected a failure');
    expect(fieldIssueFromZod('body', result.error.issues[0]!, { password: 'short' })).toEqual({ path: 'body.password', code: 'too_short', message: expect.any(String), params: { minimum: 10 } });
  });

  it('names the value not allowed and the ones that are', () => {
    expect(issuesOf({ title: 'A', kind: 'xyz' })).toEqual([
      { path: 'body.kind', code: 'not_allowed', message: expect.any(String), params: { allowed: 'workshop, forum', value: 'xyz' } },
    ]);
  });

  it('reads formats, unknown fields and our own refinements', () => {
    expect(issuesOf({ title: 'A', day: '2020-02-31' })[0]).toMatchObject({ path: 'body.day', code: 'not_a_date' });
    expect(issuesOf({ title: 'A', email: 'nobody' })[0]).toMatchObject({ code: 'not_an_email' });
    expect(issuesOf({ title: 'A', id: '12' })[0]).toMatchObject({ code: 'not_an_id' });
    expect(issuesOf({ title: 'A', code: 'abc' })[0]).toMatchObject({ code: 'invalid_format', params: { format: 'regex' } });
    expect(issuesOf({ title: 'A', colour: 'blue' })[0]).toMatchObject({ path: 'body', code: 'unknown_field', params: { keys: 'colour' } });
    expect(issuesOf({ title: 'A', from: '2020-05-01', to: '2020-01-01' })[0]).toMatchObject({ path: 'body.to', code: 'before_start', message: 'is before from' });
  });

  it('only ever answers codes of the catalogue', () => {
    const codes = [{}, { title: 5 }, { title: 'A', kind: 'x' }, { title: 'A', colour: 1 }].flatMap((input) => issuesOf(input).map((i) => i.code));
    for (const code of codes) expect(Object.keys(FIELD_ISSUE_CODES)).toContain(code);
  });
});
