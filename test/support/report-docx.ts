/**
 * Test set-up: turns a plain-text report like the seed into a Word file as an author would
 * have made it: numbered headings, lists with Word's own numbering (restarting per list),
 * bullets, and plain paragraphs. The importer must read the same from both.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

const HEADING = /^(\d{1,2})\t(\S.*)$/;
const NUMBERED = /^\s*(\d{1,2})(?:\.\s+|\t)(\S.*)$/;
const BULLET = /^\s*[·•]\s*(\S.*)$/;

export async function reportToDocx(text: string): Promise<Buffer> {
  const paragraphs: Paragraph[] = [];
  let listInstance = 0;
  let inList = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\[bookmark: [^\]]*\]/g, '').replace(/\s+$/, '');
    if (line.trim() === '') {
      inList = false;
      continue;
    }
    const heading = HEADING.exec(line);
    const numbered = NUMBERED.exec(line);
    const bullet = BULLET.exec(line);
    if (heading && !inList && /^[A-Z]/.test(heading[2]!) && heading[2]!.length < 120) {
      paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${heading[1]}\t${heading[2]}`)] }));
    } else if (numbered) {
      if (!inList || numbered[1] === '1') listInstance += 1;
      inList = true;
      paragraphs.push(new Paragraph({ numbering: { reference: 'report-list', level: 0, instance: listInstance }, children: [new TextRun(numbered[2]!)] }));
    } else if (bullet) {
      paragraphs.push(new Paragraph({ numbering: { reference: 'report-bullets', level: 0 }, children: [new TextRun(bullet[1]!)] }));
    } else {
      inList = false;
      paragraphs.push(new Paragraph({ children: [new TextRun(line.replace(/^\t+/, ''))] }));
    }
  }
  const document = new Document({
    numbering: {
      config: [
        { reference: 'report-list', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] },
        { reference: 'report-bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.START }] },
      ],
    },
    sections: [{ children: paragraphs }],
  });
  return Packer.toBuffer(document);
}
