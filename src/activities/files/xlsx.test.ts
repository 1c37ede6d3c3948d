import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, writeXlsx } from './xlsx.ts';

describe('XLSX', () => {
  it('writes text and numbers, never formulas, and reads them back', async () => {
    const bytes = await writeXlsx(['title', 'participants'], [["'=1+1", 45], ['ورشة عمل 研讨会', null]]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Activities');
    expect(sheet.getCell('A2').value).toBe("'=1+1");
    expect(sheet.getCell('B2').value).toBe(45);
    expect(await readXlsx(bytes)).toEqual({
      ok: true,
      table: { header: ['title', 'participants'], rows: [{ row: 2, cells: ["'=1+1", '45'] }, { row: 3, cells: ['ورشة عمل 研讨会'] }] },
    });
  });

  it('reads dates as days, formulas by their result, rich text and links as their text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Mine');
    sheet.addRow(['date_start', 'participants', 'title', 'links']);
    sheet.addRow([new Date(Date.UTC(2021, 2, 4)), { formula: '40+5', result: 45 }, { richText: [{ text: 'Work' }, { text: 'shop' }] }, { text: 'https://itu.int', hyperlink: 'https://itu.int' }]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await readXlsx(bytes)).toEqual({
      ok: true,
      table: { header: ['date_start', 'participants', 'title', 'links'], rows: [{ row: 2, cells: ['2021-03-04', '45', 'Workshop', 'https://itu.int'] }] },
    });
  });

  it('refuses what is not a workbook', async () => {
    expect(await readXlsx(Buffer.from('title,kind\n'))).toMatchObject({ ok: false, message: expect.stringMatching(/not an XLSX/) });
    expect(await readXlsx(Buffer.from('PK\u0003\u0004 broken zip'))).toMatchObject({ ok: false, message: expect.stringMatching(/cannot be read/) });
  });
});
