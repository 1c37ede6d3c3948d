/**
 * What an uploaded zip (a Word document, an Excel workbook) may unpack to, checked before any
 * library opens it. A 500 KB file can unpack to gigabytes, and the libraries that read Office
 * files (mammoth, exceljs, both through JSZip) unpack everything into memory first.
 *
 * The central directory is read by hand: it is a small, fixed format, and Node's zlib gives what
 * a library would add (inflation bounded by `maxOutputLength`, crc32). The sizes it declares are
 * checked against the limits before anything is inflated; then each entry is inflated to at most
 * the size it declared (headers can lie), its checksum checked, and the whole written again as a
 * new zip of stored entries. The library reads only that zip, which this module wrote, so no
 * trick of the original's layout (overlapping entries, a second directory, a lying local header)
 * reaches it. XML parts that declare a DOCTYPE are refused: Office files never hold one (the
 * Open Packaging Conventions forbid it), and it is how entity expansion attacks begin.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface UnpackLimits {
  /** All entries together, unpacked. */
  totalBytes: number;
  /** One entry, unpacked. */
  entryBytes: number;
  entries: number;
  /** Unpacked size over packed size, for entries larger than `ratioFromBytes`. */
  ratio: number;
  ratioFromBytes: number;
}

const MB = 1024 * 1024;

/**
 * The limits of an uploaded DOCX or XLSX. Pictures are already compressed (they unpack to about
 * what they weigh) and Office XML packs 4 to 20 to 1, so a 20 MB upload of real work stays well
 * under 50 MB; a sheet of 20,000 rows (the most a spreadsheet import takes) is about 30 MB. Bombs
 * pack 300 to 1000 to 1.
 */
export const UPLOAD_UNPACK_LIMITS: UnpackLimits = {
  totalBytes: 50 * MB,
  entryBytes: 40 * MB,
  entries: 5_000,
  ratio: 100,
  ratioFromBytes: MB,
};

/**
 * `zip`: the same entries as a zip of stored entries, for the reading library. A refusal's
 * `reason` follows the file's name when too large (`"a.docx" unpacks to 150 MB, more than …`)
 * and says what is wrong when unreadable (`its table of contents is missing …`).
 */
export type Unpacked = { ok: true; zip: Buffer } | { ok: false; problem: 'too_large' | 'unreadable'; reason: string };

interface Entry {
  name: string;
  method: number;
  crc: number;
  packedSize: number;
  size: number;
  localHeaderOffset: number;
}

const SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, zip64End: 0x06064b50, zip64Locator: 0x07064b50 };
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x1;
const UTF8_NAMES = 0x800;
const MAX_32 = 0xffffffff;

/** A size as people say it: "150 MB", "12 KB", "12 bytes". */
function sizeWords(bytes: number): string {
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}

class ZipRefusal extends Error {
  constructor(
    readonly problem: 'too_large' | 'unreadable',
    readonly reason: string,
  ) {
    super(reason);
  }
}

const damaged = (what: string) => new ZipRefusal('unreadable', what);
const tooLarge = (what: string) => new ZipRefusal('too_large', what);

/** Reads a little-endian number, refusing reads past the end (a file cut short). */
function reader(bytes: Buffer) {
  const need = (at: number, length: number) => {
    if (at < 0 || at + length > bytes.length) throw damaged('it ends too early (was it cut short?)');
  };
  return {
    u16: (at: number) => (need(at, 2), bytes.readUInt16LE(at)),
    u32: (at: number) => (need(at, 4), bytes.readUInt32LE(at)),
    u64: (at: number) => {
      need(at, 8);
      const value = bytes.readBigUInt64LE(at);
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('a size is beyond any file');
      return Number(value);
    },
    slice: (at: number, length: number) => (need(at, length), bytes.subarray(at, at + length)),
  };
}

