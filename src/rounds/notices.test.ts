import { describe, expect, it } from 'vitest';
import { testOffice } from '../../test/support/factories.ts';
import type { Round } from './model.ts';
import { noticeKey, roundNotice } from './notices.ts';

const round: Round = {
  id: 'r1', code: 'tsag-2021', reportId: 'd1', sector: 'ITU-T', advisoryGroup: 'TSAG', from: '2021-01-01', to: '2021-08-31',
  meeting: 'TSAG, 10 – 14 January 2022', due: '2021-09-15', state: 'open', version: 1,
  createdAt: '2021-01-01T00:00:00Z', createdBy: 'x', updatedAt: '2021-01-01T00:00:00Z', updatedBy: 'x', closedAt: null, closedBy: null,
};
const office = testOffice('addis-ababa', { names: { en: 'Regional Office for Africa', fr: 'Bureau régional pour l\'Afrique' } });
const recipient = (language: 'en' | 'fr') => ({ id: 'u1', email: 'editor@example.org', name: 'Editor', language });

describe('round notices', () => {
  it('tells an editor when the round opens, what is due when, with a link, in their language', () => {
    const en = roundNotice({ kind: 'opened' }, round, office, recipient('en'), 'https://fieldbook.example/');
    expect(en.subject).toBe('TSAG report: the contribution of the Regional Office for Africa is due on 15 September 2021');
    expect(en.text).toContain('https://fieldbook.example/app/rounds/tsag-2021/offices/addis-ababa');
    const fr = roundNotice({ kind: 'opened' }, round, office, recipient('fr'), 'https://fieldbook.example');
    expect(fr).toMatchObject({ language: 'fr', subject: expect.stringContaining("Bureau régional pour l'Afrique") });
    expect(fr.subject).toContain('15 septembre 2021');
  });

  it('keys each notice once: per reminder day, per version for what can happen again', () => {
    expect(noticeKey('tsag-2021', { kind: 'reminder', daysBefore: 7 }, 'cairo', 'u1')).toBe('round:tsag-2021:due-in-7:cairo:u1');
    expect(noticeKey('tsag-2021', { kind: 'late' }, 'cairo', 'u1')).toBe('round:tsag-2021:late:cairo:u1');
    expect(noticeKey('tsag-2021', { kind: 'submitted', version: 4 }, 'cairo', 'u1')).not.toBe(noticeKey('tsag-2021', { kind: 'submitted', version: 6 }, 'cairo', 'u1'));
  });

  it('lets reviewers take submissions in their daily digest, and carries the reviewer\'s comment to the office', () => {
    expect(roundNotice({ kind: 'submitted', version: 3 }, round, office, recipient('en'), 'http://x').digestible).toBe(true);
    expect(roundNotice({ kind: 'accepted', version: 5 }, round, office, recipient('en'), 'http://x').digestible).toBeUndefined();
    expect(roundNotice({ kind: 'changes_requested', version: 4, comment: 'Name the organiser.' }, round, office, recipient('en'), 'http://x').text).toContain('Name the organiser.');
  });
});
