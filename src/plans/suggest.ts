/**
 * Pure: the plan links the words of an imported item suggest, for the reviewer to keep or drop
 * (decision 19). Each suggestion names the words it came from. The item is placed in the plans
 * of its year: a regional initiative of the action plan covering that year, an ITU-T output of
 * the operational plan for that year (the plan adopted that year, else the latest one covering it).
 *
 * - "Regional Initiative CIS3", "CIS3", "AFR 2" → that regional initiative;
 * - "bridging the standardization gap", "BSG", a regional group of a study group ("SG12RG-AFR",
 *   "regional group of SG12", "African group of SG13") or a regional group meeting → ITU-T's
 *   output on bridging the standardization gap (T.2-1);
 * - a preparation of WTSA ("WTSA-20 preparatory meeting", "preparation of WTSA-20") → ITU-T's
 *   output of the World Telecommunication Standardization Assembly (T.1-1);
 * - a regional preparatory meeting for WTDC ("RPM-CIS", "Regional Preparatory Meeting for
 *   WTDC-21") → ITU-D's output on the regional preparatory meetings (D.1-2); any other preparation
 *   of WTDC → ITU-D's output of the conference (D.1-1);
 * - a preparation of WRC ("preparatory meeting for WRC-23") → ITU-R's output of the final acts of
 *   world radiocommunication conferences (R.1-1).
 * Other words of ITU-D's or ITU-R's work (spectrum, broadband) name no output: no suggestion.
 */
import { inPlanIn, type Plan, type PlanCatalogue, type PlanItem } from './model.ts';

export interface PlanSuggestion {
  /** The plan item's id. */
  item: string;
  /** The words of the text it was read from. */
  words: string;
}

export interface SuggestionInput {
  text: string;
  kind: string;
  /** Body codes the importer read ("SG12RG-AFR", "WTSA-20"). */
  bodies: readonly string[];
  /** The first day of the item (yyyy-mm-dd), or null when undated. */
  start: string | null;
}

/** "Regional Initiative CIS 3" with the words before it; a bare code only written as one ("CIS3"), not "EUR 5,000". */
const INITIATIVE = /\b(?:[Rr]egional\s+[Ii]nitiatives?\s+(AFR|AMS|ARB|ASP|CIS|EUR)\s?-?([1-9])|(AFR|AMS|ARB|ASP|CIS|EUR)([1-9]))\b/g;
const GAP = /\bbridging\s+the\s+standardi[sz]ation\s+gap\b|\bBSG\b/i;
const REGIONAL_GROUP = /\bSG\s?\d+\s?RG[-\s]?[A-Z]+\b|\bregional\s+groups?\s+(?:of|for)\s+(?:ITU-T\s+)?(?:study\s+group|SG)\s?\d+|\b(?:African|Arab|Americas|Asia[-\s]Pacific|EECAT)\s+(?:regional\s+)?group\s+of\s+SG\s?\d+/i;
const WTSA = /\bWTSA(?:-\d{2})?\b|World\s+Telecommunication\s+Standardi[sz]ation\s+Assembly/i;
const PREPARATION = /\bprepar(?:ation|atory|ing|e)\b/i;
const WTDC = /\bWTDC(?:-\d{2})?\b|World\s+Telecommunication\s+Development\s+Conference/i;
/** BDT names each region's meeting "RPM-AFR" …; spelt out, it is a regional preparatory meeting of WTDC. */
const RPM = /\bRPM-(?:AFR|AMS|ARB|ASP|CIS|EUR)\b|\b(?:regional\s+preparatory\s+meetings?|RPMs?)\b/i;
const WRC = /\bWRC(?:-\d{2})?\b|World\s+Radiocommunication\s+Conference/i;

