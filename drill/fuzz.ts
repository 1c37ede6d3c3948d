/**
 * Every route's path, query and body, fuzzed. The routes are the running app's own
 * (`app.routeTable`), their parameters and JSON bodies read from its OpenAPI document. Each
 * request goes to a random route as a random caller (anonymous, each role, or a forged token),
 * with path parameters that are either real ids and codes or hostile values, a query of known and
 * unknown names, and a body that is either plausible with a few fields made hostile, hostile
 * whole, or not what its Content-Type says. Any 5xx, any request left unanswered, and any health
 * check the server misses meanwhile is a failure; the 5xx are written to drill/.out with the
 * request that caused them (the server log beside them has the stack).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { OpenAPIV3 } from 'openapi-types';
import type { Random } from '../bench/vocabulary.ts';
import { checkAborted, type Drill, type DrillOutcome } from './drill.ts';
import { createFixtures, type Fixtures } from './fixtures.ts';
import { hostileText, hostileUrlPart, hostileValue, jsonText, percentEncode, RawJson, type Json } from './hostile.ts';
import { HEALTH_LIMIT_MS, rawRequest, refusedUnread, watchHealth, type RawRequest } from './http.ts';
import { CALLERS, describeApi, type Accounts, type ApiDescription } from './register.ts';
import { writeZip, entry } from './zip.ts';

const REQUESTS = { short: 1_000, full: 10_000 };
const CONCURRENCY = 4;
const REQUEST_LIMIT_MS = 30_000;
const CSV_TYPE = 'text/csv';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Real values for path parameters, so requests also reach what lies behind the checks. */
interface Targets extends Fixtures {
  offices: string[];
  bodies: string[];
  regions: string[];
}

