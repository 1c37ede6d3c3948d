/**
 * The words synthetic activities are made of: what regional offices actually write about,
 * where they meet, and how they date it. Only data and a seeded random source; no I/O.
 */
import type { ActivityKind, OfficeRole, Status } from '#src/activities/model.ts';
import type { RegionCode } from '#src/registry/reference.ts';

/** A small, fast, seeded PRNG (mulberry32), so the same seed gives the same register. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One value, chosen with the given weights. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of choices) total += w;
    let r = this.next() * total;
    for (const [value, w] of choices) {
      r -= w;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }

  /** Up to `n` distinct items. */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]!);
    return out;
  }
}

export const KIND_WEIGHTS: ReadonlyArray<readonly [ActivityKind, number]> = [
  ['workshop', 24],
  ['forum', 8],
  ['training', 14],
  ['webinar', 10],
  ['regional-group-meeting', 6],
  ['study-group-meeting', 3],
  ['preparatory-meeting', 5],
  ['project', 6],
  ['consultation', 4],
  ['coordination', 6],
  ['promotion', 4],
  ['presentation', 7],
  ['other', 3],
];

export const ROLE_WEIGHTS: ReadonlyArray<readonly [OfficeRole, number]> = [
  ['organised', 45],
  ['co-organised', 18],
  ['hosted', 6],
  ['supported', 12],
  ['participated', 10],
  ['contributed', 4],
  ['presented', 3],
  ['facilitated', 2],
];

export const PAST_STATUS: ReadonlyArray<readonly [Status, number]> = [
  ['held', 86],
  ['cancelled', 5],
  ['postponed', 5],
  ['confirmed', 4],
];

export const FUTURE_STATUS: ReadonlyArray<readonly [Status, number]> = [
  ['planned', 60],
  ['confirmed', 34],
  ['postponed', 4],
  ['cancelled', 2],
];

/** Subjects of the work of the three Sectors, as the reports name them. */
export const TOPICS: readonly string[] = [
  'Quality of Service and Quality of Experience',
  'Quality of Service',
  'IMT-2020 and beyond',
  'IMT-2020 deployment',
  'smart sustainable cities',
  'conformity and interoperability',
  'conformity assessment and testing laboratories',
  'digital financial services',
  'spectrum management',
  'spectrum monitoring',
  'cybersecurity',
  'national cybersecurity strategies',
  'child online protection',
  'emergency telecommunications',
  'early warning systems',
  'bridging the standardization gap',
  'Internet of Things',
  'artificial intelligence for good',
  'e-waste and the circular economy',
  'broadband mapping',
  'numbering, naming and addressing',
  'international mobile roaming',
  'counterfeit ICT devices',
  'mobile device theft',
  'tariff policies and cost models',
  'economic and policy issues of international telecommunications',
  'digital inclusion of persons with disabilities',
  'ICT accessibility',
  'digital transformation',
  'fibre-optic networks',
  'satellite broadband',
  'the transition to digital terrestrial television',
  'electromagnetic field exposure',
  'environment and climate change',
  'ICT indicators and statistics',
  'digital identity',
  'future networks and cloud computing',
  'network performance measurement',
  'the implementation of the Regional Initiatives',
  'IPv6 deployment',
  'universal service funds',
  'rural connectivity',
  'women in ICT',
  'youth and digital skills',
  'digital health',
  'regulatory collaboration',
];

export const TITLE_OPENINGS: Readonly<Partial<Record<ActivityKind, readonly string[]>>> = {
  workshop: ['Regional workshop on', 'Workshop on', 'Joint ITU workshop on', 'Sub-regional workshop on', 'National workshop on', 'Capacity-building workshop on'],
  forum: ['Regional Forum on', 'ITU Regional Economic and Financial Forum on', 'Regional Regulatory Forum on', 'Regional Standardization Forum on'],
  training: ['Training on', 'Regional training on', 'Hands-on training on', 'Centres of Excellence course on', 'Online training on'],
  webinar: ['Webinar on', 'Webinar:', 'Online session on', 'Virtual dialogue on'],
  'preparatory-meeting': ['Regional preparatory meeting on', 'Preparatory consultation on'],
  project: ['Project on', 'Assistance project on', 'Technical assistance on', 'Pilot project on'],
  consultation: ['Consultation on', 'Regional consultation on', 'Expert consultation on'],
  coordination: ['Coordination meeting on', 'Regional coordination on', 'Monthly coordination call on'],
  promotion: ['Promotion of ITU-T work on', 'Awareness session on', 'Outreach on'],
  presentation: ['Presentation on', 'Keynote on', 'Contribution on'],
  other: ['Mission on', 'Meeting on', 'Visit on'],
};

export const FRENCH_OPENINGS: readonly string[] = ['Atelier régional sur', 'Forum régional sur', 'Formation sur', 'Séminaire sur', 'Atelier national sur'];
export const FRENCH_TOPICS: readonly string[] = [
  'la qualité de service',
  'la cybersécurité',
  'la gestion du spectre',
  'les villes intelligentes et durables',
  'la conformité et l’interopérabilité',
  'les services financiers numériques',
  'la transition vers la télévision numérique terrestre',
  'les télécommunications d’urgence',
  'l’Internet des objets',
  'la protection en ligne des enfants',
];

export const AUDIENCES: readonly string[] = [
  'regulators',
  'policy makers',
  'operators',
  'national administrations',
  'engineers of the Member States',
  'ITU-T members',
  'academia',
  'least developed countries',
  'small island developing states',
];

