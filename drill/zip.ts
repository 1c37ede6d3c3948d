/**
 * Just enough of the zip format for the drills: writing archives whose entries may be bombs (a
 * deflate stream that expands a thousandfold, made in milliseconds) or may lie about their sizes,
 * and reading the DOCX and XLSX files the server sends back so their XML can be checked.
 */
import { crc32, constants, deflateRawSync, inflateRawSync } from 'node:zlib';

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

export function writeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(e.deflated ? 8 : 0, 8);
    local.writeUInt32LE(0x00210000, 10); // 1 Jan 1980
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.stored);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.deflated ? 8 : 0, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(e.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
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
