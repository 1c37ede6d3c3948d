/**
 * Hostile documents sent where files are taken: POST /api/imports (Word or text reports) and
 * POST /api/activities/import (CSV or XLSX). Decompression bombs (one entry of a gigabyte, a
 * quarter of one in --short; a flood of paragraphs or rows, a hundred images, sizes that lie), XML entity tricks (billion
 * laughs, an external entity naming /etc/passwd), huge, binary, empty and truncated files, and
 * one valid file of each kind as a control. They go one at a time while the health check runs;
 * the server must answer each (2xx or 4xx, never 5xx; a bomb with a refusal), keep answering
 * /api/health meanwhile, never die, and never send back what /etc/passwd holds. A server that dies is started again so
 * the other documents are still tried; the drill says which document killed it.
 */
import { writeFileSync } from 'node:fs';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import type { Random } from '../bench/vocabulary.ts';
import { checkAborted, type Drill, type DrillOutcome } from './drill.ts';
import { reportDocument } from './fixtures.ts';
import { multipart, rawRequest, refusedUnread, watchHealth, type RawRequest } from './http.ts';
import type { ServerProcess } from './server.ts';
import { entry, repeatedEntry, writeZip, type ZipEntry } from './zip.ts';

const MB = 1024 * 1024;
const CSV_TYPE = 'text/csv';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How long one document may take to be answered (the slowest honest answer is a refusal after unpacking a little). */
const ANSWER_LIMIT_MS = { short: 60_000, full: 120_000 };

type Route = 'report' | 'sheet';

interface HostileDocument {
  name: string;
  route: Route;
  /** For sheets: the Content-Type it is sent as. */
  type?: string;
  /** A valid file: it must be taken (2xx), or the drill is not testing what it thinks. */
  control?: boolean;
  /** Unpacks to far more than any upload may (ARCHITECTURE: limits on upload sizes *unpacked*): it must be refused. */
  bomb?: boolean;
  /** In --short too: one of each kind of attack, the quick ones. */
  short?: boolean;
  make(random: Random, size: Sizes): Promise<Buffer> | Buffer;
}

/**
 * How far the bombs unpack, in MB: a gigabyte in the full drill; a quarter of one in --short, still
 * five times what an upload should be allowed to unpack to, and a quarter of the time to spend
 * where nothing stops it.
 */
interface Sizes {
  bombMB: number;
}
const SIZES = { short: { bombMB: 256 }, full: { bombMB: 1024 } };

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const DOC_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`;
const DOC_TAIL = '</w:body></w:document>';

/** The parts a Word document needs around its body, plus any others. */
function docx(body: ZipEntry, more: ZipEntry[] = []): Buffer {
  return writeZip([
    entry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    entry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    body,
    ...more,
  ]);
}

/** The parts a workbook needs around its first sheet, plus any others. */
function xlsx(sheet: ZipEntry, more: ZipEntry[] = [], sharedStrings = false): Buffer {
  return writeZip([
    entry(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`,
    ),
    entry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    entry(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Activities" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    entry(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>`,
    ),
    sheet,
    ...more,
  ]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER_ROW = `<row r="1">${['title', 'original_language', 'kind', 'offices', 'date_text'].map((t, i) => inline(`${'ABCDE'[i]}1`, t)).join('')}</row>`;