export const DESCRIPTION_SENTENCES: readonly string[] = [
  'The {kind} brought together {n} participants from {audience} of the region to discuss {topic}.',
  'Organised jointly with {org}, the event addressed {topic} and {topic2}.',
  'Presentations covered {topic}, with a dedicated session on {topic2}.',
  'Participants shared national experiences on {topic} and agreed on next steps.',
  'The meeting reviewed the implementation of the Regional Initiatives and the work on {topic}.',
  'Experts from the Study Groups presented the latest Recommendations on {topic}.',
  'A hands-on session on {topic2} followed the opening by the Regional Director.',
  'The office provided technical assistance to {audience} on {topic}.',
  'Held back to back with the meeting of {org}, the session prepared common proposals on {topic}.',
  'The outcome document lists recommendations on {topic} for {audience}.',
];

export const OUTCOME_SENTENCES: readonly string[] = [
  'Recommendations adopted and sent to the advisory group.',
  'A regional roadmap on {topic} was agreed.',
  'Two new contributions to the Study Group were prepared.',
  'Participants requested a follow-up training in the next year.',
  'A memorandum of understanding was signed with {org}.',
  'Report published on the regional presence web pages.',
];

export interface PlaceName {
  city: string;
  country: string;
}

const p = (city: string, country: string): PlaceName => ({ city, country });

/** Where activities happen, per region of the office that runs them. */
export const PLACES: Readonly<Record<RegionCode, readonly PlaceName[]>> = {
  AFR: [
    p('Abuja', 'NG'), p('Ndjamena', 'TD'), p('Nairobi', 'KE'), p('Kigali', 'RW'), p('Dakar', 'SN'), p('Accra', 'GH'),
    p('Addis Ababa', 'ET'), p('Harare', 'ZW'), p('Yaoundé', 'CM'), p('Lusaka', 'ZM'), p('Kampala', 'UG'), p('Dar es Salaam', 'TZ'),
    p('Abidjan', 'CI'), p('Libreville', 'GA'), p('Kinshasa', 'CD'), p('Maputo', 'MZ'), p('Windhoek', 'NA'), p('Gaborone', 'BW'),
    p('Cotonou', 'BJ'), p('Lomé', 'TG'), p('Bamako', 'ML'), p('Niamey', 'NE'), p('Ouagadougou', 'BF'), p('Victoria Falls', 'ZW'),
  ],
  AMS: [
    p('Brasilia', 'BR'), p('Bridgetown', 'BB'), p('Santiago', 'CL'), p('Tegucigalpa', 'HN'), p('Lima', 'PE'), p('Bogotá', 'CO'),
    p('Mexico City', 'MX'), p('Buenos Aires', 'AR'), p('Quito', 'EC'), p('Asunción', 'PY'), p('Montevideo', 'UY'),
    p('Port of Spain', 'TT'), p('Kingston', 'JM'), p('Panama City', 'PA'), p('San José', 'CR'), p('Santo Domingo', 'DO'), p('La Paz', 'BO'),
  ],
  ARB: [
    p('Cairo', 'EG'), p('Tunis', 'TN'), p('Rabat', 'MA'), p('Muscat', 'OM'), p('Riyadh', 'SA'), p('Amman', 'JO'), p('Beirut', 'LB'),
    p('Doha', 'QA'), p('Manama', 'BH'), p('Khartoum', 'SD'), p('Algiers', 'DZ'), p('Kuwait City', 'KW'), p('Abu Dhabi', 'AE'),
  ],
  ASP: [
    p('Bangkok', 'TH'), p('Jakarta', 'ID'), p('New Delhi', 'IN'), p('Manila', 'PH'), p('Hanoi', 'VN'), p('Suva', 'FJ'), p('Colombo', 'LK'),
    p('Dhaka', 'BD'), p('Kathmandu', 'NP'), p('Ulaanbaatar', 'MN'), p('Port Moresby', 'PG'), p('Apia', 'WS'), p('Thimphu', 'BT'),
    p('Phnom Penh', 'KH'), p('Vientiane', 'LA'), p('Kuala Lumpur', 'MY'),
  ],
  CIS: [
    p('Moscow', 'RU'), p('Minsk', 'BY'), p('Tashkent', 'UZ'), p('Almaty', 'KZ'), p('Chisinau', 'MD'), p('Baku', 'AZ'),
    p('Bishkek', 'KG'), p('Dushanbe', 'TJ'), p('Yerevan', 'AM'), p('Saint Petersburg', 'RU'),
  ],
  EUR: [
    p('Geneva', 'CH'), p('Budapest', 'HU'), p('Warsaw', 'PL'), p('Belgrade', 'RS'), p('Tirana', 'AL'), p('Skopje', 'MK'),
    p('Podgorica', 'ME'), p('Sarajevo', 'BA'), p('Kyiv', 'UA'), p('Tbilisi', 'GE'), p('Vilnius', 'LT'), p('Bucharest', 'RO'), p('Sofia', 'BG'),
  ],
};

export const MONTHS: readonly string[] = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * Words people type into the search box, from common to rare; every word must match (as a prefix).
 * Chosen to mix selectivity: a topic word, a two-word phrase, a city, a country name in French, a body code.
 */
export const SEARCH_QUERIES: readonly string[] = [
  'quality of service',
  'Abuja',
  'smart sustainable cities',
  'IMT-2020',
  'conformity interoperability',
  'Ndjamena',
  'Tchad',
  'cybersecurity',
  'spectrum',
  'workshop Bangkok',
  'Minsk',
  'ATU',
  'SG12',
  'digital financial services',
  'e-waste',
  'emergency telecommunications',
];
