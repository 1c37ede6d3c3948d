/**
 * Hostile text in every field, read back through everything that shows it. Titles (in the six
 * languages), places, descriptions, outcomes, link titles and status reasons, and every text of a
 * report's header and narrative, are written with `]]>`, `<script>`, an element to be injected,
 * quotes, control characters, bidirectional marks, a line break that would start a calendar
 * property, and very long text. Then every page (in English, Arabic and Chinese), every feed
 * (iCalendar, Atom, JSON) and every export (CSV, XLSX, report DOCX, HTML and Markdown) is read:
 *   ill-formed   XML (Atom, every part of the DOCX and XLSX) that a strict parser refuses; a
 *                calendar line that is neither a property nor a continuation, or a control
 *                character iCalendar does not allow; a raw C0 control character in HTML (a parse
 *                error there); CSV or JSON that does not parse;
 *   unescaped    an element or attribute the text brought in (a <script>, an onerror, an element
 *                with id="drill-injected", a calendar event of its own);
 *   altered      JSON and CSV, which can hold any text, not giving back exactly what was written;
 *   missing      a read that should show the text and does not.
 * PDF is left out: Chromium prints from the same HTML.
 */
import { writeFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { Parser as HtmlParser } from 'htmlparser2';
import MarkdownIt from 'markdown-it';
import { SaxesParser } from 'saxes';
import type { Drill, DrillOutcome } from './drill.ts';
import { expectJson, jsonRequest, rawRequest } from './http.ts';
import { readZip } from './zip.ts';

const LIMIT_MS = 60_000;
/** Every hostile text carries it, so a read can be searched for what it shows. */
const MARK = 'DrillMark';
const INJECTED = '<script>alert(1)</script><img src=x onerror=alert(1)><b id="drill-injected">b</b>';
const CONTROL = '\u0001\u0007\u0008\u000b\u000c\u001b\u001f\u007f';
const BIDI = '\u202eRTL\u202c \u200f\u2067isolate\u2069';
/** What any text shows, once escaped: the tags as text. */
const SHOWN = `${MARK} ]]> <script>alert(1)</script>`;

const hostile = (field: string) =>
  `${MARK} ]]> ${INJECTED} ${field} "double" 'single' & &amp; &#0; ${CONTROL} ${BIDI} 😀 \u2028 </title></entry><entry><title>Injected\r\nBEGIN:VEVENT\r\nSUMMARY:Injected end`;
const long = (field: string, max: number) => {
  let text = hostile(field);
  while (text.length + hostile(field).length + 1 <= max) text += `\n${hostile(field)}`;
  return text;
};

/** What XML 1.0 can carry of a text: no C0 controls but tab and line breaks, line breaks as \n. */
const asXml = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/\r\n?/g, '\n');

interface Finding {
  read: string;
  kind: 'ill-formed' | 'unescaped' | 'altered' | 'missing' | 'refused';
  detail: string;
}

