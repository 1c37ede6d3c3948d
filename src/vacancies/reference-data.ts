/** Reads `data/reference/positions.json`: the leadership positions public sources name, checked whole first. */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { ReferenceDataError } from '#src/registry/reference-data.ts';
import { holderProblem } from './model.ts';
import { positionRecord, type PositionRecord } from './schemas.ts';

/** Pure: the file's text as checked records; `bodies` are the codes the registry's files hold. */
export function checkPositions(file: string, text: string, bodies: ReadonlySet<string>): PositionRecord[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ReferenceDataError(file, null, null, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = z.array(z.unknown()).safeParse(raw);
  if (!parsed.success) throw new ReferenceDataError(file, null, null, 'must be a JSON array of records');
  const seen = new Set<string>();
  return parsed.data.map((item, index) => {
    const label = `record ${index + 1}`;
    const result = positionRecord.safeParse(item);
    if (!result.success) {
      const first = result.error.issues[0]!;
      throw new ReferenceDataError(file, label, first.path.join('.') || null, first.message);
    }
    const record = result.data;
    if (!bodies.has(record.body)) throw new ReferenceDataError(file, label, 'body', `unknown body "${record.body}"`);
    const problem = holderProblem(record.status, record.holder);
    if (problem) throw new ReferenceDataError(file, label, 'holder', problem === 'holder_needed' ? 'a filled position needs its holder' : 'only a filled position has a holder');
    const key = [record.body, record.studyPeriod, record.role, record.label ?? '-'].join(':');
    if (seen.has(key)) throw new ReferenceDataError(file, label, 'label', `"${key}" is given twice`);
    seen.add(key);
    return record;
  });
}

/** The positions file of a reference folder; a folder without one has no positions. */
export async function readPositions(dir: string, bodies: ReadonlySet<string>): Promise<PositionRecord[]> {
  const path = join(dir, 'positions.json');
  const file = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new ReferenceDataError(file, null, null, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return checkPositions(file, text, bodies);
}