/** The end-of-central-directory record: where the directory is and how many entries it lists. */
function directoryOf(bytes: Buffer): { count: number; offset: number; size: number } {
  const read = reader(bytes);
  // The record is 22 bytes and may be followed by a comment of up to 65,535 bytes.
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= from; at--) {
    if (bytes.readUInt32LE(at) === SIGNATURE.end) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damaged('its table of contents is missing (was it cut short?)');
  let count = read.u16(end + 10);
  let size = read.u32(end + 12);
  let offset = read.u32(end + 16);
  if (count === 0xffff || size === MAX_32 || offset === MAX_32) {
    // ZIP64: a locator just before the record points at the 64-bit record.
    const locator = end - 20;
    if (read.u32(locator) !== SIGNATURE.zip64Locator) throw damaged('its table of contents is damaged');
    const record = read.u64(locator + 8);
    if (read.u32(record) !== SIGNATURE.zip64End) throw damaged('its table of contents is damaged');
    count = read.u64(record + 32);
    size = read.u64(record + 40);
    offset = read.u64(record + 48);
  }
  if (offset + size > bytes.length) throw damaged('its table of contents points past its end (was it cut short?)');
  return { count, offset, size };
}

/** The 64-bit sizes of an entry whose 32-bit fields say "see the ZIP64 extra field". */
function zip64Sizes(extra: Buffer, entry: { size: number; packedSize: number; localHeaderOffset: number }): void {
  const read = reader(extra);
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = read.u16(at);
    const length = read.u16(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      // Only the fields that overflowed are present, in this order.
      if (entry.size === MAX_32) (entry.size = read.u64(field)), (field += 8);
      if (entry.packedSize === MAX_32) (entry.packedSize = read.u64(field)), (field += 8);
      if (entry.localHeaderOffset === MAX_32) entry.localHeaderOffset = read.u64(field);
      return;
    }
    at += 4 + length;
  }
  throw damaged('an entry\'s size is missing');
}

