/**
 * What the drills need in a register before they attack it, made over HTTP as any client would:
 * activities, a report definition and an import batch, with the ids to aim at.
 */
import { SEED_AFRICA_WORKSHOP } from '../test/support/factories.ts';
import { expectJson, jsonRequest, multipart, rawRequest } from './http.ts';
import type { Accounts } from './register.ts';

const LIMIT_MS = 60_000;

export interface Fixtures {
  /** Activities of addis-ababa (the editor's office): public, internal and deleted ones. */
  activities: string[];
  reports: string[];
  /** Import batches, each with a proposal at position 0. */
  batches: string[];
}

/** A report of the Africa office with one item; `tag` keeps it apart from every other (the importer skips what it saw). */
export function reportDocument(tag: string, items = 1): Buffer {
  const lines = Array.from({ length: items }, (_, i) => `${i + 1}\tWorkshop ${tag} number ${i} held in Abuja, Nigeria, ${(i % 27) + 1} February 2020.`);
  return Buffer.from(`4\tAfrica – Regional Office for Africa\nThe Regional Office for Africa is based in Addis Ababa.\n${lines.join('\n')}\n`);
}

/** Uploads a report as the editor (POST /api/imports) and answers the batch's id. */
export async function uploadReport(port: number, token: string, name: string, bytes: Buffer): Promise<{ id: string; proposals: unknown[] }> {
  const upload = multipart({ office: 'addis-ababa' }, { name, type: 'text/plain', bytes });
  const answer = await rawRequest(
    port,
    { method: 'POST', target: '/api/imports', headers: { authorization: `Bearer ${token}`, 'content-type': upload.contentType }, body: upload.body },
    LIMIT_MS,
  );
  return expectJson(answer, `uploading ${name}`);
}

export async function createActivity(port: number, token: string, body: Record<string, unknown> = SEED_AFRICA_WORKSHOP): Promise<{ id: string; version: number }> {
  return expectJson(await rawRequest(port, jsonRequest('POST', '/api/activities', token, body), LIMIT_MS), 'creating an activity');
}

export async function createReport(port: number, token: string): Promise<{ id: string }> {
  const body = { sector: 'ITU-T', from: '2020-01-01', to: '2020-12-31' };
  return expectJson(await rawRequest(port, jsonRequest('POST', '/api/reports', token, body), LIMIT_MS), 'creating a report');
}

/** A few of each, for drills that aim at existing rows. */
export async function createFixtures(port: number, tokens: Accounts): Promise<Fixtures> {
  const activities: string[] = [];
  for (const visibility of ['public', 'public', 'internal']) activities.push((await createActivity(port, tokens.editor, { ...SEED_AFRICA_WORKSHOP, visibility })).id);
  const deleted = await createActivity(port, tokens.editor);
  expectJson(await rawRequest(port, jsonRequest('DELETE', `/api/activities/${deleted.id}`, tokens.editor), LIMIT_MS), 'deleting an activity');
  activities.push(deleted.id);
  const reports = [(await createReport(port, tokens['focal-point'])).id];
  const batches = [(await uploadReport(port, tokens.editor, 'fixture.txt', reportDocument(crypto.randomUUID(), 3))).id];
  return { activities, reports, batches };
}
