/**
 * Uploads made to hurt: zip bombs, zips that lie or are cut short, XML entity tricks, and a large
 * text, sent to the report import and the spreadsheet import. Each is refused (or read) with the
 * limit named, and the server keeps answering everyone else meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { buildUser, type TestUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { deflatedEntry, deflatedText, docxOf, docxWith, DOCUMENT_END, noise, paragraph, paragraphBomb, zeros, zipOf, type ZipEntry } from '../support/upload-files.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

interface Answer {
  status: number;
  body: { code?: string; detail?: string; errors?: Array<{ code: string; message: string }>; format?: string; counts?: { unplaced: number } };
}

async function importReport(server: TestServer, token: string, bytes: Uint8Array, name: string, type = DOCX_TYPE): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  // A guard against a hang, not a speed target.
  const res = await fetch(`${server.url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form, signal: AbortSignal.timeout(120_000) });
  return { status: res.status, body: JSON.parse(await res.text()) };
}

async function importSpreadsheet(server: TestServer, token: string, bytes: Uint8Array): Promise<Answer> {
  const res = await fetch(`${server.url}/api/activities/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_TYPE },
    body: bytes,
    signal: AbortSignal.timeout(120_000),
  });
  return { status: res.status, body: JSON.parse(await res.text()) };
}

/**
 * Asks for /api/health again and again while `work` runs; gives the work's result, every health
 * answer's status and the longest wait between two answers (or between the start and the first).
 */
async function healthDuring<T>(server: TestServer, work: Promise<T>): Promise<{ result: T; statuses: number[]; longestWait: number; took: number }> {
  const started = performance.now();
  let done = false;
  const finished = work.finally(() => {
    done = true;
  });
  const statuses: number[] = [];
  let last = started;
  let longestWait = 0;
  while (!done) {
    const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(120_000) });
    await res.arrayBuffer();
    statuses.push(res.status);
    const now = performance.now();
    if (!done) longestWait = Math.max(longestWait, now - last);
    last = now;
  }
  return { result: await finished, statuses, longestWait, took: performance.now() - started };
}

/** The same zip entry, declaring another unpacked size than the truth. */
const lyingAbout = (entry: ZipEntry, declaredSize: number): ZipEntry => ({ ...entry, declaredSize });