function entriesOf(bytes: Buffer, limits: UnpackLimits): Entry[] {
  const directory = directoryOf(bytes);
  if (directory.count > limits.entries) throw tooLarge(`holds ${directory.count.toLocaleString('en')} files, more than the ${limits.entries.toLocaleString('en')} an upload may hold`);
  const read = reader(bytes);
  const entries: Entry[] = [];
  const names = new Set<string>();
  let at = directory.offset;
  for (let i = 0; i < directory.count; i++) {
    if (read.u32(at) !== SIGNATURE.central) throw damaged('its table of contents is damaged');
    const flags = read.u16(at + 8);
    const nameLength = read.u16(at + 28);
    const extraLength = read.u16(at + 30);
    const commentLength = read.u16(at + 32);
    const name = read.slice(at + 46, nameLength).toString(flags & UTF8_NAMES ? 'utf8' : 'latin1');
    const entry: Entry = {
      name,
      method: read.u16(at + 10),
      crc: read.u32(at + 16),
      packedSize: read.u32(at + 20),
      size: read.u32(at + 24),
      localHeaderOffset: read.u32(at + 42),
    };
    if (entry.size === MAX_32 || entry.packedSize === MAX_32 || entry.localHeaderOffset === MAX_32) zip64Sizes(read.slice(at + 46 + nameLength, extraLength), entry);
    if (flags & ENCRYPTED) throw damaged(`${name} is encrypted`);
    if (entry.method !== STORED && entry.method !== DEFLATED) throw damaged(`${name} is compressed in a way Office files never are (method ${entry.method})`);
    if (names.has(name)) throw damaged(`${name} is in it twice over`);
    names.add(name);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses what the directory declares beyond the limits, before anything is inflated. */
function checkDeclared(entries: Entry[], limits: UnpackLimits): void {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.totalBytes) {
    throw tooLarge(`unpacks to ${sizeWords(total)}, more than the ${sizeWords(limits.totalBytes)} an upload may unpack to`);
  }
  for (const entry of entries) {
    if (entry.size > limits.entryBytes) {
      throw tooLarge(`holds ${entry.name}, which unpacks to ${sizeWords(entry.size)}, more than the ${sizeWords(limits.entryBytes)} one part of an upload may unpack to`);
    }
    if (entry.size > limits.ratioFromBytes && entry.size > limits.ratio * entry.packedSize) {
      const ratio = Math.round(entry.size / Math.max(entry.packedSize, 1));
      throw tooLarge(`holds ${entry.name}, packed ${ratio} to 1, more than the ${limits.ratio} to 1 an upload may be packed (the mark of a zip bomb)`);
    }
  }
}

/** The entry's bytes, never more than it declared. */
function inflate(bytes: Buffer, entry: Entry): Buffer {
  const read = reader(bytes);
  const local = entry.localHeaderOffset;
  if (read.u32(local) !== SIGNATURE.local) throw damaged(`${entry.name} is not where its table of contents says`);
  const start = local + 30 + read.u16(local + 26) + read.u16(local + 28);
  const packed = read.slice(start, entry.packedSize);
  let content: Buffer;
  if (entry.method === STORED) {
    content = packed;
  } else {
    try {
      // One byte over what it declared is enough to know it lied.
      content = inflateRawSync(packed, { maxOutputLength: entry.size + 1 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw damaged(`${entry.name} unpacks to more than the ${entry.size.toLocaleString('en')} bytes it declares`);
      throw damaged(`${entry.name} cannot be unpacked (${(error as Error).message})`);
    }
  }
  if (content.length !== entry.size) throw damaged(`${entry.name} unpacks to ${content.length.toLocaleString('en')} bytes, not the ${entry.size.toLocaleString('en')} it declares`);
  if (crc32(content) >>> 0 !== entry.crc >>> 0) throw damaged(`${entry.name} is damaged (its checksum does not match)`);
  return content;
}

const DOCTYPE_MARKS = ['<!DOCTYPE', '<!ENTITY'].flatMap((mark) => [Buffer.from(mark, 'utf8'), Buffer.from(mark, 'utf16le'), Buffer.from(mark, 'utf16le').swap16()]);

function checkNoDoctype(entry: Entry, content: Buffer): void {
  if (!/\.(xml|rels)$/i.test(entry.name)) return;
  if (DOCTYPE_MARKS.some((mark) => content.includes(mark))) {
    throw damaged(`${entry.name} declares a DOCTYPE or entities, which Office files never do`);
  }
}

/**
 * Writes the entries again, each stored as it is (no compression), inflating one at a time into
 * the new zip, so memory holds the new zip and one entry at most.
 */
function storedZip(bytes: Buffer, entries: Entry[]): Buffer {
  const names = entries.map((entry) => Buffer.from(entry.name, 'utf8'));
  const size = entries.reduce((sum, entry, i) => sum + 30 + 46 + 2 * names[i]!.length + entry.size, 22);
  if (size > MAX_32) throw tooLarge('unpacks to more than a zip can hold');
  const out = Buffer.alloc(size);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, i) => {
    const content = inflate(bytes, entry);
    checkNoDoctype(entry, content);
    offsets.push(at);
    out.writeUInt32LE(SIGNATURE.local, at);
    out.writeUInt16LE(10, at + 4);
    out.writeUInt16LE(UTF8_NAMES, at + 6);
    out.writeUInt16LE(STORED, at + 8);
    out.writeUInt32LE(entry.crc >>> 0, at + 14);
    out.writeUInt32LE(entry.size, at + 18);
    out.writeUInt32LE(entry.size, at + 22);
    out.writeUInt16LE(names[i]!.length, at + 26);
    at += 30;
    at += names[i]!.copy(out, at);
    at += content.copy(out, at);
  });
  const directoryStart = at;
  entries.forEach((entry, i) => {
    out.writeUInt32LE(SIGNATURE.central, at);
    out.writeUInt16LE(10, at + 4);
    out.writeUInt16LE(10, at + 6);
    out.writeUInt16LE(UTF8_NAMES, at + 8);
    out.writeUInt16LE(STORED, at + 10);
    out.writeUInt32LE(entry.crc >>> 0, at + 16);
    out.writeUInt32LE(entry.size, at + 20);
    out.writeUInt32LE(entry.size, at + 24);
    out.writeUInt16LE(names[i]!.length, at + 28);
    out.writeUInt32LE(offsets[i]!, at + 42);
    at += 46;
    at += names[i]!.copy(out, at);
  });
  out.writeUInt32LE(SIGNATURE.end, at);
  out.writeUInt16LE(entries.length, at + 8);
  out.writeUInt16LE(entries.length, at + 10);
  out.writeUInt32LE(at - directoryStart, at + 12);
  out.writeUInt32LE(directoryStart, at + 16);
  return out;
}

/** The zip checked against `limits` and written again for the reading library, or why not. */
export function unpackWithinLimits(bytes: Uint8Array, limits: UnpackLimits = UPLOAD_UNPACK_LIMITS): Unpacked {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const entries = entriesOf(buffer, limits);
    checkDeclared(entries, limits);
    return { ok: true, zip: storedZip(buffer, entries) };
  } catch (error) {
    if (error instanceof ZipRefusal) return { ok: false, problem: error.problem, reason: error.reason };
    throw error;
  }
}
