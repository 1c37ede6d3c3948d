/**
 * Where a city is on the map, for the open data's locations: the registry's offices (their city
 * in every language, with the coordinates of the reference data) and the cities that host many
 * meetings (the gazetteer's host cities, to two decimals: a city, not a venue). A city not known
 * here has no point; nothing is guessed from a name alone, and a name must agree with the country.
 */
import { nameKey } from './gazetteer.ts';
import type { Office } from './model.ts';

export interface CityPoint {
  lat: number;
  lon: number;
}

/** The gazetteer's host cities (gazetteer.ts HOST_CITIES) that have no office: name, country, latitude, longitude. */
const HOST_CITY_POINTS: ReadonlyArray<readonly [string, string, number, number]> = [
  ['Abuja', 'NG', 9.08, 7.4], ['Accra', 'GH', 5.6, -0.19], ['Algiers', 'DZ', 36.75, 3.06], ['Almaty', 'KZ', 43.24, 76.89],
  ['Amman', 'JO', 31.95, 35.93], ['Apia', 'WS', -13.83, -171.76], ['Asunción', 'PY', -25.26, -57.58], ['Baku', 'AZ', 40.41, 49.87],
  ['Beirut', 'LB', 33.89, 35.5], ['Bishkek', 'KG', 42.87, 74.59], ['Bogotá', 'CO', 4.71, -74.07], ['Brasília', 'BR', -15.79, -47.88],
  ['Brazzaville', 'CG', -4.27, 15.28], ['Brussels', 'BE', 50.85, 4.35], ['Bucharest', 'RO', 44.43, 26.1], ['Buenos Aires', 'AR', -34.6, -58.38],
  ['Chisinau', 'MD', 47.01, 28.86], ['Cotonou', 'BJ', 6.37, 2.42], ['Dar es Salaam', 'TZ', -6.79, 39.21], ['Doha', 'QA', 25.29, 51.53],
  ['Dubai', 'AE', 25.2, 55.27], ['Dushanbe', 'TJ', 38.56, 68.79], ['Genève', 'CH', 46.2, 6.14], ['Ginebra', 'CH', 46.2, 6.14],
  ['Guatemala City', 'GT', 14.63, -90.51], ['Hanoi', 'VN', 21.03, 105.85], ['Kampala', 'UG', 0.35, 32.58], ['Khartoum', 'SD', 15.5, 32.56],
  ['Kigali', 'RW', -1.94, 30.06], ['Kinshasa', 'CD', -4.32, 15.31], ['Kuala Lumpur', 'MY', 3.14, 101.69], ['Kuwait City', 'KW', 29.38, 47.99],
  ['Lima', 'PE', -12.05, -77.04], ['Lomé', 'TG', 6.13, 1.22], ['Lusaka', 'ZM', -15.39, 28.32], ['Manama', 'BH', 26.23, 50.59],
  ['Manila', 'PH', 14.6, 120.98], ['Mexico City', 'MX', 19.43, -99.13], ['Minsk', 'BY', 53.9, 27.56], ['Montevideo', 'UY', -34.9, -56.16],
  ['Muscat', 'OM', 23.59, 58.38], ['Nairobi', 'KE', -1.29, 36.82], ['Ndjamena', 'TD', 12.13, 15.06], ["N'Djamena", 'TD', 12.13, 15.06],
  ['Niamey', 'NE', 13.51, 2.13], ['Nuku\u02bbalofa', 'TO', -21.14, -175.2], ['Ouagadougou', 'BF', 12.37, -1.52], ['Port of Spain', 'TT', 10.65, -61.5],
  ['Praia', 'CV', 14.93, -23.51], ['Quito', 'EC', -0.18, -78.47], ['Rabat', 'MA', 34.02, -6.84], ['Riyadh', 'SA', 24.71, 46.68],
  ['San José', 'CR', 9.93, -84.09], ['Santo Domingo', 'DO', 18.49, -69.93], ['Sharm El-Sheikh', 'EG', 27.92, 34.33], ['Suva', 'FJ', -18.14, 178.44],
  ['Tashkent', 'UZ', 41.3, 69.24], ['Tbilisi', 'GE', 41.72, 44.83], ['Tunis', 'TN', 36.81, 10.18], ['Ulaanbaatar', 'MN', 47.89, 106.91],
  ['Yerevan', 'AM', 40.18, 44.5],
];

const key = (city: string, country: string) => `${country} ${nameKey(city)}`;

/**
 * The points of the cities known, keyed by country and the city's name key; offices first (their
 * coordinates are the reference data's), so a host city that is also an office's keeps the office's.
 */
export function cityPoints(offices: readonly Pick<Office, 'cityNames' | 'country' | 'coordinates'>[]): ReadonlyMap<string, CityPoint> {
  const points = new Map<string, CityPoint>();
  for (const office of offices) {
    for (const name of Object.values(office.cityNames)) if (name) points.set(key(name, office.country), { lat: office.coordinates.lat, lon: office.coordinates.lon });
  }
  for (const [name, country, lat, lon] of HOST_CITY_POINTS) if (!points.has(key(name, country))) points.set(key(name, country), { lat, lon });
  return points;
}

/** The point of a city in a country, or null when the city is not one of those known (or not in that country). */
export function cityPoint(points: ReadonlyMap<string, CityPoint>, city: string | null, country: string | null): CityPoint | null {
  if (!city || !country) return null;
  return points.get(key(city, country)) ?? null;
}
