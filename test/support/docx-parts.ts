/**
 * The XML parts of a Word file by name (word/document.xml, word/header1.xml …), for tests that
 * look where mammoth does not (page headers). Unpacked by the one zip reader, which writes the
 * entries stored, so each part is read straight from its local header.
 */
import { unpackWithinLimits } from '#src/platform/zip-limits.ts';

export function docxParts(docx: Buffer): Map<string, string> {
  const unpacked = unpackWithinLimits(docx);
  if (!unpacked.ok) throw new Error(`not a readable Word file: ${unpacked.reason}`);
  const zip = unpacked.zip;
  const parts = new Map<string, string>();
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength;
    parts.set(name, zip.subarray(start, start + size).toString('utf8'));
    at = start + size;
  }
  return parts;
}

/** The text of a WordprocessingML part: its runs' text, joined. */
export const partText = (xml: string): string => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
