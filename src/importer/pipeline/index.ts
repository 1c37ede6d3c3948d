/**
 * The importer's reading pipeline: document text → blocks (blocks.ts) → sections and items
 * (reader.ts, items.ts) → the readers of dates, places, bodies and cues → proposals. Every
 * stage is pure: the registry's offices, bodies and regions come in through the context.
 */
export { textToBlocks } from './blocks.ts';
export { parseBlocks, parseReport } from './reader.ts';
export { cleanText, MAX_UNPLACED_CHARS, MAX_UNPLACED_LISTED } from './text.ts';
