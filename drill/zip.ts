/**
 * Just enough of the zip format for the drills: writing archives whose entries may be bombs (a
 * deflate stream that expands a thousandfold, made in milliseconds) or may lie about their sizes,
 * and reading the DOCX and XLSX files the server sends back so their XML can be checked.
 */
import { crc32, constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import { zipOf } from '../test/support/upload-files.ts';

export interface ZipEntry {
  name: string;
  /** The bytes as stored in the archive: raw deflate when `deflated`, else the content itself. */
  stored: Buffer;
  deflated: boolean;
  /** The content's length and CRC-32 as the headers declare them (a lie is allowed). */
  size: number;
  crc: number;
}

/** An entry holding `content`, deflated. */
export function entry(name: string, content: Buffer | string): ZipEntry {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { name, stored: deflateRawSync(bytes), deflated: true, size: bytes.length, crc: crc32(bytes) };
}

/**
 * An entry of `prefix`, then `unit` `times` over, then `suffix`, as one deflate stream built from
 * three compressed pieces: each piece ends with a full flush (the compressor forgets what it saw,
 * and the output is byte-aligned), so the unit's piece is the same bytes every time and a
 * gigabyte costs what a megabyte does to make.
 */
export function repeatedEntry(name: string, prefix: string, unit: Buffer | string, times: number, suffix: string): ZipEntry {
  const unitBytes = Buffer.isBuffer(unit) ? unit : Buffer.from(unit, 'utf8');
  const flushed = (bytes: Buffer) => deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const head = flushed(Buffer.from(prefix, 'utf8'));
  const body = flushed(unitBytes);
  const tail = deflateRawSync(Buffer.from(suffix, 'utf8'), { level: 9 });
  let crc = crc32(Buffer.from(prefix, 'utf8'));
  for (let i = 0; i < times; i++) crc = crc32(unitBytes, crc);
  crc = crc32(Buffer.from(suffix, 'utf8'), crc);
  const size = Buffer.byteLength(prefix) + unitBytes.length * times + Buffer.byteLength(suffix);
  const stored = Buffer.concat([head, ...Array.from({ length: times }, () => body), tail]);
  // Sizes past 4 GB would need zip64; the drills stay under.
  if (size > 0xffffffff) throw new Error(`${name}: ${size} bytes need zip64`);
  return { name, stored, deflated: true, size, crc };
}

/** The archive, written by the tests' zip writer (the same headers and directory; the drills' entries may lie too). */
export function writeZip(entries: ZipEntry[]): Buffer {
  return zipOf(entries.map((e) => ({ name: e.name, data: e.stored, method: e.deflated ? 'deflate' : 'store', crc: e.crc, declaredSize: e.size })));
}

/** Every entry of an archive by name, from its central directory (what the server wrote: no zip64). */
export function readZip(bytes: Buffer): Map<string, Buffer> {
  const endAt = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('not a zip archive: no end of central directory');
  const count = bytes.readUInt16LE(endAt + 10);
  let at = bytes.readUInt32LE(endAt + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) throw new Error(`central directory entry ${i} is damaged`);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    const data = bytes.subarray(dataAt, dataAt + compressedSize);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
