import { describe, expect, it } from 'vitest';
import { RenderCache } from './respond.ts';

const kept = (text: string) => ({ status: 200, type: 'text/html', body: Buffer.from(text) });

describe('RenderCache', () => {
  it('keeps at most 500 pages, dropping the least recently used', () => {
    const cache = new RenderCache();
    for (let i = 0; i < 500; i++) cache.set(`page ${i}`, kept(`body ${i}`));
    expect(cache.get('page 0')?.body.toString()).toBe('body 0');
    cache.set('page 500', kept('body 500'));
    // page 0 was just used, so page 1 is the one that goes.
    expect(cache.get('page 1')).toBeUndefined();
    expect(cache.get('page 0')).toBeDefined();
    expect(cache.get('page 500')).toBeDefined();
  });

  it('keeps no more than 64 MB of bodies in all, and nothing over 2 MB', () => {
    const cache = new RenderCache();
    cache.set('huge', kept('x'.repeat(2_000_001)));
    expect(cache.get('huge')).toBeUndefined();
    const mb = 'x'.repeat(1_900_000);
    for (let i = 0; i < 40; i++) cache.set(`big ${i}`, kept(mb));
    const left = Array.from({ length: 40 }, (_, i) => cache.get(`big ${i}`)).filter(Boolean);
    expect(left.length).toBe(Math.floor(64_000_000 / 1_900_000));
    expect(cache.get('big 39')).toBeDefined();
    expect(cache.get('big 0')).toBeUndefined();
  });
});
