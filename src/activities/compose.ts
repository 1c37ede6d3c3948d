/**
 * Pure: turns a create or patch request into a complete activity, checking every code against
 * the registry and reading the fuzzy date. Returns every problem at once, by field.
 */
import { issue, type FieldIssue, type FieldIssueCode, type IssueParams } from '#src/platform/errors.ts';
import { LANGUAGES, type Language } from '#src/platform/i18n.ts';
import { completeFuzzyDate } from './fuzzy-date.ts';
import type { Activity, Place, Provenance, Texts } from './model.ts';
import type { References } from './references.ts';
import type { CreateActivityBody, PatchActivityBody } from './schemas.ts';

type Input = Omit<PatchActivityBody, 'version'>;

export interface Stamp {
  id: string;
  at: string;
  by: string;
}

function cleanTexts(texts: Partial<Record<Language, string | undefined>> | null | undefined): Texts {
  const out: Texts = {};
  for (const language of LANGUAGES) {
    const value = texts?.[language];
    if (value !== undefined) out[language] = value;
  }
  return out;
}

function placeOf(input: NonNullable<Input['place']>): Place | null {
  const mode = input.mode ?? (input.online ? 'online' : 'in-person');
  const city = input.city ?? null;
  const country = input.country ?? null;
  if (mode === 'in-person' && city === null && country === null) return null;
  return { mode, city, country };
}

/**
 * Applies `input` over `base` (null when creating) and checks the result.
 * Fields absent from a patch keep their value; `null` clears an optional one.
 */
export function composeActivity(
  input: Input | CreateActivityBody,
  base: Activity | null,
  refs: References,
  stamp: Stamp,
): { ok: true; activity: Activity } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const at = (path: string, code: FieldIssueCode, message: string, params?: IssueParams) => issues.push(issue(`body.${path}`, code, message, params));

  const title = input.title ? cleanTexts(input.title) : (base?.title ?? {});
  const titleLanguages = Object.keys(title) as Language[];
  // With one language the original is plain; with several the writer must say which it was.
  const originalLanguage = input.originalLanguage ?? (input.title && titleLanguages.length === 1 ? titleLanguages[0] : base?.originalLanguage);
  if (originalLanguage === undefined) at('originalLanguage', 'original_language_needed', 'is required when the title is in several languages');
  else if (title[originalLanguage] === undefined) at('originalLanguage', 'original_language_not_in_title', `the title has no text in "${originalLanguage}"`, { language: originalLanguage });

  const offices = input.offices ?? base?.offices ?? [];
  offices.forEach((o, i) => {
    if (!refs.offices.has(o.office)) at(`offices.${i}.office`, 'unknown_office', `unknown office "${o.office}"`, { value: o.office });
  });
  const seen = new Set<string>();
  offices.forEach((o, i) => {
    const key = `${o.office}/${o.role}`;
    if (seen.has(key)) at(`offices.${i}`, 'listed_twice', `"${o.office}" is listed twice as ${o.role}`, { value: o.office, role: o.role });
    seen.add(key);
  });

  const sectors = [...new Set(input.sectors ?? base?.sectors ?? [])];
  sectors.forEach((code, i) => {
    if (refs.bodies.get(code)?.type !== 'sector') at(`sectors.${i}`, 'unknown_sector', `unknown Sector "${code}" (one of ITU-R, ITU-T, ITU-D, GS)`, { value: code });
  });
  const bodies = [...new Set(input.bodies ?? base?.bodies ?? [])];
  bodies.forEach((code, i) => {
    if (!refs.bodies.has(code)) at(`bodies.${i}`, 'unknown_body', `unknown body "${code}"`, { value: code });
  });

  const plans = [...new Set(input.plans ?? base?.plans ?? [])];
  plans.forEach((id, i) => {
    if (!refs.planItems.has(id)) at(`plans.${i}`, 'unknown_plan_item', `no plan item "${id}" (e.g. "T-2020:output:T.2-1")`, { value: id });
  });

  let date = base?.date;
  if (input.date) {
    const { order, ...written } = input.date;
    const result = completeFuzzyDate(written, order === undefined ? {} : { order });
    if (result.ok) date = result.value;
    else at(input.date.text === undefined ? 'date' : 'date.text', result.code, result.error, result.params);
  }
  if (!date && !input.date) at('date', 'required', 'is required');

  const related = input.related ?? base?.related ?? [];
  related.forEach((r, i) => {
    if (r.activity === stamp.id) at(`related.${i}.activity`, 'related_to_itself', 'an activity cannot be related to itself');
  });

  // A create whose kind the schema refused (fieldFaults composes the fields that parsed) has none.
  const kind = input.kind ?? base?.kind;
  if (kind === undefined) at('kind', 'required', 'is required');

  if (issues.length > 0 || !date || !originalLanguage || !kind) return { ok: false, issues };

  // Where an activity came from is fixed at creation.
  const requested = 'provenance' in input ? input.provenance : undefined;
  const provenance: Provenance = base?.provenance ?? (requested ? normaliseProvenance(requested) : { source: 'manual' });

  const activity: Activity = {
    id: stamp.id,
    title,
    originalLanguage,
    kind,
    status: input.status ?? base?.status ?? 'planned',
    visibility: input.visibility ?? base?.visibility ?? 'public',
    offices,
    sectors,
    bodies,
    plans,
    date,
    place: input.place === undefined ? (base?.place ?? null) : input.place === null ? null : placeOf(input.place),
    description: input.description === undefined ? (base?.description ?? {}) : cleanTexts(input.description),
    outcome: input.outcome === undefined ? (base?.outcome ?? {}) : cleanTexts(input.outcome),
    participants: input.participants === undefined ? (base?.participants ?? null) : input.participants,
    links: (input.links ?? base?.links ?? []).map((l) => ({ url: l.url, title: l.title ?? null })),
    related,
    provenance,
    version: base ? base.version + 1 : 1,
    createdAt: base?.createdAt ?? stamp.at,
    createdBy: base?.createdBy ?? stamp.by,
    updatedAt: stamp.at,
    updatedBy: stamp.by,
    deletedAt: base?.deletedAt ?? null,
    deletedBy: base?.deletedBy ?? null,
  };
  return { ok: true, activity };
}

function normaliseProvenance(p: NonNullable<CreateActivityBody['provenance']>): Provenance {
  if (p.source === 'manual') return p;
  return { source: 'import', document: p.document, section: p.section ?? null, item: p.item ?? null, text: p.text ?? null, batch: p.batch ?? null };
}
