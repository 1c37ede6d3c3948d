/**
 * A Word file typed like a text file — numbering typed as "4<TAB>", "1.<TAB>", "a)", tabs, no
 * Word heading or list styles — reads like the same text saved as .txt.
 */
import { Document, Packer, Paragraph, Tab, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { referenceRegistry as registry } from '../../test/support/reference-registry.ts';
import { readDocument } from './document.ts';
import type { ProposedActivity } from './model.ts';
import { parseBlocks, parseReport } from './pipeline/index.ts';

const context = { document: 'typed', regions: registry.regions, offices: registry.offices, bodies: registry.bodies };

const TEXT = [
  'Contribution of the regional offices, January – August 2020',
  '',
  '4\tAfrica – Regional Office for Africa',
  'The Regional Office for Africa is based in Addis Ababa.',
  'During the period the Regional Office for Africa took part in the following events:',
  '1.\tITU-T SG13 events held in Abuja, Nigeria: a workshop on standardization of fibre networks, 3 and 4 February 2020.',
  '2.\tThe Regional Office supported the ITU-T SG12 RG-AFR meeting held in Ndjamena, Chad, 4 - 5 March 2020.',
  'a)\tA workshop on Quality of Service was held in Harare, Zimbabwe, 2 - 3 March 2020.',
  '',
  '5\tCIS – Regional Office for the CIS Region',
  'The Regional Office for the CIS Region is based in Moscow.',
  '1.\tThe Regional Office organized a regional forum held in Minsk, Belarus, 20 May 2020.',
].join('\n');

/** Each line a plain paragraph; a typed tab is Word's own tab, a blank line an empty paragraph. */
async function typedDocx(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').map((line) => {
    const parts = line.split('\t');
    const children = parts.flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part]));
    return new Paragraph({ children: [new TextRun({ children })] });
  });
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

const essentials = (a: ProposedActivity) => ({ office: a.office, date: a.date, place: a.place, bodies: a.bodies, kind: a.kind, title: a.title });

describe('a Word file with typed numbering and tabs', () => {
  it('imports like the same text saved as .txt', async () => {
    const fromText = parseReport(TEXT, context);
    expect(fromText.activities.length).toBe(4);
    const read = await readDocument(await typedDocx(TEXT), 'typed.docx');
    expect(read.format).toBe('docx');
    if (read.format !== 'docx') return;
    const fromWord = parseBlocks(read.blocks, context);
    expect(fromWord.activities.map(essentials)).toEqual(fromText.activities.map(essentials));
    expect(fromWord.unplacedCount).toBe(fromText.unplacedCount);
    expect(fromWord.activities.map((a) => a.place?.country)).toEqual(['NG', 'TD', 'ZW', 'BY']);
  });
});