const countBatches = async (server: TestServer) =>
  Number((await server.database.fieldbook.database.db.selectFrom('import_batch').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe.each(DIALECTS)('hostile uploads [%s]', (dialect) => {
  let server: TestServer;
  let editor: TestUser;
  let focal: TestUser;
  /** 150 MB of zeros deflated (about 150 KB), the main part of a Word document. */
  let zerosDocument: ZipEntry;
  /** The Word document that took the server down: about 520 KB, its text 150 MB of paragraphs. */
  let bomb: Buffer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    editor = await buildUser(server, { role: 'editor', office: 'bangkok' });
    focal = await buildUser(server, { role: 'focal-point', bureau: 'TSB' });
    zerosDocument = await deflatedEntry('word/document.xml', zeros(150));
    bomb = await paragraphBomb(150);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a 150 MB zip bomb from any editor with 413 naming the limit, answering health all the while', async () => {
    expect(bomb.length).toBeLessThan(MB);
    // The same bomb took the server to 4.3 GB and out of memory in 50 s, health failing meanwhile.
    const batches = await countBatches(server);
    const { result, statuses } = await healthDuring(server, importReport(server, editor.token, bomb, 'bomb.docx'));
    expect(result).toEqual({
      status: 413,
      body: expect.objectContaining({ code: 'document_unpacks_too_large', detail: '"bomb.docx" unpacks to 150 MB, more than the 50 MB an upload may unpack to.' }),
    });
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await countBatches(server)).toBe(batches);

    // Two at once, and the server is still there for the next request.
    const [first, second] = await Promise.all([importReport(server, editor.token, bomb, 'a.docx'), importReport(server, editor.token, bomb, 'b.docx')]);
    expect([first.status, second.status]).toEqual([413, 413]);
    expect((await server.request('GET', '/api/health')).status).toBe(200);
  });

  it('refuses a part packed like a bomb, below the size limits, by its compression ratio', async () => {
    const packed = await docxWith(await deflatedEntry('word/document.xml', zeros(20)));
    const res = await importReport(server, editor.token, packed, 'dense.docx');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'document_unpacks_too_large', detail: expect.stringMatching(/^"dense\.docx" holds word\/document\.xml, packed \d+ to 1, more than the 100 to 1 an upload may be packed/) });
  });

  it('refuses a zip that declares less than it unpacks to, reading no more than it declared', async () => {
    const res = await importReport(server, editor.token, await docxWith(lyingAbout(zerosDocument, 1000)), 'liar.docx');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('unreadable_document');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ code: 'document_unreadable', message: '"liar.docx" is a zip file but not a Word document (.docx) that can be read: word/document.xml unpacks to more than the 1,000 bytes it declares' }),
    ]);
  });

  it('refuses a zip cut short with 400 naming the problem, never a 500', async () => {
    const whole = await docxOf(['The committee met twice.', 'Nothing else happened.']);
    expect((await importReport(server, editor.token, whole, 'whole.docx')).status).toBe(201);
    for (const cut of [whole.subarray(0, whole.length - 10), whole.subarray(0, whole.length / 2), whole.subarray(0, 40)]) {
      const res = await importReport(server, editor.token, cut, 'cut.docx');
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ code: 'document_unreadable', message: expect.stringContaining('(was it cut short?)') })]);
    }
    // Its table of contents intact, an entry's data missing.
    const entries = [await deflatedText('word/document.xml', `<w:document>${paragraph('x'.repeat(5000))}${DOCUMENT_END}`)];
    const gutted = zipOf(entries.map((e) => ({ ...e, data: e.data.subarray(0, 10) })));
    const res = await importReport(server, editor.token, gutted, 'gutted.docx');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/^"gutted\.docx" is a zip file but not a Word document \(\.docx\) that can be read: word\/document\.xml/);
  });

  it('refuses a document that declares entities (a billion laughs) before any XML parser sees it', async () => {
    const entities = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)];
    const xml = `<?xml version="1.0"?><!DOCTYPE w:document [${entities.join('')}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraph('&lol9;')}${DOCUMENT_END}`;
    const laughs = await docxWith(await deflatedText('word/document.xml', xml));
    const res = await importReport(server, editor.token, laughs, 'laughs.docx');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ code: 'document_unreadable', message: expect.stringContaining('word/document.xml declares a DOCTYPE or entities, which Office files never do') })]);
    // The same in UTF-16, which a byte search for ASCII would miss.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le')]);
    const wide = await importReport(server, editor.token, await docxWith(await deflatedEntry('word/document.xml', [utf16])), 'wide.docx');
    expect(wide.status).toBe(400);
    expect(wide.body.errors?.[0]?.message).toContain('declares a DOCTYPE');
  });

  it('reads a 10 MB text off the event loop: health keeps answering all through the import', { timeout: 180_000 }, async () => {
    const { result, statuses, longestWait, took } = await healthDuring(server, importReport(server, focal.token, noise(10 * MB), 'noise.txt', 'text/plain'));
    expect(result.status).toBe(201);
    expect(result.body.counts?.unplaced).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Not a speed target: reading happens in a worker thread, so health never waits through it.
    // (Read on the event loop, it held health for nearly the whole import.)
    expect(longestWait).toBeLessThan(took / 2);
  });

  it('holds a workbook to the same limits: a bomb is 413, a lie or a cut is 400', async () => {
    const sheetBomb = zipOf([await deflatedEntry('xl/worksheets/sheet1.xml', zeros(150))]);
    const bombed = await importSpreadsheet(server, focal.token, sheetBomb);
    expect(bombed.status).toBe(413);
    expect(bombed.body).toMatchObject({ code: 'import_file_unpacks_too_large', detail: 'the workbook unpacks to 150 MB, more than the 50 MB an upload may unpack to.' });

    const lying = zipOf([lyingAbout(await deflatedEntry('xl/worksheets/sheet1.xml', zeros(10)), 5000)]);
    const lied = await importSpreadsheet(server, focal.token, lying);
    expect(lied.status).toBe(400);
    expect(lied.body.errors).toEqual([expect.objectContaining({ code: 'file_unreadable', message: expect.stringContaining('xl/worksheets/sheet1.xml unpacks to more than the 5,000 bytes it declares') })]);

    const cut = await importSpreadsheet(server, focal.token, sheetBomb.subarray(0, 1000));
    expect(cut.status).toBe(400);
    expect(cut.body.errors?.[0]?.message).toContain('cut short');
  });
});
