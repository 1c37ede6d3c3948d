/**
 * Same-version concurrent edits: a hundred PATCHes sent at once, all based on version 1 of the
 * same row, for each thing that is edited with a version (an activity, a report definition, an
 * import proposal). Exactly one may win; the other 99 must get 409, and the row must then be
 * at version 2 holding the winner's change: no lost update, no silent overwrite, no 5xx.
 */
import type { Drill, DrillOutcome } from './drill.ts';
import { createActivity, createReport, reportDocument, uploadReport } from './fixtures.ts';
import { expectJson, jsonRequest, rawRequest, type RawRequest } from './http.ts';

const EDITS = 100;
const LIMIT_MS = 60_000;

interface Target {
  name: string;
  /** Who edits it: the editor of its office, or the focal point for a report. */
  token: string;
  /** The row's path, its PATCH body for edit `i`, and whether a row read back holds edit `i`. */
  path: string;
  patch: (i: number) => Record<string, unknown>;
  holds: (row: Record<string, unknown>, i: number) => boolean;
  readPath: string;
  read: (answer: unknown) => Record<string, unknown>;
}

export const conflictDrill: Drill = {
  name: 'conflict',
  summary: `${EDITS} PATCHes at once with the same version, on an activity, a report and an import proposal: one wins, the rest 409`,
  limitSeconds: { short: 90, full: 120 },
  async run({ shared, log }): Promise<DrillOutcome> {
    const { tokens, server } = await shared();
    const call = (request: RawRequest) => rawRequest(server.port, request, LIMIT_MS);

    const activity = await createActivity(server.port, tokens.editor);
    const report = await createReport(server.port, tokens['focal-point']);
    const batch = await uploadReport(server.port, tokens.editor, 'conflict.txt', reportDocument(crypto.randomUUID()));

    const targets: Target[] = [
      {
        name: 'activity',
        token: tokens.editor,
        path: `/api/activities/${activity.id}`,
        patch: (i) => ({ version: 1, participants: 1000 + i }),
        holds: (row, i) => row.participants === 1000 + i,
        readPath: `/api/activities/${activity.id}`,
        read: (a) => a as Record<string, unknown>,
      },
      {
        name: 'report',
        token: tokens['focal-point'],
        path: `/api/reports/${report.id}`,
        patch: (i) => ({ version: 1, header: { title: `Drill edit ${i}` } }),
        holds: (row, i) => (row.header as { title?: string } | undefined)?.title === `Drill edit ${i}`,
        readPath: `/api/reports/${report.id}`,
        read: (a) => a as Record<string, unknown>,
      },
      {
        name: 'proposal',
        token: tokens.editor,
        path: `/api/imports/${batch.id}/proposals/0`,
        patch: (i) => ({ version: 1, title: `Drill edit ${i}` }),
        holds: (row, i) => row.title === `Drill edit ${i}`,
        readPath: `/api/imports/${batch.id}`,
        read: (b) => (b as { proposals: Array<Record<string, unknown>> }).proposals.find((p) => p.position === 0)!,
      },
    ];

    const figures: Record<string, string | number> = {};
    const failures: string[] = [];
    let requests = 0;
    let serverErrors = 0;
    for (const target of targets) {
      const answers = await Promise.all(Array.from({ length: EDITS }, (_, i) => call(jsonRequest('PATCH', target.path, target.token, target.patch(i)))));
      requests += answers.length;
      const won = answers.flatMap((a, i) => (a.ok && a.status === 200 ? [i] : []));
      const conflicts = answers.filter((a) => a.ok && a.status === 409).length;
      const other = answers.length - won.length - conflicts;
      serverErrors += answers.filter((a) => a.ok && a.status >= 500).length;
      const row = target.read(expectJson(await call(jsonRequest('GET', target.readPath, target.token)), `reading the ${target.name}`));
      const kept = won.length === 1 && row.version === 2 && target.holds(row, won[0]!);
      figures[target.name] = `${won.length}/${conflicts}/${other}`;
      log(`${target.name}: won ${won.length}, 409 ${conflicts}, other ${other}, stored version ${String(row.version)}`);
      if (won.length !== 1) failures.push(`${target.name}: ${won.length} of ${EDITS} edits won`);
      if (other > 0) {
        const statuses = [...new Set(answers.filter((a) => !(a.ok && (a.status === 200 || a.status === 409))).map((a) => (a.ok ? a.status : a.error)))];
        failures.push(`${target.name}: ${other} answers neither 200 nor 409 (${statuses.join(',')})`);
      }
      if (won.length === 1 && !kept) failures.push(`${target.name}: stored version ${String(row.version)} does not hold the winning edit`);
    }
    return {
      // Each target's figure is won/409/other.
      figures: { requests, ...figures, '5xx': serverErrors },
      failures,
    };
  },
};
