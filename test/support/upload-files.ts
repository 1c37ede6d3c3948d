/**
 * Files to upload in tests of the import limits: large texts, and zip files written by hand —
 * real Word documents of any unpacked size (built in slices, so a 150 MB bomb costs the test
 * little memory), and zips that lie about their sizes, are cut short or hold what Word never writes.
 */
import { randomBytes } from 'node:crypto';
import { createDeflateRaw, crc32 } from 'node:zlib';

/** Text of random letters, spaces and line breaks: nothing in it is a heading, a region or a date. */
export function noise(size: number): Buffer {
  const alphabet = Buffer.from('abcdefghijklmnopqrstuvwxyz     \n');
  const bytes = randomBytes(size);
  for (let i = 0; i < size; i++) bytes[i] = alphabet[bytes[i]! % alphabet.length]!;
  return bytes;
}

/** One entry, its content already deflated (or stored), with the sizes its headers will declare. */
export interface ZipEntry {
  name: string;
  /** The bytes as stored in the zip. */
  data: Buffer;
  method: 'deflate' | 'store';
  crc: number;
  /** Uncompressed size as written in the headers; a lying zip gives another number than the truth. */
  declaredSize: number;
}

/** Deflates slices one after the other, holding only the compressed result. */
export async function deflatedEntry(name: string, slices: Iterable<Buffer>): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const slice of slices) {
    crc = crc32(slice, crc);
    size += slice.length;
    if (!deflate.write(slice)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), method: 'deflate', crc, declaredSize: size };
}

export const deflatedText = (name: string, text: string): Promise<ZipEntry> => deflatedEntry(name, [Buffer.from(text, 'utf8')]);

/** The same slice `times` times over. */
export function* repeated(slice: Buffer, times: number): Generator<Buffer> {
  for (let i = 0; i < times; i++) yield slice;
}

const MB = 1024 * 1024;

/** `megabytes` of zero bytes, the classic bomb: they deflate about a thousand to one. */
export const zeros = (megabytes: number): Generator<Buffer> => repeated(Buffer.alloc(MB), megabytes);

/** The zip: local headers and data, the central directory, its end record. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.method === 'deflate' ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, entry.data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
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

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';

const PACKAGE_RELATIONSHIPS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

export const DOCUMENT_START = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
export const DOCUMENT_END = '</w:body></w:document>';

/** A Word paragraph of plain text (the text must be XML-safe). */
export const paragraph = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A Word document (.docx) whose main part is the given entry, named word/document.xml. */
export async function docxWith(documentXml: ZipEntry): Promise<Buffer> {
  return zipOf([await deflatedText('[Content_Types].xml', CONTENT_TYPES), await deflatedText('_rels/.rels', PACKAGE_RELATIONSHIPS), documentXml]);
}

/** A Word document of these paragraphs, the smallest Word file mammoth reads. */
export async function docxOf(paragraphs: string[]): Promise<Buffer> {
  return docxWith(await deflatedText('word/document.xml', DOCUMENT_START + paragraphs.map(paragraph).join('') + DOCUMENT_END));
}

/**
 * A real Word document whose text unpacks to about `megabytes`: the same paragraph over and
 * over, which is what the bombs sent to the server were.
 */
export async function paragraphBomb(megabytes: number): Promise<Buffer> {
  const slice = Buffer.from(paragraph('All work and no play makes Jack a dull boy. ').repeat(Math.ceil(MB / 90)).slice(0, MB), 'utf8');
  // Cut at a paragraph's end, so the document stays well-formed XML.
  const whole = slice.subarray(0, slice.lastIndexOf('</w:p>') + '</w:p>'.length);
  return docxWith(
    await deflatedEntry('word/document.xml', (function* () {
      yield Buffer.from(DOCUMENT_START);
      yield* repeated(whole, Math.round((megabytes * MB) / whole.length));
      yield Buffer.from(DOCUMENT_END);
    })()),
  );
}
