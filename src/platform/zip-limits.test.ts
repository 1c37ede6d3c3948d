import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { reportToDocx } from '../../test/support/report-docx.ts';
import { deflatedEntry, deflatedText, repeated, zipOf, type ZipEntry } from '../../test/support/upload-files.ts';
import { UPLOAD_UNPACK_LIMITS, unpackWithinLimits } from './zip-limits.ts';

const stored = (name: string, text: string): ZipEntry => {
  const data = Buffer.from(text);
  return { name, data, method: 'store', crc: crc32(data), declaredSize: data.length };
};

describe('what an uploaded zip may unpack to', () => {
  it('gives the reading library the same entries, stored, so a Word file reads exactly as before', async () => {
    const docx = await reportToDocx(readFileSync('data/demo/tsag-2020-regional-offices-contribution.txt', 'utf8'));
    const unpacked = unpackWithinLimits(docx);
    if (!unpacked.ok) throw new Error(unpacked.reason);
    expect((await mammoth.convertToHtml({ buffer: unpacked.zip })).value).toBe((await mammoth.convertToHtml({ buffer: docx })).value);
  });

  it('refuses by what the table of contents declares: entries, total, one entry, ratio', async () => {
    const three = zipOf([stored('a.xml', '<a/>'), stored('b.xml', '<b/>'), stored('c.xml', '<c/>')]);
    expect(unpackWithinLimits(three, { ...UPLOAD_UNPACK_LIMITS, entries: 2 })).toEqual({ ok: false, problem: 'too_large', reason: 'holds 3 files, more than the 2 an upload may hold' });
    expect(unpackWithinLimits(three, { ...UPLOAD_UNPACK_LIMITS, totalBytes: 10 })).toEqual({ ok: false, problem: 'too_large', reason: 'unpacks to 12 bytes, more than the 10 bytes an upload may unpack to' });
    expect(unpackWithinLimits(three, { ...UPLOAD_UNPACK_LIMITS, entryBytes: 3 })).toMatchObject({ ok: false, problem: 'too_large', reason: expect.stringMatching(/^holds a\.xml, which unpacks to/) });
    const dense = zipOf([await deflatedEntry('sheet.xml', repeated(Buffer.alloc(64 * 1024, 'a'), 32))]);
    expect(unpackWithinLimits(dense)).toMatchObject({ ok: false, problem: 'too_large', reason: expect.stringMatching(/^holds sheet\.xml, packed \d+ to 1, more than the 100 to 1/) });
    // Small parts may pack densely: only parts over a megabyte are held to the ratio.
    expect(unpackWithinLimits(zipOf([await deflatedText('empty.xml', ' '.repeat(500_000))]))).toMatchObject({ ok: true });
  });

  it('refuses what Office files never are: encrypted or unknown compression, names twice, a bad checksum', () => {
    const twice = zipOf([stored('a.xml', '<a/>'), stored('a.xml', '<b/>')]);
    expect(unpackWithinLimits(twice)).toEqual({ ok: false, problem: 'unreadable', reason: 'a.xml is in it twice over' });
    const bad = zipOf([{ ...stored('a.xml', '<a/>'), crc: 1 }]);
    expect(unpackWithinLimits(bad)).toEqual({ ok: false, problem: 'unreadable', reason: 'a.xml is damaged (its checksum does not match)' });
    const zip = zipOf([stored('a.xml', '<a/>')]);
    const directory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const encrypted = Buffer.from(zip);
    encrypted.writeUInt16LE(0x801, directory + 8);
    expect(unpackWithinLimits(encrypted)).toEqual({ ok: false, problem: 'unreadable', reason: 'a.xml is encrypted' });
    const bzip2 = Buffer.from(zip);
    bzip2.writeUInt16LE(12, directory + 10);
    expect(unpackWithinLimits(bzip2)).toEqual({ ok: false, problem: 'unreadable', reason: 'a.xml is compressed in a way Office files never are (method 12)' });
  });
});
