/** What of the registry leaves the server, in the requested language. */
import type { Language } from '#src/platform/i18n.ts';
import { headOn, localise, type Assignment, type Body, type Region } from './model.ts';
import type { Names } from './reference.ts';
import type { BodyRecordResponse, BodyResponse, OfficeRecordResponse, OfficeResponse, RegionResponse } from './schemas.ts';
import type { BodyRecord, OfficeDetails, OfficeRecord } from './service.ts';

function localisedName(names: Names, language: Language) {
  const { text, fallback } = localise(names, language);
  return { name: text, nameFallback: fallback, names };
}

export function presentRegion(region: Region, language: Language): RegionResponse {
  return { code: region.code, position: region.position, ...localisedName(region.names, language) };
}

function presentHead(assignment: Assignment, language: Language) {
  return {
    person: { id: assignment.person.id, honorific: assignment.person.honorific, name: assignment.person.name },
    title: assignment.title ? localise(assignment.title, language).text : null,
    from: assignment.from,
    to: assignment.to,
    source: assignment.source,
    confirmed: assignment.confirmed,
  };
}

export function presentOffice(details: OfficeDetails, language: Language, day: string): OfficeResponse {
  const { office } = details;
  const head = headOn(details.assignments, office.code, day);
  return {
    code: office.code,
    kind: office.kind,
    region: office.region,
    parent: office.parent,
    ...localisedName(office.names, language),
    city: localise(office.cityNames, language).text,
    cityNames: office.cityNames,
    country: office.country,
    coordinates: office.coordinates,
    countriesCovered: office.countriesCovered,
    coverageConfirmed: office.coverageConfirmed,
    openedOn: office.openedOn,
    closedOn: office.closedOn,
    confirmed: office.confirmed,
    note: office.note,
    head: head ? presentHead(head, language) : null,
    heads: details.assignments.filter((a) => a.role === 'head-of-office').map((a) => ({ ...presentHead(a, language), role: a.role })),
    areaOffices: details.children,
  };
}

export function presentBody(body: Body, language: Language): BodyResponse {
  return {
    code: body.code,
    type: body.type,
    ...localisedName(body.names, language),
    parent: body.parent,
    region: body.region,
    aliases: body.aliases,
    from: body.from,
    to: body.to,
    place: body.place,
    confirmed: body.confirmed,
    note: body.note,
    terms: body.terms.map((term) => {
      const { text, fallback } = localise(term.names, language);
      return { studyPeriod: term.studyPeriod, name: text, nameFallback: fallback, confirmed: term.confirmed };
    }),
  };
}

/** An office as the workspace edits it: versions and edit marks, every head with its own. */
export function presentOfficeRecord(record: OfficeRecord, language: Language, day: string): OfficeRecordResponse {
  const presented = presentOffice(record.details, language, day);
  const current = headOn(record.details.assignments, record.details.office.code, day);
  return {
    ...presented,
    ...record.mark,
    headRecords: record.details.assignments
      .filter((a) => a.role === 'head-of-office')
      .map((a) => {
        const mark = record.headMarks.get(a.id) ?? { version: 1, editedAt: null, editedBy: null };
        return {
          id: a.id,
          ...mark,
          role: a.role,
          person: { id: a.person.id, honorific: a.person.honorific, name: a.person.name },
          title: a.title,
          from: a.from,
          to: a.to,
          source: a.source,
          confirmed: a.confirmed,
          current: current?.id === a.id,
        };
      }),
  };
}

export function presentBodyRecord(record: BodyRecord, language: Language): BodyRecordResponse {
  return {
    ...presentBody(record.body, language),
    ...record.mark,
    termNames: record.body.terms.map((t) => ({ studyPeriod: t.studyPeriod, names: t.names, confirmed: t.confirmed })),
  };
}