export const textDrill: Drill = {
  name: 'text',
  summary: 'hostile text in every field, read back through every page, feed and export: well-formed and escaped',
  limitSeconds: { short: 150, full: 300 },
  async run({ dialect, shared, outDir, log }): Promise<DrillOutcome> {
    const { tokens, server } = await shared();
    const findings: Finding[] = [];
    let reads = 0;
    let serverErrors = 0;
    const get = async (path: string, token: string | null = null) => {
      reads += 1;
      const answer = await rawRequest(server.port, jsonRequest('GET', path, token), LIMIT_MS);
      if (!answer.ok || answer.status !== 200) {
        if (answer.ok && answer.status >= 500) serverErrors += 1;
        findings.push({ read: path, kind: 'missing', detail: answer.ok ? `answered ${answer.status}` : `no answer (${answer.error})` });
        return null;
      }
      return answer.body;
    };

    // Written: two activities and a report, every text hostile.
    const year = new Date().getUTCFullYear();
    const titles = {
      en: `${hostile('title')}`.slice(0, 500),
      fr: `${MARK} titre ]]> ${INJECTED} « guillemets » ${CONTROL}`,
      es: `${MARK} título ]]> ${INJECTED} ${BIDI}`,
      ru: `${MARK} название ]]> ${INJECTED}`,
      ar: `${MARK} عنوان ]]> ${INJECTED} ${BIDI}`,
      zh: `${MARK} 标题 ]]> ${INJECTED}`,
    };
    const activityBodies = [
      {
        title: { en: titles.en },
        kind: 'workshop',
        status: 'confirmed',
        statusReason: hostile('reason').slice(0, 1000),
        offices: [{ office: 'addis-ababa', role: 'organised' }],
        sectors: ['ITU-T'],
        date: { text: `${year}-12-30` },
        place: { city: hostile('city').slice(0, 200), country: 'NG' },
        description: { en: long('description', 20_000) },
        outcome: { en: hostile('outcome') },
        participants: 12,
        links: [{ url: 'https://example.org/?q="><script>alert(1)</script>', title: hostile('link').slice(0, 300) }],
      },
      {
        title: titles,
        originalLanguage: 'en',
        kind: 'forum',
        status: 'planned',
        offices: [{ office: 'addis-ababa', role: 'organised' }],
        sectors: ['ITU-T'],
        date: { text: `${year}-12-29` },
        place: { mode: 'hybrid', city: `${MARK} ]]> ${INJECTED}`, country: 'ET' },
        description: Object.fromEntries(Object.keys(titles).map((l) => [l, hostile(`description ${l}`)])),
      },
    ];
    const written: Array<{ id: string; body: (typeof activityBodies)[number] }> = [];
    for (const body of activityBodies) {
      const answer = await rawRequest(server.port, jsonRequest('POST', '/api/activities', tokens.editor, body), LIMIT_MS);
      if (!answer.ok || answer.status !== 201) {
        findings.push({ read: 'POST /api/activities', kind: 'refused', detail: answer.ok ? `${answer.status} ${answer.body.toString('utf8').slice(0, 300)}` : answer.error });
        continue;
      }
      written.push({ id: (JSON.parse(answer.body.toString('utf8')) as { id: string }).id, body });
    }
    const reportBody = {
      sector: 'ITU-T',
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      visibility: 'all',
      header: {
        documentNumber: hostile('number').slice(0, 100),
        placeAndDate: hostile('place and date').slice(0, 200),
        source: hostile('source').slice(0, 500),
        title: hostile('report title').slice(0, 500),
        questions: hostile('questions').slice(0, 200),
        contacts: [{ name: hostile('contact').slice(0, 200), organisation: hostile('organisation').slice(0, 300), email: 'drill@example.org' }],
        keywords: hostile('keywords').slice(0, 500),
        abstract: long('abstract', 5000),
      },
      narrative: [
        { key: 'introduction', title: hostile('introduction').slice(0, 300), markdown: `${hostile('markdown')}\n\n<script>alert(1)</script>\n\n[link](javascript:alert(1)) <img src=x onerror=alert(1)>` },
        { key: 'drill', title: hostile('own section').slice(0, 300), markdown: long('own section', 10_000) },
      ],
    };
    const report = expectJson<{ id: string }>(await rawRequest(server.port, jsonRequest('POST', '/api/reports', tokens['focal-point'], reportBody), LIMIT_MS), 'creating the report');
    log(`written: ${written.length} activities and report ${report.id}`);

    // Read back: the API's JSON gives back exactly what was written.
    for (const { id, body } of written) {
      const bytes = await get(`/api/activities/${id}`, tokens.editor);
      if (!bytes) continue;
      const stored = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
      for (const field of ['title', 'description', 'outcome', 'place'] as const) {
        const sent = (body as Record<string, unknown>)[field];
        if (sent === undefined) continue;
        const got = field === 'place' ? { city: (stored.place as { city: string }).city } : stored[field];
        const want = field === 'place' ? { city: (sent as { city: string }).city } : sent;
        if (JSON.stringify(got) !== JSON.stringify(want)) findings.push({ read: `GET /api/activities/${id}`, kind: 'altered', detail: `${field} differs from what was written` });
      }
    }

    // Pages, in a left-to-right and a right-to-left language and in Chinese.
    const month = `${year}-12`;
    const pages = [
      ...['en', 'ar', 'zh'].flatMap((lang) => written.map((w) => `/${lang}/events/${w.id}`)),
      '/en/',
      '/ar/',
      `/en/events?from=${year}-12-01&to=${year}-12-31`,
      `/en/events?view=month&month=${month}`,
      `/en/offices/addis-ababa?year=${year}`,
      `/ar/offices/addis-ababa?year=${year}`,
      '/en/regions/AFR',
    ];
    for (const path of pages) {
      const bytes = await get(path);
      if (bytes) checkHtml(path, bytes.toString('utf8'), findings, true);
    }

    // Feeds.
    for (const path of ['/calendar.ics', '/en/events.ics', `/en/events/${written[0]?.id}/calendar.ics`, '/en/offices/addis-ababa/calendar.ics', '/fr/regions/AFR/calendar.ics']) {
      const bytes = await get(path);
      if (bytes) checkIcs(path, bytes.toString('utf8'), written.length, findings);
    }
    for (const lang of ['en', 'ar']) {
      const bytes = await get(`/${lang}/events.atom`);
      if (bytes) checkXml(`/${lang}/events.atom`, bytes.toString('utf8'), findings, { shows: asXml(SHOWN), foreign: ['script', 'img', 'b'] });
    }
    const feed = await get(`/en/events.json?from=${year}-01-01&to=${year}-12-31`);
    if (feed) checkJsonFeed('/en/events.json', feed.toString('utf8'), written, findings);

    // Exports.
    const csv = await get('/api/activities?format=csv&office=addis-ababa', tokens.editor);
    if (csv) checkCsv(csv.toString('utf8'), written, findings);
    const workbook = await get('/api/activities?format=xlsx&office=addis-ababa', tokens.editor);
    if (workbook) checkZipXml('/api/activities?format=xlsx', workbook, findings, asXml(`${MARK} ]]> ${INJECTED}`));
    const docx = await get(`/api/reports/${report.id}.docx`, tokens['focal-point']);
    if (docx) checkZipXml(`/api/reports/${report.id}.docx`, docx, findings, asXml(SHOWN));
    const html = await get(`/api/reports/${report.id}.html`, tokens['focal-point']);
    if (html) checkHtml(`/api/reports/${report.id}.html`, html.toString('utf8'), findings, true);
    const markdown = await get(`/api/reports/${report.id}.md`, tokens['focal-point']);
    if (markdown) {
      // Markdown is safe when a renderer that lets raw HTML through still builds no element from the text.
      const rendered = new MarkdownIt({ html: true }).render(markdown.toString('utf8'));
      checkHtml(`/api/reports/${report.id}.md (rendered with raw HTML allowed)`, rendered, findings, false);
    }

    const details = `${outDir}text-${dialect}.txt`;
    writeFileSync(details, findings.map((f) => `${f.kind.padEnd(10)} ${f.read}: ${f.detail}`).join('\n') + '\n');
    const count = (kind: Finding['kind']) => findings.filter((f) => f.kind === kind).length;
    // One phrase per kind of finding, with the reads it was found in.
    const grouped = new Map<string, Set<string>>();
    for (const f of findings) {
      const what = `${f.kind}: ${f.detail.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id').replace(/^\d+ | \(U\+.*\)|, e\.g\., .*/g, '')}`;
      grouped.set(what, (grouped.get(what) ?? new Set()).add(f.read.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')));
    }
    const failures = [...grouped].map(([what, where]) => `${what} in ${[...where].slice(0, 3).join(', ')}${where.size > 3 ? ` and ${where.size - 3} more` : ''}`);
    return {
      figures: {
        written: `${written.length}+1`,
        reads,
        'ill-formed': count('ill-formed'),
        unescaped: count('unescaped'),
        altered: count('altered'),
        missing: count('missing'),
        refused: count('refused'),
        '5xx': serverErrors,
      },
      failures,
      details,
    };
  },
};

/** Elements and attributes the hostile text could have brought in, and raw control characters. */
function checkHtml(read: string, html: string, findings: Finding[], page: boolean): void {
  const injected: string[] = [];
  let text = '';
  const parser = new HtmlParser(
    {
      onopentag(name, attributes) {
        if (name === 'script') injected.push('<script>');
        if (attributes.id === 'drill-injected') injected.push('the injected <b>');
        for (const attribute of Object.keys(attributes)) if (attribute.startsWith('on')) injected.push(`<${name} ${attribute}>`);
        for (const value of Object.values(attributes)) if (/^\s*javascript:/i.test(value)) injected.push(`<${name}> with a javascript: link`);
      },
      ontext(t) {
        text += t;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  for (const what of new Set(injected)) findings.push({ read, kind: 'unescaped', detail: `${what} in the page` });
  if (!text.includes(MARK)) findings.push({ read, kind: 'missing', detail: 'none of the hostile text is shown' });
  if (page) {
    const controls = html.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g);
    if (controls) findings.push({ read, kind: 'ill-formed', detail: `${controls.length} raw control characters in HTML (U+${[...new Set(controls)].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join(' U+')})` });
  }
}

/** Strict XML: any error is ill-formed; no element from the text; the text shown as text. */
function checkXml(read: string, xml: string, findings: Finding[], expect: { shows?: string; foreign?: string[] }): void {
  const parser = new SaxesParser({ xmlns: false });
  const elements: string[] = [];
  /** The text of each <title>: one that is "Injected…" is an entry the hostile text made. */
  const titles: string[] = [];
  let inTitle = false;
  let text = '';
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('opentag', (tag) => {
    elements.push(tag.name);
    inTitle = tag.name === 'title';
    if (inTitle) titles.push('');
    if (tag.attributes.id === 'drill-injected') findings.push({ read, kind: 'unescaped', detail: 'the injected <b> is an element' });
  });
  parser.on('closetag', () => (inTitle = false));
  parser.on('text', (t) => {
    text += t;
    if (inTitle) titles[titles.length - 1] += t;
  });
  parser.on('cdata', (t) => (text += t));
  try {
    parser.write(xml).close();
  } catch (e) {
    error ??= e as Error;
  }
  if (error) {
    findings.push({ read, kind: 'ill-formed', detail: (error as Error).message.slice(0, 200) });
    return;
  }
  for (const name of expect.foreign ?? []) if (elements.includes(name)) findings.push({ read, kind: 'unescaped', detail: `a <${name}> element` });
  if (titles.some((t) => t.trim().startsWith('Injected'))) findings.push({ read, kind: 'unescaped', detail: 'the text made an entry of its own' });
  if (expect.shows && !text.includes(expect.shows)) findings.push({ read, kind: 'missing', detail: 'the hostile text is not shown as text' });
}

/** Every part of a DOCX or XLSX is strict XML, and the text is in it. */
function checkZipXml(read: string, bytes: Buffer, findings: Finding[], shows: string): void {
  let parts: Map<string, Buffer>;
  try {
    parts = readZip(bytes);
  } catch (error) {
    findings.push({ read, kind: 'ill-formed', detail: `not a readable zip: ${(error as Error).message}` });
    return;
  }
  const texts: string[] = [];
  for (const [name, part] of parts) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const before = findings.length;
    checkXml(`${read} ${name}`, part.toString('utf8'), findings, {});
    if (findings.length === before) texts.push(part.toString('utf8'));
  }
  // The text of every part, entities decoded, must show the hostile text somewhere.
  const decoded = texts.map((t) => t.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')).join('\n');
  if (!decoded.includes(shows)) findings.push({ read, kind: 'missing', detail: 'the hostile text is in no part' });
}

/** Every line a property or a continuation; the events those written, none injected. */
function checkIcs(read: string, ics: string, activities: number, findings: Finding[]): void {
  const lines = ics.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  const bad = lines.filter((line) => !/^[ \t]/.test(line) && !/^[A-Za-z0-9-]+(;[^:]*)?:/.test(line));
  if (bad.length > 0) findings.push({ read, kind: 'ill-formed', detail: `${bad.length} lines neither a property nor a continuation, e.g., ${JSON.stringify(bad[0]!.slice(0, 60))}` });
  const controls = ics.replace(/\r\n/g, '').match(/[\u0000-\u0008\u000a-\u001f\u007f]/g);
  if (controls) findings.push({ read, kind: 'ill-formed', detail: `${controls.length} control characters iCalendar does not allow (raw, or a bare line break)` });
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  const events = unfolded.split('\r\n').filter((l) => l === 'BEGIN:VEVENT').length;
  const ours = unfolded.split('\r\n').filter((l) => l.startsWith('SUMMARY') && l.includes(MARK)).length;
  if (unfolded.split('\r\n').some((l) => l.startsWith('SUMMARY:Injected'))) findings.push({ read, kind: 'unescaped', detail: 'the text started a property of its own' });
  if (ours === 0) findings.push({ read, kind: 'missing', detail: 'no event shows the hostile title' });
  if (read.includes('/events/') ? events !== 1 : ours > activities) findings.push({ read, kind: 'unescaped', detail: `${events} events` });
}

function checkJsonFeed(read: string, text: string, written: Array<{ id: string; body: { title: Record<string, string> } }>, findings: Finding[]): void {
  let feed: { data: Array<{ id: string; title: Record<string, string> }> };
  try {
    feed = JSON.parse(text) as typeof feed;
  } catch (error) {
    findings.push({ read, kind: 'ill-formed', detail: (error as Error).message });
    return;
  }
  for (const { id, body } of written) {
    const item = feed.data.find((d) => d.id === id);
    if (!item) findings.push({ read, kind: 'missing', detail: `activity ${id} is not in the feed` });
    else if (JSON.stringify(item.title) !== JSON.stringify(body.title)) findings.push({ read, kind: 'altered', detail: 'a title differs from what was written' });
  }
}

/** The CSV parses strictly, and each title cell is the title written (an apostrophe before a formula-like start). */
function checkCsv(text: string, written: Array<{ id: string; body: { title: Record<string, string> } }>, findings: Finding[]): void {
  const read = '/api/activities?format=csv';
  let rows: string[][];
  try {
    rows = parseCsv(text, { bom: true, relax_column_count: false }) as string[][];
  } catch (error) {
    findings.push({ read, kind: 'ill-formed', detail: (error as Error).message.slice(0, 200) });
    return;
  }
  const header = rows[0] ?? [];
  const idAt = header.indexOf('id');
  const titleAt = header.indexOf('title');
  for (const { id, body } of written) {
    const row = rows.find((r) => r[idAt] === id);
    const title = body.title.en ?? '';
    const expected = /^[=+\-@\t\r]/.test(title) ? `'${title}` : title;
    if (!row) findings.push({ read, kind: 'missing', detail: `activity ${id} has no row` });
    else if (row[titleAt] !== expected) findings.push({ read, kind: 'altered', detail: 'a title cell differs from the title written' });
  }
}
