import { describe, expect, it } from 'vitest';
import { readCsv, writeCsv } from './csv.ts';

describe('CSV', () => {
  it('writes UTF-8 with a byte order mark, RFC 4180 quoting and CRLF, and reads it back', () => {
    const bytes = writeCsv(['title', 'participants'], [['Atelier "QoS", Ndjamena', 45], ['ورشة عمل\n研讨会', null]]);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1)).toBe('title,participants\r\n"Atelier ""QoS"", Ndjamena",45\r\n"ورشة عمل\n研讨会",\r\n');
    expect(readCsv(bytes)).toEqual({
      ok: true,
      table: { header: ['title', 'participants'], rows: [{ row: 2, cells: ['Atelier "QoS", Ndjamena', '45'] }, { row: 3, cells: ['ورشة عمل\n研讨会', ''] }] },
    });
  });

  it('quotes every cell holding a separator some locale splits on, so no part of it can start a formula cell', () => {
    const text = writeCsv(['description'], [["Budget;=cmd|' /C calc'!A0"], ['tab\t=1+1'], ['pipe|=2+2'], ['plain']]).toString('utf8').slice(1);
    expect(text).toBe(`description\r\n"Budget;=cmd|' /C calc'!A0"\r\n"tab\t=1+1"\r\n"pipe|=2+2"\r\nplain\r\n`);
    // A spreadsheet splitting on semicolons keeps the quoted cell whole.
    const read = readCsv(Buffer.from(text.replace('description', 'description;kind')));
    expect(read.ok && read.table.rows[0]!.cells).toEqual(["Budget;=cmd|' /C calc'!A0"]);
  });

  it('reads semicolon- and tab-separated files, skipping blank rows but counting them', () => {
    const semicolons = readCsv(Buffer.from('title;kind\n\nA;workshop\n'));
    expect(semicolons).toEqual({ ok: true, table: { header: ['title', 'kind'], rows: [{ row: 3, cells: ['A', 'workshop'] }] } });
    expect(readCsv(Buffer.from('title\tkind\r\nA\tforum'))).toMatchObject({ ok: true, table: { rows: [{ row: 2, cells: ['A', 'forum'] }] } });
  });

  it('refuses what is not UTF-8 CSV text', () => {
    expect(readCsv(Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x80]))).toMatchObject({ ok: false, message: expect.stringMatching(/not UTF-8/) });
    expect(readCsv(Buffer.from('PK\u0003\u0004rest'))).toMatchObject({ ok: false, message: expect.stringMatching(/XLSX/) });
    expect(readCsv(Buffer.from(' \r\n'))).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
    expect(readCsv(Buffer.from('a,b\n"unclosed'))).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be read as CSV/) });
  });
});
