/**
 * Readers of cues: the office's roles, the kind of activity, its status.
 */
import { type ActivityKind, OFFICE_ROLES, type OfficeRole, type Status } from '#src/activities/model.ts';
import { type DateOptions, findDates } from './dates.ts';
import { type Indexes } from './indexes.ts';
import { MAX_BLOCK, fold, moduleMemo, remember } from './text.ts';

// Roles and status are matched on folded text (lower case, accents off, same positions), so
// "a participé", "reportée à" and "organizó" read like their English counterparts.

export const OFFICE_AGENT =
  /^\s+by\s+(?:the\s+)?(?:itu\s+)?(?:(?:regional|area)\s+office|office\b|roa\b|aro\b|us\b|our\b|bdt\s+regional)|^\s+par\s+le\s+bureau|^\s+por\s+la\s+oficina/;
export const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be|get|got|ete|fue|fueron|sido)\s+(?:\w+ly\s+|also\s+|successfully\s+)?$/;
export const EVENT_NOUN_BEFORE =
  /\b(?:meetings?|workshops?|sessions?|events?|forums?|training|week|conferences?|webinars?|seminars?|activities|activity|program(?:me)?s?|tool)\s+$/;

export type RolePattern = { re: RegExp; role: OfficeRole; participle: boolean };

export const CO_ORGANISED =
  /\bco-?organi[sz](?:ed|es|e|ing|ee|ees)?\b|\bco-?organizad[oa]s?\b|\bjointly\s+(?:with|organi[sz]ed)\b|\bin\s+(?:collaboration|cooperation|co-operation|partnership|association)\s+with\b|\bcollaborat\w*\s+with\b[^.;]{0,80}?\bto\s+organi[sz]e\b|\btogether\s+with\b[^.;]{0,60}?\borgani[sz]\w*|\ben\s+collaboration\s+avec\b|\bconjuntamente\s+con\b/g;

export const ROLE_PATTERNS: RolePattern[] = [
  {
    re: /\b(?:organi[sz](?:ed|es|e|ing|ee|ees)|organizo|organizad[oa]s?|convened|arranged|consulted|conducted|launched|developed|designed)\b|نظم|نظّم/g,
    role: 'organised',
    participle: true,
  },
  { re: /\b(?:host(?:ed|s|ing)|accueilli(?:e|s|es)?|acogio|albergo)\b|استضاف/g, role: 'hosted', participle: true },
  {
    re: /\b(?:support(?:ed|s|ing)|assist(?:ed|s|ing)|accompan(?:ied|ies|ying)|promoted|followed\s+up|provid\w*\s+support|appuye(?:e|s|es)?|soutenue?s?|apoyo)\b|دعم/g,
    role: 'supported',
    participle: true,
  },
  {
    re: /\b(?:participat(?:ed|es|ing)|attend(?:ed|s|ing)|took\s+part|taking\s+part|joined|participe(?:e|s|es)?|participo)\b|شارك/g,
    role: 'participated',
    participle: false,
  },
  { re: /\b(?:contribut(?:ed|es|ing|e)|work(?:ed|ing|s)\s+(?:closely\s+)?(?:on|with)|contribue|contribuyo)\b|ساهم/g, role: 'contributed', participle: false },
  {
    re: /\b(?:presented|presenting|presentee?s?|presento|deliver(?:ed|ing|s)?\s+(?:a\s+|the\s+)?presentations?|(?:made|gave|give|make|making|giving)\s+(?:a\s+|the\s+)?presentations?)\b/g,
    role: 'presented',
    participle: true,
  },
  { re: /\bfacilitat(?:ed|es|ing|e)\b|\bfacilitee?s?\b|\bfacilito\b/g, role: 'facilitated', participle: true },
];

export const START_NOUNS: Array<[RegExp, OfficeRole]> = [
  [/^(?:the\s+)?participation\b/, 'participated'],
  [/^(?:the\s+)?contributions?\b/, 'contributed'],
  [/^(?:the\s+)?support\b/, 'supported'],
  [/^(?:the\s+)?organi[sz]ation\s+of\b/, 'organised'],
  [/^(?:the\s+)?co-?organi[sz]ation\s+of\b/, 'co-organised'],
  [/^(?:the\s+)?facilitation\b/, 'facilitated'],
  [/^(?:the\s+)?hosting\b/, 'hosted'],
];

/** Activities that belong to the office ("activities of the ITU Regional Office…"): it organised them. */
export const OFFICE_OWNS = /\b(?:activities|events|meetings|workshops)\s+(?:of|organi[sz]ed\s+by|held\s+by|hosted\s+by)\s+(?:the\s+)?(?:itu\s+)?(?:(?:regional|area)\s+office|office\s+for)\b/;

