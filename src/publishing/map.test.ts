import { describe, expect, it } from 'vitest';
import { worldMap } from './map.ts';

describe('worldMap', () => {
  it('draws every office as a named link at its projected place, with land under it', () => {
    const svg = worldMap('Map of the offices', [
      { href: '/en/offices/addis-ababa', label: 'Regional Office for Africa', lat: 9.03, lon: 38.74, major: true },
      { href: '/en/offices/x', label: 'A "quoted" <office>', lat: -33.45, lon: -70.67, major: false },
    ]).value;
    expect(svg).toMatch(/^<svg class="map" viewBox="0 0 960 500" role="group" aria-label="Map of the offices"><title>Map of the offices<\/title>/);
    expect(svg).toContain('<path class="map-land" d="M');
    expect(svg).toContain('<a href="/en/offices/addis-ababa" aria-label="Regional Office for Africa"><title>Regional Office for Africa</title><circle class="map-office map-office-major"');
    expect(svg).toContain('aria-label="A &quot;quoted&quot; &lt;office&gt;"');
    // Addis Ababa is east of Santiago and north of it, in screen coordinates too.
    const [addis, santiago] = [...svg.matchAll(/cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    expect(addis![0]).toBeGreaterThan(santiago![0]);
    expect(addis![1]).toBeLessThan(santiago![1]);
    expect(svg.length).toBeLessThan(60_000);
  });
});
