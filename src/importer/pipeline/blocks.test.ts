import { describe, expect, it } from 'vitest';
import { textToBlocks } from './blocks.ts';

const shape = (text: string) => textToBlocks(text).map((b) => [b.kind, b.line, b.text]);

describe('text to blocks', () => {
  it('joins a sentence broken inside a date range or a place into one paragraph', () => {
    expect(shape('The meeting took place in Tashkent, Uzbekistan, on 17 and 18 November\n2015.\n\nA training was held in Moscow,\nRussian Federation, from 14 to\n15 May 2018.')).toEqual([
      ['paragraph', 1, 'The meeting took place in Tashkent, Uzbekistan, on 17 and 18 November 2015.'],
      ['paragraph', 4, 'A training was held in Moscow, Russian Federation, from 14 to 15 May 2018.'],
    ]);
  });

  it('joins an item\'s indented continuation line to the item', () => {
    expect(shape('1. Bridging the Standardization Gap training, Bishkek, Kyrgyzstan, 14 to\n   15 May 2018.\n2. Another item.')).toEqual([
      ['list-item', 1, 'Bridging the Standardization Gap training, Bishkek, Kyrgyzstan, 14 to 15 May 2018.'],
      ['list-item', 3, 'Another item.'],
    ]);
  });

  it('reads a sentence across a page marker and leaves the marker out', () => {
    expect(shape('The office organized a seminar held in Minsk (Belarus) in\n\n--- page 2 ---\n\ncooperation with the RCC.')).toEqual([
      ['paragraph', 1, 'The office organized a seminar held in Minsk (Belarus) in cooperation with the RCC.'],
    ]);
  });

  it('makes slide numbers separators, not content', () => {
    expect(shape('Slide 1\nITU Regional Office for the Arab States\nActivities 2021\n\nSlide 2\nKey events\n• Forum, Riyadh, Saudi Arabia, 14-15 December 2021').map((b) => b[0])).toEqual(['heading', 'paragraph', 'heading', 'list-item']);
  });

  it('reads bare and topical headings, and a news item\'s title, in a document without numbered headings', () => {
    expect(shape('Highlights\n\nDigital inclusion: Africa\nA workshop was held.\n\nEurope\nExperts met online.').map((b) => b.slice(0, 2).concat(b[0] === 'heading' ? [b[2]] : []))).toEqual([
      ['paragraph', 1],
      ['heading', 3, 'Digital inclusion: Africa'],
      ['paragraph', 4],
      ['heading', 6, 'Europe'],
      ['paragraph', 7],
    ]);
  });

  it('takes no heading from a letter\'s labels or signature block', () => {
    const kinds = shape('Ref.: BDT/ASP/2019/045\nBangkok, 12 August 2019\n\nYours faithfully,\n\nHead, ITU Regional Office for Asia and the Pacific\nBangkok').map((b) => b[0]);
    expect(kinds).toEqual(['paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph']);
  });
});
