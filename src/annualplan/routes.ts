/** The offices' plan contributions and annual plans over HTTP (decision 26). */
import { z } from 'zod';
import type { Actor } from '#src/platform/access.ts';
import { withCurrentOnConflict } from '#src/platform/errors.ts';
import type { TypedApp } from '#src/platform/http.ts';
import { pickLanguage, type Language } from '#src/platform/i18n.ts';
import { sendDownload } from '#src/platform/representation.ts';
import { presentContribution, presentDetails } from './present.ts';
import * as schemas from './schemas.ts';
import type { AnnualPlanService, ContributionDetails } from './service.ts';

const tags = ['annual plans'];

/** Who last wrote stays with signed-in readers; the public sees what the office page shows. */
const forReader = <T extends { updatedBy: string | null }>(actor: Actor, body: T): T => (actor.kind === 'anonymous' ? { ...body, updatedBy: null } : body);

export function annualPlanRoutes(annualPlans: AnnualPlanService) {
  return (app: TypedApp): void => {
    const path = '/api/offices/:code/plan-contributions/:year/:sector';
    const show = async (request: { actor: Actor; query: { lang?: Language | undefined }; headers: { 'accept-language'?: string | undefined } }, details: ContributionDetails) => {
      const language = pickLanguage(request.query.lang, request.headers['accept-language']);
      return forReader(request.actor, presentDetails(details, await annualPlans.catalogue(), language));
    };
    const params = schemas.contributionParams;

    app.get(
      '/api/offices/:code/plan-contributions/:year',
      { schema: { tags, summary: "An office's plan contributions for a plan year, one per Sector it wrote for", params: schemas.officeYearParams, querystring: schemas.langQuery, response: { 200: schemas.contributionListResponse } } },
      async (request) => {
        const language = pickLanguage(request.query.lang, request.headers['accept-language']);
        const [list, catalogue] = await Promise.all([annualPlans.listForYear(request.actor, request.params.code, request.params.year), annualPlans.catalogue()]);
        return { data: list.map((c) => forReader(request.actor, presentContribution(c, catalogue, language))), next: null };
      },
    );

    app.get(
      path,
      {
        schema: {
          tags,
          summary: "An office's plan contribution for a Sector and plan year: its text per output or regional initiative, and the planned activities linked to each",
          description: 'Version 0 and no entries while nothing is written. `choices` are the items the office may name.',
          params,
          querystring: schemas.langQuery,
          response: { 200: schemas.contributionResponse },
        },
      },
      async (request) => show(request, await annualPlans.get(request.actor, request.params.code, request.params.sector, request.params.year)),
    );

    app.put(
      path,
      {
        schema: {
          tags,
          summary: "Write an office's plan contribution (its editors, focal points of the Sector's bureau, admins)",
          description: 'At the version read (0 for the first); a stale one is 409 with the contribution as it is now. Every entry at fault is named (body.entries.N.item).',
          params,
          querystring: schemas.langQuery,
          body: schemas.contributionBody,
          response: { 200: schemas.contributionResponse },
        },
      },
      async (request) =>
        withCurrentOnConflict(
          async () => show(request, await annualPlans.save(request.actor, request.params.code, request.params.sector, request.params.year, request.body)),
          async () => show(request, await annualPlans.get(request.actor, request.params.code, request.params.sector, request.params.year)),
        ),
    );

    app.get(
      `${path}/history`,
      { schema: { tags, summary: 'Every change of a plan contribution (signed-in users)', params, response: { 200: schemas.historyResponse } } },
      async (request) => ({ data: await annualPlans.history(request.actor, request.params.code, request.params.sector, request.params.year), next: null }),
    );

    app.get(
      '/api/offices/:code/annual-plan/:year.:format',
      {
        schema: {
          tags,
          summary: "An office's annual plan by Sector and output or regional initiative, as a document: docx, pdf, html or md",
          description: 'The office\'s texts and the activities under each output; the public gets public activities only.',
          params: schemas.documentParams,
          querystring: schemas.langQuery,
          response: { 200: z.any().describe('The document') },
        },
      },
      async (request, reply) => {
        const { code, year, format } = request.params;
        const language = pickLanguage(request.query.lang, request.headers['accept-language']);
        const rendered = await annualPlans.document(request.actor, code, year, format, language);
        return sendDownload(reply, { ...rendered, disposition: format === 'docx' || format === 'pdf' ? 'attachment' : 'inline' });
      },
    );
  };
}
