/**
 * The demo's briefing: the TSB Director's briefing for July 2020, the month of the demo's monthly
 * review meeting, as a draft a focal point can add a note to and send. The registry names the
 * director (Chaesub Lee in 2020); the mail goes to a demo account standing for the TSB Director,
 * made here like the rest of the demo (no password: nobody signs in with it). Idempotent.
 */
import type { AuthService } from '#src/auth/service.ts';
import type { Actor } from '#src/platform/access.ts';
import type { BriefingService } from './service.ts';

export const DEMO_DIRECTOR_EMAIL = 'tsb-director@example.org';
export const DEMO_PERIOD = '2020-07';

export async function seedDemoBriefing(services: { auth: AuthService; briefings: BriefingService }, actor: Actor): Promise<{ created: boolean }> {
  const existing = (await services.auth.listUsers(actor)).find((u) => u.email === DEMO_DIRECTOR_EMAIL);
  const account = existing ?? (await services.auth.createUser(actor, { email: DEMO_DIRECTOR_EMAIL, displayName: 'TSB Director (demo account)', role: 'reader', language: 'en' }));
  await services.briefings.setDirectorAccount(actor, 'TSB', account.id);
  const { created } = await services.briefings.generate(actor, { bureau: 'TSB', period: DEMO_PERIOD });
  return { created };
}