/** The operational plan of a Sector for a year: the one adopted that year, else the latest adopted before that covers it. */
export function operationalPlanFor(catalogue: PlanCatalogue, sector: string, year: number): Plan | null {
  const covering = [...catalogue.plans.values()].filter((p) => p.kind === 'operational' && p.sector === sector && p.year !== null && p.year <= year && year <= p.to);
  return covering.sort((a, b) => b.year! - a.year!)[0] ?? null;
}

/** The action plan (regional initiatives) covering a year. */
function actionPlanFor(catalogue: PlanCatalogue, year: number): Plan | null {
  return [...catalogue.plans.values()].find((p) => p.kind === 'action' && p.from <= year && year <= p.to) ?? null;
}

function itemOf(catalogue: PlanCatalogue, plan: Plan | null, level: PlanItem['level'], label: string, year: number): PlanItem | null {
  if (!plan) return null;
  const item = catalogue.items.get(`${plan.code}:${level}:${label}`);
  return item && inPlanIn(item, year) ? item : null;
}

/** A body code the importer read that starts with a conference's name ("WTDC-21"), as a match. */
function bodyNamed(bodies: readonly string[], name: string): [string] | null {
  const body = bodies.find((b) => b.startsWith(name));
  return body ? [body] : null;
}

export function suggestPlanLinks(catalogue: PlanCatalogue, input: SuggestionInput): PlanSuggestion[] {
  if (!input.start) return [];
  const year = Number(input.start.slice(0, 4));
  const out = new Map<string, PlanSuggestion>();
  const add = (item: PlanItem | null, words: string) => {
    if (item && !out.has(item.id)) out.set(item.id, { item: item.id, words: words.trim() });
  };

  const action = actionPlanFor(catalogue, year);
  for (const match of input.text.matchAll(INITIATIVE)) {
    add(itemOf(catalogue, action, 'initiative', `${match[1] ?? match[3]}${match[2] ?? match[4]}`, year), match[0]);
  }

  const itut = operationalPlanFor(catalogue, 'ITU-T', year);
  const gap = GAP.exec(input.text);
  const group = REGIONAL_GROUP.exec(input.text);
  const groupBody = input.bodies.find((b) => /RG-[A-Z]+$/.test(b));
  const gapWords = gap?.[0] ?? group?.[0] ?? groupBody ?? (input.kind === 'regional-group-meeting' ? 'regional group meeting' : null);
  if (gapWords) add(itemOf(catalogue, itut, 'output', 'T.2-1', year), gapWords);

  const wtsa = WTSA.exec(input.text) ?? (input.bodies.find((b) => b.startsWith('WTSA')) ? [input.bodies.find((b) => b.startsWith('WTSA'))!] : null);
  const preparing = PREPARATION.exec(input.text) ?? (input.kind === 'preparatory-meeting' ? ['preparatory meeting'] : null);
  if (wtsa && preparing) add(itemOf(catalogue, itut, 'output', 'T.1-1', year), `${wtsa[0]} … ${preparing[0]}`);

  const itud = operationalPlanFor(catalogue, 'ITU-D', year);
  const wtdc = WTDC.exec(input.text) ?? bodyNamed(input.bodies, 'WTDC');
  const rpm = RPM.exec(input.text);
  // "RPM-CIS" says it alone; a spelt-out regional preparatory meeting must be WTDC's.
  if (rpm && (rpm[0].includes('-') || wtdc)) add(itemOf(catalogue, itud, 'output', 'D.1-2', year), rpm[0]);
  else if (wtdc && preparing) add(itemOf(catalogue, itud, 'output', 'D.1-1', year), `${wtdc[0]} … ${preparing[0]}`);

  const itur = operationalPlanFor(catalogue, 'ITU-R', year);
  const wrc = WRC.exec(input.text) ?? bodyNamed(input.bodies, 'WRC');
  if (wrc && preparing) add(itemOf(catalogue, itur, 'output', 'R.1-1', year), `${wrc[0]} … ${preparing[0]}`);

  return [...out.values()];
}
