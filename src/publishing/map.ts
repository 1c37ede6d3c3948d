/**
 * The world map of the home page: Natural Earth land (world-atlas, 110m) projected with d3-geo
 * on the server, drawn once per process; the office markers are links drawn on top per page.
 * Nothing is fetched from elsewhere and no script runs in the browser.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { html, trustedHtml, type Html } from './html.ts';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

interface Base {
  projection: GeoProjection;
  paths: string;
}

let base: Base | undefined;

function drawBase(): Base {
  const file = createRequire(import.meta.url).resolve('world-atlas/land-110m.json');
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology<{ land: GeometryCollection }>;
  const land = feature(topology, topology.objects.land);
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: 'Sphere' },
  );
  // Whole pixels, land only (no borders, no graticule): the map stays under 40 kB of the page.
  const path = geoPath(projection).digits(0);
  const paths = [
    `<path class="map-sphere" d="${path({ type: 'Sphere' }) ?? ''}"/>`,
    `<path class="map-land" d="${path(land) ?? ''}"/>`,
  ].join('');
  return { projection, paths };
}

export interface MapMarker {
  href: string;
  label: string;
  lat: number;
  lon: number;
  /** Regional offices are drawn larger than area offices. */
  major: boolean;
}

/** The SVG map with a link per marker; `title` names the whole figure for assistive technology. */
export function worldMap(title: string, markers: readonly MapMarker[]): Html {
  base ??= drawBase();
  const { projection, paths } = base;
  const dots = markers.map((marker) => {
    const point = projection([marker.lon, marker.lat]);
    if (!point) return null;
    const [x, y] = point.map((v) => Math.round(v * 10) / 10) as [number, number];
    return html`<a href="${marker.href}" aria-label="${marker.label}"><title>${marker.label}</title><circle class="map-office${marker.major ? ' map-office-major' : ''}" cx="${x}" cy="${y}" r="${marker.major ? 7 : 5}"/></a>`;
  });
  return html`<svg class="map" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" role="group" aria-label="${title}"><title>${title}</title>${trustedHtml(paths)}${dots}</svg>`;
}