const BILLION_LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">${Array.from(
  { length: 9 },
  (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
).join('')}]>`;
const EXTERNAL_ENTITY = '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % remote SYSTEM "file:///etc/passwd">]>';
/** What a leak of /etc/passwd looks like in an answer. */
const PASSWD = /root:[^:\s]*:0:0:/;

async function validDocx(): Promise<Buffer> {
  const lines = reportDocument(`documents drill ${crypto.randomUUID()}`).toString('utf8').trim().split('\n');
  const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
  return Packer.toBuffer(document);
}

async function validXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Activities');
  sheet.addRow(['title', 'original_language', 'kind', 'offices', 'date_text']);
  sheet.addRow([`Documents drill ${crypto.randomUUID()}`, 'en', 'workshop', 'addis-ababa:organised', 'May 2021']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const random1MB = (random: Random) => Buffer.from(Array.from({ length: MB }, () => random.int(0, 255)));

export const DOCUMENTS: HostileDocument[] = [
  // Controls: valid files are taken.
  { name: 'valid-docx', short: true, route: 'report', control: true, make: validDocx },
  { name: 'valid-text', route: 'report', control: true, make: () => reportDocument(`documents drill ${crypto.randomUUID()}`) },
  { name: 'valid-xlsx', short: true, route: 'sheet', type: XLSX_TYPE, control: true, make: validXlsx },
  { name: 'valid-csv', route: 'sheet', type: CSV_TYPE, control: true, make: () => Buffer.from(`title,original_language,kind,offices,date_text\r\nDocuments drill ${crypto.randomUUID()},en,workshop,addis-ababa:organised,May 2021\r\n`) },

  // Word: decompression bombs.
  { name: 'docx-bomb-text', bomb: true, short: true, route: 'report', make: (_, { bombMB }) => docx(repeatedEntry('word/document.xml', `${DOC_HEAD}<w:p><w:r><w:t>`, 'A'.repeat(MB), bombMB, `</w:t></w:r></w:p>${DOC_TAIL}`)) },
  {
    name: 'docx-bomb-10M-paragraphs', bomb: true,
    route: 'report',
    make: () => docx(repeatedEntry('word/document.xml', DOC_HEAD, '<w:p><w:r><w:t>1 Workshop held in Abuja.</w:t></w:r></w:p>'.repeat(1000), 10_000, DOC_TAIL)),
  },
  {
    name: 'docx-bomb-100-images-of-10MB', bomb: true,
    route: 'report',
    make: () => {
      const images = Array.from({ length: 100 }, (_, i) => repeatedEntry(`word/media/image${i}.png`, '\u0089PNG\r\n\u001a\n', Buffer.alloc(MB), 10, ''));
      const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${images.map((_, i) => `<Relationship Id="img${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image${i}.png"/>`).join('')}</Relationships>`;
      const drawing = (i: number) =>
        `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="${i + 1}" name="p${i}"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="img${i}"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
      return docx(entry('word/document.xml', `${DOC_HEAD}${images.map((_, i) => drawing(i)).join('')}${DOC_TAIL}`), [entry('word/_rels/document.xml.rels', rels), ...images]);
    },
  },
  {
    name: 'docx-sizes-lie', bomb: true,
    short: true,
    route: 'report',
    make: (_, { bombMB }) => {
      const body = repeatedEntry('word/document.xml', `${DOC_HEAD}<w:p><w:r><w:t>`, 'B'.repeat(MB), bombMB / 2, `</w:t></w:r></w:p>${DOC_TAIL}`);
      return docx({ ...body, size: 100 });
    },
  },
  // Word: XML tricks.
  { name: 'docx-billion-laughs', bomb: true, short: true, route: 'report', make: () => docx(entry('word/document.xml', `<?xml version="1.0"?>${BILLION_LAUGHS}<w:document ${W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>${DOC_TAIL}`)) },
  { name: 'docx-external-entity', short: true, route: 'report', make: () => docx(entry('word/document.xml', `<?xml version="1.0"?>${EXTERNAL_ENTITY}<w:document ${W}><w:body><w:p><w:r><w:t>4 Africa &xxe; %remote;</w:t></w:r></w:p>${DOC_TAIL}`)) },
  { name: 'docx-deep-nesting', route: 'report', make: () => docx(repeatedEntry('word/document.xml', `${DOC_HEAD}`, '<w:p><w:r>', 200_000, `${'</w:r></w:p>'.repeat(200_000)}${DOC_TAIL}`)) },
  // Word: damaged.
  { name: 'docx-truncated', short: true, route: 'report', make: async () => (await validDocx()).subarray(0, 1500) },
  { name: 'docx-no-document-part', route: 'report', make: () => writeZip([entry('hello.txt', 'not a Word document')]) },
  { name: 'zip-header-then-noise', route: 'report', make: (random) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), random1MB(random)]) },
  // Reports: huge, binary, odd.
  { name: 'text-19MB-one-line', route: 'report', make: () => Buffer.from(`4\tAfrica\n1\t${'word '.repeat((19 * MB) / 5)}\n`) },
  {
    name: 'text-300k-items',
    route: 'report',
    make: () => Buffer.from(`4\tAfrica – Regional Office for Africa\n${Array.from({ length: 300_000 }, (_, i) => `${i + 1}\tWorkshop ${i} held in Abuja, Nigeria, 3 February 2020.`).join('\n')}\n`),
  },
  { name: 'over-20MB-limit', short: true, route: 'report', make: () => Buffer.alloc(21 * MB, 0x61) },
  { name: 'binary-1MB', short: true, route: 'report', make: random1MB },
  { name: 'empty', route: 'report', make: () => Buffer.alloc(0) },
  { name: 'utf16-text', route: 'report', make: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(reportDocument('utf16').toString('utf8'), 'utf16le')]) },
  { name: 'pdf-header', route: 'report', make: () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF') },

  // Sheets: decompression bombs.
  {
    name: 'xlsx-bomb-2M-rows', bomb: true,
    route: 'sheet',
    type: XLSX_TYPE,
    make: () => xlsx(repeatedEntry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${HEADER_ROW}`, `<row>${inline('A2', 'Workshop')}${inline('B2', 'en')}</row>`.repeat(1000), 2000, SHEET_TAIL)),
  },
  {
    name: 'xlsx-bomb-shared-string', bomb: true,
    short: true,
    route: 'sheet',
    type: XLSX_TYPE,
    make: (_, { bombMB }) =>
      xlsx(
        entry('xl/worksheets/sheet1.xml', `${SHEET_HEAD}${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c></row>${SHEET_TAIL}`),
        [repeatedEntry('xl/sharedStrings.xml', '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>', 'C'.repeat(MB), bombMB, '</t></si></sst>')],
        true,
      ),
  },
  // Sheets: XML tricks.
  {
    name: 'xlsx-billion-laughs', bomb: true,
    short: true,
    route: 'sheet',
    type: XLSX_TYPE,
    make: () => xlsx(entry('xl/worksheets/sheet1.xml', `<?xml version="1.0"?>${BILLION_LAUGHS}${SHEET_HEAD.replace('<?xml version="1.0" encoding="UTF-8"?>', '')}${HEADER_ROW}<row r="2">${inline('A2', '&lol9;')}</row>${SHEET_TAIL}`)),
  },
  {
    name: 'xlsx-external-entity',
    short: true,
    route: 'sheet',
    type: XLSX_TYPE,
    make: () => xlsx(entry('xl/worksheets/sheet1.xml', `<?xml version="1.0"?>${EXTERNAL_ENTITY}${SHEET_HEAD.replace('<?xml version="1.0" encoding="UTF-8"?>', '')}${HEADER_ROW}<row r="2">${inline('A2', '&xxe;')}${inline('B2', 'en')}${inline('C2', 'workshop')}${inline('D2', 'addis-ababa:organised')}${inline('E2', 'May 2021')}</row>${SHEET_TAIL}`)),
  },
  // Sheets: damaged, huge, binary.
  { name: 'xlsx-truncated', short: true, route: 'sheet', type: XLSX_TYPE, make: async () => (await validXlsx()).subarray(0, 2000) },
  { name: 'xlsx-random-bytes', route: 'sheet', type: XLSX_TYPE, make: random1MB },
  { name: 'csv-19MB-one-cell', route: 'sheet', type: CSV_TYPE, make: () => Buffer.from(`title,original_language,kind,offices,date_text\r\n"${'x'.repeat(19 * MB)}",en,workshop,addis-ababa:organised,May 2021\r\n`) },
  { name: 'csv-unclosed-quote', route: 'sheet', type: CSV_TYPE, make: () => Buffer.from(`title,original_language,kind,offices,date_text\r\n"${'open quote, '.repeat(400_000)}`) },
  { name: 'csv-30k-rows', route: 'sheet', type: CSV_TYPE, make: () => Buffer.from(`title,original_language,kind,offices,date_text\r\n${'Workshop,en,workshop,addis-ababa:organised,May 2021\r\n'.repeat(30_000)}`) },
  { name: 'csv-over-20MB-limit', route: 'sheet', type: CSV_TYPE, make: () => Buffer.alloc(21 * MB, 0x61) },
  { name: 'csv-binary-1MB', short: true, route: 'sheet', type: CSV_TYPE, make: random1MB },
];