export const fuzzDrill: Drill = {
  name: 'fuzz',
  summary: `${REQUESTS.full} requests (--short: ${REQUESTS.short}) to every route with hostile paths, queries and bodies: no 5xx, no request unanswered`,
  limitSeconds: { short: 150, full: 1200 },
  async run({ dialect, shared, short, random, signal, outDir, log }): Promise<DrillOutcome> {
    const { register, tokens, server } = await shared();
    const api = await describeApi(register);
    const fixtures = await createFixtures(server.port, tokens);
    const targets: Targets = {
      ...fixtures,
      offices: ['addis-ababa', 'cairo', 'geneva', 'bangkok', 'brasilia'],
      bodies: ['TSB', 'SG12RG-AFR', 'ITU-T', 'TSAG', 'ATU'],
      regions: ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'],
    };
    log(`${api.routes.length} routes; server ${server.pid} up`);

    const findings = `${outDir}fuzz-${dialect}-findings.jsonl`;
    writeFileSync(findings, '');
    const total = short ? REQUESTS.short : REQUESTS.full;
    const statuses = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    let unanswered = 0;
    /** Large requests the server answered and closed on before reading them whole (refusedUnread). */
    let cutOff = 0;
    let sent = 0;
    const routesHit = new Set<string>();
    /** Each kind of fault found (status and problem code, or no answer): how often, on which routes. */
    const kinds = new Map<string, { count: number; routes: Set<string> }>();
    const health = watchHealth(server.port);
    let order: typeof api.routes = [];
    const worker = async () => {
      while (sent < total && server.alive()) {
        checkAborted(signal);
        sent += 1;
        if (sent % 1000 === 0) log(`${sent} sent`);
        // Every route once per round, in an order drawn anew each round: with 160 routes, 1,000
        // random picks left one out about one run in three.
        const round = sent - 1;
        if (round % api.routes.length === 0) order = shuffled(api.routes, random);
        const route = order[round % api.routes.length]!;
        routesHit.add(`${route.method} ${route.url}`);
        const request = fuzzRequest(route, api, targets, tokens, random);
        const answer = await rawRequest(server.port, request, REQUEST_LIMIT_MS);
        const unread = refusedUnread(answer, request);
        if (unread) cutOff += 1;
        else if (!answer.ok) unanswered += 1;
        else statuses[`${Math.floor(answer.status / 100)}xx` as keyof typeof statuses] += 1;
        const fault = (!answer.ok && !unread) || (answer.ok && answer.status >= 500);
        if (fault) {
          const kind = answer.ok ? `${answer.status} ${problemCode(answer.body)}`.trim() : `no answer (${answer.error})`;
          const found = kinds.get(kind) ?? { count: 0, routes: new Set<string>() };
          found.count += 1;
          found.routes.add(`${route.method} ${route.url}`);
          kinds.set(kind, found);
        }
        // A slow answer is not a fault by itself, but it is where to look when a health check failed.
        if (fault || answer.ms > HEALTH_LIMIT_MS) {
          appendFileSync(
            findings,
            `${JSON.stringify({
              route: `${route.method} ${route.url}`,
              ms: Math.round(answer.ms),
              answer: answer.ok ? { status: answer.status, body: answer.body.toString('utf8').slice(0, 500) } : answer.error,
              request: { method: request.method, target: request.target.slice(0, 500), headers: request.headers, body: request.body?.toString().slice(0, 500) },
            })}\n`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const checked = await health.stop();
    const alive = server.alive();

    const failures: string[] = [];
    if (statuses['5xx'] > 0 || unanswered > 0) {
      const found = [...kinds]
        .sort((a, b) => b[1].count - a[1].count)
        .map(([kind, { count, routes }]) => `${kind} ×${count} on ${[...routes].slice(0, 3).join(', ')}${routes.size > 3 ? ` and ${routes.size - 3} more routes` : ''}`);
      const counts = [statuses['5xx'] > 0 ? `${statuses['5xx']} answers were 5xx` : '', unanswered > 0 ? `${unanswered} requests got no answer` : ''].filter(Boolean);
      failures.push(`${counts.join(' and ')}: ${found.join('; ')}`);
    }
    if (!alive) failures.push('the server died');
    if (checked.failures > 0) failures.push(`${checked.failures} health checks failed`);
    if (routesHit.size < api.routes.length) failures.push(`only ${routesHit.size} of ${api.routes.length} routes were reached`);
    return {
      figures: {
        requests: sent,
        routes: `${routesHit.size}/${api.routes.length}`,
        ...statuses,
        'refused-unread': cutOff,
        unanswered,
        'health-checks': checked.checks,
        'health-failures': checked.failures,
        'max-health-ms': Math.round(checked.maxLatencyMs),
      },
      failures,
      details: findings,
    };
  },
};

/** The `code` of a problem+json answer (`invalid_token`, `internal_error`…), or nothing. */
function problemCode(body: Buffer): string {
  return /"code":"([^"]+)"/.exec(body.toString('utf8'))?.[1] ?? '';
}

// ---------------------------------------------------------------------------------------------
// One request


function fuzzRequest(route: { method: string; url: string }, api: ApiDescription, targets: Targets, tokens: Accounts, random: Random): RawRequest {
  const operation = operationOf(api.openapi, route);
  const path = route.url.replace(/:([A-Za-z0-9_]+)|\*/g, (param: string, name: string | undefined) =>
    random.chance(0.5) ? validParam(name ?? '*', route.url, targets, random) : hostileUrlPart(random),
  );
  const query = fuzzQuery(api, operation, random);
  const headers: Record<string, string> = { ...callerHeaders(tokens, random) };
  if (random.chance(0.15)) headers.accept = random.pick(['text/csv', XLSX_TYPE, 'application/json;q=abc', '*/*', 'text/html', '\u00ff', 'application/atom+xml, */*;q=0.1']);
  // Bodies go with every write, and now and then with a read.
  if (route.method === 'GET' && !random.chance(0.05)) return { method: route.method, target: `${path}${query}`, headers };
  const body = fuzzBody(route, operation, targets, random);
  Object.assign(headers, body.headers);
  if (random.chance(0.05)) delete headers['content-type'];
  return { method: route.method, target: `${path}${query}`, headers, body: body.body };
}

/** The OpenAPI operation of a route (`/api/reports/:id.:format` is `/api/reports/{id}.{format}`). */
function operationOf(openapi: OpenAPIV3.Document, route: { method: string; url: string }): OpenAPIV3.OperationObject | undefined {
  const path = route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{*}');
  return openapi.paths[path]?.[route.method.toLowerCase() as OpenAPIV3.HttpMethods];
}

function validParam(name: string, url: string, targets: Targets, random: Random): string {
  switch (name) {
    case 'id':
      if (url.startsWith('/api/reports')) return random.pick(targets.reports);
      if (url.startsWith('/api/imports')) return random.pick(targets.batches);
      if (url.startsWith('/api/tokens')) return crypto.randomUUID();
      return random.pick(targets.activities);
    case 'code':
      if (url.includes('/regions/')) return random.pick(targets.regions);
      if (url.startsWith('/api/bodies')) return random.pick(targets.bodies);
      return random.pick(targets.offices);
    case 'lang':
      return random.pick(['en', 'fr', 'es', 'ru', 'ar', 'zh']);
    case 'position':
      return String(random.int(0, 3));
    // PDF is left out: each one starts Chromium, which would take the drill's time and the machine's memory.
    case 'format':
      return random.pick(['docx', 'html', 'md']);
    default:
      return random.pick(['activities/new', 'assets/index.js', 'index.html', 'swagger-ui.css', 'no-such-page', '../package.json', '..%2f..%2fpackage.json']);
  }
}

const EXTRA_QUERY_NAMES = ['year', 'view', 'month', 'page', 'office', 'region', 'q', 'lang', 'format', 'callback', '__proto__', 'constructor'];

function fuzzQuery(api: ApiDescription, operation: OpenAPIV3.OperationObject | undefined, random: Random): string {
  if (random.chance(0.3)) return '';
  const own = (operation?.parameters ?? []).flatMap((p) => ('in' in p && p.in === 'query' ? [p] : []));
  const pairs: string[] = [];
  for (let i = random.int(1, 4); i > 0; i--) {
    const parameter = own.length > 0 && random.chance(0.7) ? random.pick(own) : undefined;
    const name = parameter?.name ?? (random.chance(0.8) ? random.pick(EXTRA_QUERY_NAMES) : hostileUrlPart(random).slice(0, 200));
    const schema = parameter?.schema as OpenAPIV3.SchemaObject | undefined;
    const value = random.chance(0.4) && schema ? percentEncode(String(plausible(schema, name, null, random, 0))) : hostileUrlPart(random);
    pairs.push(random.chance(0.05) ? name : `${name}=${value}`);
    if (random.chance(0.1)) pairs.push(`${name}=${value}`);
  }
  return `?${pairs.join(random.chance(0.05) ? '&&' : '&')}`;
}

function callerHeaders(tokens: Accounts, random: Random): Record<string, string> {
  const roll = random.next();
  if (roll < 0.15) return {};
  if (roll < 0.85) return { authorization: `Bearer ${tokens[random.pick(CALLERS)]}` };
  if (roll < 0.95) {
    return {
      authorization: random.pick([
        'Bearer',
        'Bearer ',
        `Bearer ${'x'.repeat(5000)}`,
        `Bearer ${percentEncode(hostileText(random)).slice(0, 2000)}`,
        'Basic YWRtaW46YWRtaW4=',
        `bearer ${tokens.admin}`,
        `Bearer ${tokens.admin}x`,
        `Bearer ${tokens.admin.slice(0, -1)}`,
      ]),
    };
  }
  return { cookie: random.pick(['fieldbook_session=x', `fieldbook_session=${'a'.repeat(4000)}`, 'fieldbook_session=%ff%00', '=;;=;', 'a=b; a=c']), 'x-csrf-token': 'x' };
}

// ---------------------------------------------------------------------------------------------
// Bodies

function fuzzBody(route: { method: string; url: string }, operation: OpenAPIV3.OperationObject | undefined, targets: Targets, random: Random): { headers: Record<string, string>; body: Buffer } {
  const roll = random.next();
  const content = (operation?.requestBody as OpenAPIV3.RequestBodyObject | undefined)?.content;
  const schema = content?.['application/json']?.schema as OpenAPIV3.SchemaObject | undefined;
  if (route.url === '/api/imports' && roll < 0.6) return uploadBody(random);
  if (route.url === '/api/activities/import' && roll < 0.6) return sheetBody(random);
  if (roll < 0.6) {
    const value = schema ? mutate(plausible(schema, '', targets, random, 0), random) : hostileValue(random);
    return json(jsonText(value));
  }
  if (roll < 0.75) return json(jsonText(hostileValue(random)));
  if (roll < 0.9) {
    return json(
      random.pick([
        '',
        '{',
        '{"title":',
        'null',
        '"text"',
        '\ufeff{}',
        '{"a":1}garbage',
        '[1,2,',
        '{"a":"\\ud800"}',
        '{"a":"\\u0000"}',
        '{"a" 1}',
        "{'a':1}",
        'NaN',
      ]),
      random,
    );
  }
  const type = random.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=', 'application/xml', CSV_TYPE, XLSX_TYPE, 'application/json; charset=utf-16', 'application/json; charset=nope', 'image/png', '', '\u00ff/\u00ff']);
  return { headers: { 'content-type': type }, body: random.chance(0.5) ? Buffer.from(hostileText(random), 'utf8') : Buffer.from(Array.from({ length: random.int(1, 4096) }, () => random.int(0, 255))) };
}

function json(text: string, random?: Random): { headers: Record<string, string>; body: Buffer } {
  // Sometimes the bytes are not even UTF-8.
  const body = random?.chance(0.2) ? Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xff, 0xfe, 0xc0, 0x80])]) : Buffer.from(text, 'utf8');
  return { headers: { 'content-type': 'application/json' }, body };
}