export function atSentenceStart(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 4), index);
  return index === 0 || /(?:^|[.:;!?]["”’)]?\s+|^\s*["“(]?)$/.test(before) || /^\s*["“(]$/.test(before);
}

export function sortRoles(roles: Iterable<OfficeRole>): OfficeRole[] {
  const set = new Set(roles);
  return OFFICE_ROLES.filter((r) => set.has(r));
}

/**
 * The roles the office takes in a text, by its verbs (see the module comment). An office that
 * co-organised did not also organise alone: "organised a forum, co-organised with CITEL" is
 * co-organised.
 */
export function findRoles(text: string): OfficeRole[] {
  return [...remember(moduleMemo, `r|${text}`, () => findRolesNow(text))];
}

export function findRolesNow(text: string): OfficeRole[] {
  if (text.length > MAX_BLOCK) return [];
  const f = fold(text);
  const roles = new Set<OfficeRole>();
  if (OFFICE_OWNS.test(f)) return ['organised'];
  const claimed: Array<[number, number]> = [];
  for (const m of f.matchAll(CO_ORGANISED)) {
    roles.add('co-organised');
    claimed.push([m.index, m.index + m[0].length]);
  }
  for (const [re, role] of START_NOUNS) if (re.test(f.trimStart())) roles.add(role);
  for (const { re, role, participle } of ROLE_PATTERNS) {
    for (const m of f.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (claimed.some(([s, e]) => start >= s && end <= e)) continue;
      // Title words ("on Promoting Innovation") are not the office's verbs.
      if (/^\p{Lu}/u.test(text.slice(start, start + 1)) && !atSentenceStart(text, start)) continue;
      const first = m[0].split(/\s+/)[0] ?? '';
      const written = text.slice(start, start + first.length);
      const isParticiple = /(?:ed|ado|ada|ados|adas|ido|ida)$/.test(first) || /ée?s?$/.test(written);
      const after = f.slice(end, end + 80);
      if (/^\s+by\b/.test(after) && !OFFICE_AGENT.test(after)) continue;
      const before = f.slice(Math.max(0, start - 40), start);
      if (isParticiple && PASSIVE_BEFORE.test(before) && !OFFICE_AGENT.test(after)) continue;
      if (participle && isParticiple && EVENT_NOUN_BEFORE.test(before)) continue;
      roles.add(role);
    }
  }
  if (roles.has('co-organised')) roles.delete('organised');
  return sortRoles(roles);
}

export type Cue = { kind: ActivityKind; re: RegExp; needs?: 'regional-group' | 'study-group' };

export const MEETING = /\bmeetings?\b|\br[ée]unions?\b|\breuni[oó]n(?:es)?\b|اجتماع|(?<![\p{L}])(?:заседани|совещани|встреч|собрани)/iu;

export const EVENT_CUES: Cue[] = [
  { kind: 'regional-group-meeting', re: MEETING, needs: 'regional-group' },
  { kind: 'study-group-meeting', re: MEETING, needs: 'study-group' },
  { kind: 'preparatory-meeting', re: /\bconference\s+preparatory\b|\bpreparatory\b|\bAPMs?\b|\bpr[ée]paratoires?\b|\bpreparatori[oa]s?\b/i },
  { kind: 'workshop', re: /\bworkshops?\b|\bseminars?\b|\bateliers?\b|\bs[ée]minaires?\b|\btaller(?:es)?\b|\bseminarios?\b|ورشة|(?<![\p{L}])(?:семинар|практикум)/iu },
  { kind: 'training', re: /\btraining\b(?!\s+program)|\bcourses?\b|\bcapacity[- ]building\b|\bbootcamps?\b|\bcapacitaci[oó]n\b|\bformations?\b|\bcours\b|\bcursos?\b|تدريب|(?<![\p{L}])(?:учебн|курс|тренинг|обучени)/iu },
  { kind: 'webinar', re: /\bwebinai?re?s?\b|\bweb[- ]?(?:meeting|session)s?\b|\bvirtual\s+(?:session|meeting)s?\b|\bwebinarios?\b|(?<![\p{L}])вебинар/iu },
  {
    kind: 'forum',
    re: /\bforums?\b|\bforos?\b|\bsummits?\b|\bsymposi(?:um|a)\b|(?<!\b(?:this|last|next|same|per|a|one|each|that)\s)\bweek\b(?!\s+of)|\bexpo\b|\bconferences?\b(?!\s+calls?)|\bsemaine\b|\bsemana\b|\bconf[ée]rences?\b|\bconferencias?\b|منتدى|(?<![\p{L}])(?:форум|конференци|саммит)/iu,
  },
];

export const WORK_CUES: Cue[] = [
  { kind: 'project', re: /\bprojects?\b|\bprogram(?:me)?s?\b|\binitiatives?\b|\bprojets?\b|\bproyectos?\b|\bprogramas?\b|مشروع/i },
  { kind: 'consultation', re: /\bconsult(?:ed|ation|ations|ing|s)\b|\bsurveys?\b|\bconsultas?\b|استشار/i },
  {
    kind: 'coordination',
    re: /\bco-?ordinat\w*|\bfollow(?:ed|ing)?[- ]up\b|\bcommunicat(?:ed|ing)\s+with\b|\b(?:review|consultative|coordination|regular|internal)\s+meetings?\b|\bmeetings?\s+with\s+(?:the\s+)?(?:\w+\s+){0,2}(?:Director|TSB|BDT|BR|Management|headquarters)\b|\binternally\b|\bwork(?:ed|ing|s)\s+(?:closely\s+)?with\b|\bclosely\s+working\s+with\b|\bcollaborat\w*\s+with\b|\bliaise[ds]?\b|\bliaison\b/i,
  },
  { kind: 'promotion', re: /\bpromot(?:ed|ion|ing|es)\b|\bpublici[sz]\w*|\boutreach\b|\bdisseminat\w*|\bawareness\b/i },
  { kind: 'presentation', re: /\bpresent(?:ed|ation|ations|ing)\b|\bpr[ée]sent[ée]\b|\bpresentaci[oó]n\b/i },
];

export function earliest(text: string, cues: Cue[], has: { rg: boolean; sg: boolean }): { kind: ActivityKind; at: number } | null {
  let best: { kind: ActivityKind; at: number } | null = null;
  for (const cue of cues) {
    if (cue.needs === 'regional-group' && !has.rg) continue;
    if (cue.needs === 'study-group' && (!has.sg || has.rg)) continue;
    const m = cue.re.exec(text);
    if (m && (best === null || m.index < best.at)) best = { kind: cue.kind, at: m.index };
  }
  return best;
}

export function findKind(text: string, bodies: string[], ix: Indexes): ActivityKind | null {
  if (text.length > MAX_BLOCK) return null;
  const types = bodies.map((c) => ix.bodyByCode.get(c)?.type);
  const has = { rg: types.includes('regional-group'), sg: types.includes('study-group') };
  return (earliest(text, EVENT_CUES, has) ?? earliest(text, WORK_CUES, has))?.kind ?? null;
}

export const STATUS_CUES: Array<[Status, RegExp]> = [
  ['cancelled', /\bcancell?ed\b|\bcalled\s+off\b|\bannulee?s?\b|\bcancelad[oa]s?\b|\bsuspendid[oa]s?\b|ألغي/],
  ['postponed', /\bpostponed\b|\bdeferred\b|\brescheduled\b|\bput\s+on\s+hold\b|\breportee?s?\s+(?:a|au|en|sine)\b|\baplazad[oa]s?\b|\bpospuest[oa]s?\b|\bpostergad[oa]s?\b|تأجيل|أرجئ/],
  ['confirmed', /\b(?:is|was|has\s+been|have\s+been|are|were)\s+(?:now\s+)?confirmed\b|\bconfirmed\s+(?:for|in|on)\b/],
  [
    'planned',
    /\bplanned\b|\bwill\b|\bshall\b|\bupcoming\b|\bforthcoming\b|\bscheduled\b|\bto\s+be\s+(?:held|organi[sz]ed)\b|\bpending\b|\b(?:is|are)\s+expected\b|\bintends?\s+to\b|\bplans?\s+to\b|\bin\s+preparation\b|\bbeing\s+prepared\b|\bto\s+organi[sz]e\b|\bprevue?s?\b|\bprevist[oa]s?\b|\bprogramad[oa]s?\b|\bsera\b|\baura\s+lieu\b|\bse\s+(?:celebrara|realizara|llevara)\b|(?<![\p{L}])(?:состоится|пройд[её]т|планиру|будет)/u,
  ],
];

/** The status a text states (on folded text), if any. */
export function findStatus(text: string): Status | null {
  return remember(moduleMemo, `s|${text}`, () => findStatusNow(text));
}

export function findStatusNow(text: string): Status | null {
  if (text.length > MAX_BLOCK) return null;
  const f = fold(text);
  for (const [status, re] of STATUS_CUES) if (re.test(f)) return status;
  return null;
}

/** Does a paragraph describe work (rather than explain or introduce)? */
export function describesWork(text: string, dates: DateOptions): boolean {
  if (text.length > MAX_BLOCK) return false;
  if (findRoles(text).length > 0) return true;
  if (earliest(text, EVENT_CUES, { rg: false, sg: false }) || earliest(text, WORK_CUES, { rg: false, sg: false })) return true;
  return findDates(text, dates).length > 0;
}