interface Result {
  name: string;
  answer: string;
  ms: number;
  /** Why this document fails the drill, if it does. */
  problem?: string;
}

export const documentsDrill: Drill = {
  name: 'documents',
  summary: 'zip and XML bombs, entity tricks, huge, binary and truncated files to both importers: server stays up, no 5xx, health answered throughout',
  limitSeconds: { short: 300, full: 1500 },
  async run({ dialect, shared, short, random, signal, outDir, log }): Promise<DrillOutcome> {
    const standing = await shared();
    const tokens = standing.tokens;
    let server: ServerProcess = standing.server;
    const limitMs = short ? ANSWER_LIMIT_MS.short : ANSWER_LIMIT_MS.full;
    const results: Result[] = [];
    const health = { checks: 0, failures: 0, maxLatencyMs: 0 };
    let deaths = 0;

    for (const document of DOCUMENTS.filter((d) => !short || d.short)) {
      checkAborted(signal);
      const bytes = await document.make(random, short ? SIZES.short : SIZES.full);
      const request = requestFor(document, bytes, tokens.editor);
      const watch = watchHealth(server.port);
      const answer = await rawRequest(server.port, request, limitMs);
      // The health check goes on a moment after the answer: a server busy after answering is still busy.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const checked = await watch.stop();
      health.checks += checked.checks;
      health.failures += checked.failures;
      health.maxLatencyMs = Math.max(health.maxLatencyMs, checked.maxLatencyMs);

      // A server killed by the document (out of memory) may take a moment to end after dropping the connection.
      if (!answer.ok) await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
      const died = !server.alive();
      const status = answer.ok ? answer.status : null;
      const unread = refusedUnread(answer, request);
      const result: Result = {
        name: document.name,
        answer: answer.ok ? `${answer.status} ${codeOf(answer.body)}` : unread ? 'refused unread (reset)' : `no answer (${answer.error})`,
        ms: Math.round(answer.ms),
      };
      if (died) result.problem = 'killed the server';
      else if (!answer.ok && !unread) result.problem = answer.error === 'timeout' ? `no answer in ${limitMs / 1000} s` : `connection ${answer.error} without an answer`;
      else if (status === null) result.problem = document.control ? 'a valid file was refused unread' : undefined;
      else if (status >= 500) result.problem = `answered ${status}`;
      else if (document.control && (status < 200 || status > 299)) result.problem = `a valid file was refused (${status})`;
      else if (document.bomb && status >= 200 && status <= 299) result.problem = `unpacked whole and answered ${status} instead of refused`;
      else if (answer.ok && PASSWD.test(answer.body.toString('utf8'))) result.problem = 'sent back /etc/passwd';
      if (checked.failures > 0) result.problem = [result.problem, `stalled ${checked.failures} health checks`].filter(Boolean).join(', ');
      results.push(result);
      log(`${document.name} (${(bytes.length / MB).toFixed(2)} MB): ${result.answer} in ${result.ms} ms; health ${checked.checks - checked.failures}/${checked.checks}, max ${Math.round(checked.maxLatencyMs)} ms${result.problem ? ` — ${result.problem}` : ''}`);
      if (died) {
        deaths += 1;
        const ended = await server.exited;
        log(`server ended (${ended.signal ?? `exit code ${ended.code}`}); starting another`);
        server = (await shared()).server;
      }
    }

    const details = `${outDir}documents-${dialect}.txt`;
    writeFileSync(details, results.map((r) => `${r.name.padEnd(30)} ${r.answer.padEnd(45)} ${String(r.ms).padStart(7)} ms${r.problem ? `  ${r.problem}` : ''}`).join('\n') + '\n');
    const classes = { '2xx': 0, '4xx': 0, '5xx': 0 };
    for (const r of results) {
      const status = Number(r.answer.slice(0, 3));
      if (status >= 200 && status < 300) classes['2xx'] += 1;
      else if (status >= 400 && status < 500) classes['4xx'] += 1;
      else if (status >= 500) classes['5xx'] += 1;
    }
    const failing = results.filter((r) => r.problem);
    return {
      figures: {
        documents: results.length,
        ...classes,
        'refused-unread': results.filter((r) => r.answer.startsWith('refused unread')).length,
        unanswered: results.filter((r) => r.answer.startsWith('no answer')).length,
        'server-deaths': deaths,
        'health-checks': health.checks,
        'health-failures': health.failures,
        'max-health-ms': Math.round(health.maxLatencyMs),
        'slowest-answer-ms': Math.max(0, ...results.map((r) => r.ms)),
      },
      failures: failing.map((r) => `${r.name} ${r.problem}`),
      details,
    };
  },
};

function requestFor(document: HostileDocument, bytes: Buffer, token: string): RawRequest {
  if (document.route === 'sheet') {
    return { method: 'POST', target: '/api/activities/import?mode=valid-rows', headers: { authorization: `Bearer ${token}`, 'content-type': document.type ?? CSV_TYPE }, body: bytes };
  }
  const extension = document.name.startsWith('docx') || document.name.startsWith('zip') || document.name === 'valid-docx' ? 'docx' : 'txt';
  const upload = multipart({ office: 'addis-ababa' }, { name: `${document.name}.${extension}`, type: 'application/octet-stream', bytes });
  return { method: 'POST', target: '/api/imports', headers: { authorization: `Bearer ${token}`, 'content-type': upload.contentType }, body: upload.body };
}

/** The problem's code of an error answer, for the details file. */
function codeOf(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { code?: string; stored?: number; proposals?: unknown[] };
    if (parsed.code) return parsed.code;
    if (parsed.stored !== undefined) return `stored ${parsed.stored}`;
    if (parsed.proposals) return `${parsed.proposals.length} proposals`;
    return '';
  } catch {
    return '';
  }
}