/** A multipart upload whose fields, file name and file are hostile. */
function uploadBody(random: Random): { headers: Record<string, string>; body: Buffer } {
  const boundary = `fuzz${random.int(0, 1e9)}`;
  const field = (name: string, value: string) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const fields = [
    random.chance(0.5) ? field('office', random.chance(0.5) ? 'addis-ababa' : hostileText(random).slice(0, 1000)) : '',
    random.chance(0.5) ? field('language', random.chance(0.5) ? 'en' : hostileText(random).slice(0, 1000)) : '',
    random.chance(0.1) ? field(hostileText(random).slice(0, 100), 'x') : '',
  ].join('');
  const fileName = random.chance(0.5) ? 'report.txt' : hostileText(random).slice(0, 300).replace(/["\r\n]/g, '');
  const file = random.pick([
    Buffer.from(hostileText(random), 'utf8'),
    Buffer.from(`4\tAfrica\n1\t${hostileText(random).slice(0, 5000)} held in Abuja, 3 February 2020.\n`, 'utf8'),
    writeZip([entry('word/document.xml', `<w:document>${hostileText(random).slice(0, 5000)}</w:document>`)]),
    Buffer.from([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 100 }, () => random.int(0, 255))]),
    Buffer.alloc(0),
  ]);
  const cut = random.chance(0.1);
  const body = Buffer.concat([
    Buffer.from(`${fields}--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${fileName}"\r\ncontent-type: application/octet-stream\r\n\r\n`, 'utf8'),
    file,
    Buffer.from(cut ? '' : `\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body };
}

/** A CSV (or XLSX-looking) file whose cells are hostile. */
function sheetBody(random: Random): { headers: Record<string, string>; body: Buffer } {
  if (random.chance(0.2)) return { headers: { 'content-type': XLSX_TYPE }, body: writeZip([entry('xl/worksheets/sheet1.xml', `<worksheet>${hostileText(random).slice(0, 5000)}</worksheet>`)]) };
  const cell = () => {
    const text = random.chance(0.5) ? hostileText(random).slice(0, 20_000) : random.pick(['en', 'workshop', 'addis-ababa:organised', 'May 2021', 'ITU-T']);
    return random.chance(0.5) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const header = random.chance(0.8) ? 'title,original_language,kind,offices,date_text' : Array.from({ length: random.int(1, 6) }, cell).join(',');
  const rows = Array.from({ length: random.int(0, 20) }, () => Array.from({ length: random.int(1, 7) }, cell).join(random.chance(0.9) ? ',' : ';'));
  return { headers: { 'content-type': `${CSV_TYPE}${random.chance(0.2) ? '; charset=latin1' : ''}` }, body: Buffer.from([header, ...rows].join(random.chance(0.5) ? '\r\n' : '\n'), 'utf8') };
}

// ---------------------------------------------------------------------------------------------
// Plausible values from a JSON schema, then a few made hostile

/** A value the schema would likely accept, so the hostile parts land deep inside valid requests. */
function plausible(schema: OpenAPIV3.SchemaObject, name: string, targets: Targets | null, random: Random, depth: number): Json {
  if (depth > 6) return null;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0) return plausible(random.pick(variants) as OpenAPIV3.SchemaObject, name, targets, random, depth + 1);
  if (schema.enum && schema.enum.length > 0) return random.pick(schema.enum) as Json;
  switch (schema.type) {
    case 'object': {
      const value: { [key: string]: Json } = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || random.chance(0.5)) value[key] = plausible(property as OpenAPIV3.SchemaObject, key, targets, random, depth + 1);
      }
      return value;
    }
    case 'array': {
      const items = (schema as OpenAPIV3.ArraySchemaObject).items as OpenAPIV3.SchemaObject;
      return Array.from({ length: Math.max(schema.minItems ?? 0, random.int(0, 2)) }, () => plausible(items, name, targets, random, depth + 1));
    }
    case 'integer':
    case 'number':
      return name === 'version' ? random.int(1, 3) : random.int(Math.max(schema.minimum ?? 0, 0), Math.min(schema.maximum ?? 100, 100));
    case 'boolean':
      return random.chance(0.5);
    case 'string':
      return plausibleText(schema, name, targets, random);
    default:
      return 'x';
  }
}

function plausibleText(schema: OpenAPIV3.SchemaObject, name: string, targets: Targets | null, random: Random): string {
  if (schema.format === 'date') return `20${random.int(19, 27)}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
  if (schema.format === 'uuid') return targets ? random.pick(targets.activities) : crypto.randomUUID();
  if (schema.format === 'uri') return 'https://example.org/drill';
  if (schema.format === 'email' || name === 'email') return `fuzz-${random.int(0, 1e9)}@example.org`;
  if (name === 'password') return 'a long enough password';
  if (schema.pattern?.includes('A-Z]{2}')) return random.pick(['ET', 'NG', 'TD', 'CH']);
  if (schema.pattern?.startsWith('^[A-Za-z0-9]')) {
    if (name === 'office') return random.pick(['addis-ababa', 'cairo']);
    if (name === 'sector' || name === 'sectors') return 'ITU-T';
    if (name === 'advisoryGroup') return 'TSAG';
    if (name === 'bodies') return 'SG12RG-AFR';
    return 'addis-ababa';
  }
  return `Drill fuzz ${random.int(0, 1e6)}`;
}

/** One to three places in the value made hostile: replaced, dropped, or joined by an unknown field. */
function mutate(value: Json, random: Random): Json {
  for (let i = random.int(1, 3); i > 0; i--) {
    const holders: Array<{ [key: string]: Json } | Json[]> = [];
    const collect = (v: Json) => {
      if (v instanceof RawJson || v === null || typeof v !== 'object') return;
      holders.push(v);
      for (const inner of Array.isArray(v) ? v : Object.values(v)) collect(inner);
    };
    collect(value);
    if (holders.length === 0) return hostileValue(random);
    const holder = random.pick(holders);
    const keys = Array.isArray(holder) ? holder.map((_, k) => k) : Object.keys(holder);
    const roll = random.next();
    if (keys.length > 0 && roll < 0.7) (holder as Record<string | number, Json>)[random.pick(keys as Array<string | number>)] = hostileValue(random);
    else if (keys.length > 0 && roll < 0.85 && !Array.isArray(holder)) delete holder[random.pick(keys as string[])];
    else if (Array.isArray(holder)) holder.push(hostileValue(random));
    else holder[random.chance(0.5) ? hostileText(random).slice(0, 100) : 'unknownField'] = hostileValue(random);
  }
  return value;
}

/** A copy of `items` in a random order (Fisher–Yates, from the drill's seeded generator). */
function shuffled<T>(items: readonly T[], random: { int(min: number, max: number): number }): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
