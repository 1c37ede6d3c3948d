/**
 * The composition root: configuration → database (migrated) → services → HTTP app.
 * The command line and the tests build Fieldbook the same way, through here.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { FastifyServerOptions } from 'fastify';
import { activityRoutes } from '#src/activities/routes.ts';
import { createActivityService, type ActivityService } from '#src/activities/service.ts';
import { createBackupService, type BackupService } from '#src/backup/service.ts';
import { briefingRoutes } from '#src/briefings/routes.ts';
import { seedDemoBriefing } from '#src/briefings/seed-demo.ts';
import { createBriefingService, type BriefingService } from '#src/briefings/service.ts';
import { duplicateRoutes } from '#src/duplicates/routes.ts';
import { seedDemoDuplicate } from '#src/duplicates/seed-demo.ts';
import { createDuplicateService, type DuplicateService } from '#src/duplicates/service.ts';
import { AUTH_SECURITY_SCHEMES, authPlugin } from '#src/auth/plugin.ts';
import { accountRoutes } from '#src/auth/accounts/routes.ts';
import { createAccountService, type AccountService } from '#src/auth/accounts/service.ts';
import { authRoutes } from '#src/auth/routes.ts';
import { importRoutes } from '#src/importer/routes.ts';
import { createImportService, type ImportService } from '#src/importer/service.ts';
import { createAuthService, type AuthService } from '#src/auth/service.ts';
import { mailRoutes } from '#src/mail/routes.ts';
import { createMailService, type MailService } from '#src/mail/service.ts';
import { meetingRoutes } from '#src/meetings/routes.ts';
import { ACTION_REMINDER_DAYS } from '#src/meetings/model.ts';
import { seedDemoMeetings } from '#src/meetings/seed-demo.ts';
import { seedDemoOutreach } from '#src/vacancies/seed-demo.ts';
import { createMeetingService, type MeetingService } from '#src/meetings/service.ts';
import { smtpTransport } from '#src/mail/transport.ts';
import { startMailWorker, type MailWorker } from '#src/mail/worker.ts';
import { migrateToLatest } from '#src/db/migrator.ts';
import type { Database } from '#src/db/schema.ts';
import type { Config } from '#src/platform/config.ts';
import { openDatabase, withStartupLock, type DatabaseHandle, type DatabaseOptions } from '#src/platform/database.ts';
import { refreshStatistics } from '#src/platform/statistics.ts';
import { healthRoutes } from '#src/platform/health.ts';
import { databaseRateLimitStore } from '#src/platform/rate-limit-store.ts';
import { buildHttpApp, type App } from '#src/platform/http.ts';
import { openDataRoutes } from '#src/opendata/routes.ts';
import { createOpenDataService } from '#src/opendata/service.ts';
import { planRoutes } from '#src/plans/routes.ts';
import { coverageRoutes } from '#src/coverage/routes.ts';
import { createCoverageService, type CoverageService } from '#src/coverage/service.ts';
import { annualPlanRoutes } from '#src/annualplan/routes.ts';
import { createAnnualPlanService, type AnnualPlanService } from '#src/annualplan/service.ts';
import { seedDemoAnnualPlans } from '#src/annualplan/seed-demo.ts';
import { readPlanData } from '#src/plans/reference-data.ts';
import { createPlanService, type PlanService } from '#src/plans/service.ts';
import { publishingRoutes } from '#src/publishing/routes.ts';
import { createPublishingService } from '#src/publishing/service.ts';
import { readReferenceData } from '#src/registry/reference-data.ts';
import { registryRoutes } from '#src/registry/routes.ts';
import { reportRoutes } from '#src/reports/routes.ts';
import { createReportService, type ReportService } from '#src/reports/service.ts';
import { createRegistryService, type RegistryService, type SeedSummary } from '#src/registry/service.ts';
import { DEMO_CONTRIBUTIONS, demoContributionsFile, resolveDemoContributions } from '#src/rounds/demo.ts';
import { activitySeen } from '#src/rounds/model.ts';
import { startRoundReminders, type RemindersJob } from '#src/rounds/reminders.ts';
import { roundRoutes } from '#src/rounds/routes.ts';
import { seedDemoRounds } from '#src/rounds/seed-demo.ts';
import { createRoundService, type RoundService } from '#src/rounds/service.ts';
import { actorLabel, type Actor } from '#src/platform/access.ts';
import { workspaceRoutes } from '#src/workspace/routes.ts';
import { readPositions } from '#src/vacancies/reference-data.ts';
import { vacancyRoutes } from '#src/vacancies/routes.ts';
import { createVacancyService, type VacancyService } from '#src/vacancies/service.ts';

export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

export interface Services {
  registry: RegistryService;
  auth: AuthService;
  accounts: AccountService;
  activities: ActivityService;
  imports: ImportService;
  reports: ReportService;
  rounds: RoundService;
  mail: MailService;
  backup: BackupService;
  duplicates: DuplicateService;
  meetings: MeetingService;
  vacancies: VacancyService;
  plans: PlanService;
  briefings: BriefingService;
  coverage: CoverageService;
  annualPlans: AnnualPlanService;
}

export interface Fieldbook {
  database: DatabaseHandle<Database>;
  services: Services;
  close(): Promise<void>;
}

/**
 * Opens and migrates the database and builds the services, without HTTP (for the command line).
 * The PostgreSQL schema is DATABASE_SCHEMA's unless the caller names one (tests make their own).
 * The migrations, the search texts' upkeep and `prepare` (the server's first data) run under the
 * database's start-up lock: instances started together do them one after another, so once.
 */
export async function openFieldbook(
  config: Config,
  databaseOptions: DatabaseOptions = config.DATABASE_SCHEMA ? { schema: config.DATABASE_SCHEMA } : {},
  prepare?: (fieldbook: Fieldbook) => Promise<void>,
): Promise<Fieldbook> {
  const database = openDatabase<Database>(config.DATABASE_URL, { synchronous: config.SQLITE_SYNCHRONOUS, ...databaseOptions });
  const registry = createRegistryService(database.db, { snapshotTtlMs: config.REGISTRY_SNAPSHOT_SECONDS * 1000 });
  const auth = createAuthService(database.db, registry, {
    sessionTtlHours: config.SESSION_TTL_HOURS,
    loginFailuresPerAccount: config.LOGIN_FAILURES_PER_ACCOUNT,
  });
  const plans = createPlanService(database.db, registry);
  const activities = createActivityService(database.db, database.dialect, registry, plans);
  const duplicates = createDuplicateService(database.db, activities, registry);
  const imports = createImportService(database.db, registry, activities, duplicates);
  const reports = createReportService(database.db, registry, activities, { chromiumPath: config.CHROMIUM_PATH });
  const mail = createMailService(database.db, database.dialect, auth, {
    from: config.MAIL_FROM,
    retry: { baseDelayMs: config.MAIL_RETRY_SECONDS * 1000, maxDelayMs: 6 * 3600 * 1000, maxAttempts: config.MAIL_MAX_ATTEMPTS },
    digestHourUtc: config.MAIL_DIGEST_HOUR,
  });
  const rounds = createRoundService(database.db, { registry, activities, reports, auth, mail }, { baseUrl: config.PUBLIC_URL, reminderDays: config.ROUND_REMINDER_DAYS });
  const meetings = createMeetingService(database.db, { registry, activities, rounds, auth, mail, reports }, { baseUrl: config.PUBLIC_URL, mailFrom: config.MAIL_FROM, actionReminderDays: ACTION_REMINDER_DAYS });
  const briefings = createBriefingService(database.db, { registry, activities, rounds, meetings, auth, mail, reports }, { baseUrl: config.PUBLIC_URL });
  const accounts = createAccountService(database.db, { auth, mail }, { publicUrl: config.PUBLIC_URL, mailConfigured: config.SMTP_URL !== undefined });
  const fieldbook: Fieldbook = {
    database,
    services: {
      registry, auth, accounts, activities, imports, reports, rounds, mail,
      backup: createBackupService(database.db, database.dialect, { activities, version: VERSION }),
      duplicates,
      meetings,
      vacancies: createVacancyService(database.db, { registry, activities }),
      plans,
      briefings,
      coverage: createCoverageService(database.db, { plans, registry, activities }),
      annualPlans: createAnnualPlanService(database.db, { registry, plans, activities, reports }),
    },
    close: async () => {
      await reports.close();
      await database.close();
    },
  };
  try {
    await withStartupLock(database, async () => {
      const migrated = await migrateToLatest(database.db, databaseOptions.schema);
      // Statistics of a register that has activities follow a new schema (a new index has none).
      if (migrated.results?.some((r) => r.status === 'Success')) await refreshRegisterStatistics(database.db);
      // Stored search texts follow the current stems and spellings before anyone searches.
      await activities.refreshSearchIndex();
      // So do the duplicate check's sketches (a new table, a new format).
      await activities.refreshSketches();
      await prepare?.(fieldbook);
    });
  } catch (error) {
    await fieldbook.close();
    throw error;
  }
  return fieldbook;
}

/** How soon a write reaches SQLite's database file from its WAL (the checkpoint worker's look), and how often stale statistics are refreshed. */
const CHECKPOINT_MS = 200;
const OPTIMIZE_MS = 60 * 60 * 1000;

/**
 * The HTTP app, the database's upkeep (SQLite: checkpoints off the request path), and the reporting rounds' reminders job (ROUND_REMINDER_MINUTES); with SMTP_URL,
 * also the mail worker. Both start when the app is ready and stop when it closes (the command
 * line's one-shot commands open no app, so they send nothing).
 */
export async function buildApp(fieldbook: Fieldbook, config: Config, logger: FastifyServerOptions['logger']): Promise<App> {
  const { services, database } = fieldbook;
  const publishing = createPublishingService(services.registry, services.activities, VERSION, { planMaxEvents: config.SITE_PLAN_PAGE_EVENTS, annualPlans: services.annualPlans });
  const app = await buildHttpApp({
    logger,
    trustProxy: config.TRUST_PROXY,
    rateLimitStore: databaseRateLimitStore(database.db),
    securitySchemes: AUTH_SECURITY_SCHEMES,
    plugins: [authPlugin(services.auth)],
    routes: [
      healthRoutes(database.db, database.dialect, VERSION),
      registryRoutes(services.registry),
      authRoutes(services.auth, { loginRateLimitPerAddress: config.LOGIN_RATE_LIMIT_PER_ADDRESS }),
      accountRoutes(services.accounts, services.auth, { linkRateLimitPerAddress: config.LOGIN_RATE_LIMIT_PER_ADDRESS }),
      activityRoutes(services.activities),
      duplicateRoutes(services.duplicates, services.activities),
      importRoutes(services.imports, services.activities),
      reportRoutes(services.reports),
      roundRoutes(services.rounds),
      mailRoutes(services.mail),
      meetingRoutes(services.meetings),
      briefingRoutes(services.briefings),
      vacancyRoutes(services.vacancies),
      planRoutes(services.plans),
      coverageRoutes(services.coverage),
      annualPlanRoutes(services.annualPlans),
      publishingRoutes(publishing, { coverage: services.coverage }),
      openDataRoutes(createOpenDataService(publishing, services.activities)),
      workspaceRoutes(),
    ],
  });
  let upkeep: { stop(): Promise<void> } | undefined;
  app.addHook('onReady', async () => {
    upkeep = database.startUpkeep({
      checkpointMs: CHECKPOINT_MS,
      optimizeMs: OPTIMIZE_MS,
      onError: (error) => app.log.error({ err: error }, 'database upkeep failed'),
    });
  });
  app.addHook('onClose', async () => upkeep?.stop());
  if (config.ROUND_REMINDER_MINUTES > 0) {
    let reminders: RemindersJob | undefined;
    app.addHook('onReady', async () => {
      reminders = startRoundReminders({
        rounds: services.rounds,
        intervalMs: config.ROUND_REMINDER_MINUTES * 60 * 1000,
        onError: (error) => app.log.error({ err: error }, 'round reminders: the pass failed; the next one tries again'),
      });
    });
    app.addHook('onClose', async () => reminders?.stop());
    // The same loop keeps the meeting series planned ahead and reminds the owners of action items.
    let meetingReminders: RemindersJob | undefined;
    app.addHook('onReady', async () => {
      meetingReminders = startRoundReminders({
        rounds: services.meetings,
        intervalMs: config.ROUND_REMINDER_MINUTES * 60 * 1000,
        onError: (error) => app.log.error({ err: error }, 'meeting reminders: the pass failed; the next one tries again'),
      });
    });
    app.addHook('onClose', async () => meetingReminders?.stop());
    // And makes the directors' briefings of last month, sending those whose note time is over.
    let briefingPass: RemindersJob | undefined;
    app.addHook('onReady', async () => {
      briefingPass = startRoundReminders({
        rounds: services.briefings,
        intervalMs: config.ROUND_REMINDER_MINUTES * 60 * 1000,
        onError: (error) => app.log.error({ err: error }, 'director briefings: the pass failed; the next one tries again'),
      });
    });
    app.addHook('onClose', async () => briefingPass?.stop());
  }
  const smtpUrl = config.SMTP_URL;
  if (smtpUrl) {
    let worker: MailWorker | undefined;
    app.addHook('onReady', async () => {
      worker = startMailWorker({
        mail: services.mail,
        transport: smtpTransport(smtpUrl, config.MAIL_FROM),
        intervalMs: config.MAIL_POLL_SECONDS * 1000,
        onError: (error) => app.log.error({ err: error }, 'mail worker: the pass failed; the next one tries again'),
      });
    });
    app.addHook('onClose', async () => worker?.stop());
  }
  return app;
}

/**
 * The planner's statistics gathered again when the register holds activities; an empty one is
 * left without, as ANALYZE of empty tables would tell the planner they stay empty.
 */
async function refreshRegisterStatistics(db: Fieldbook['database']['db']): Promise<void> {
  if (await db.selectFrom('activity').select('id').limit(1).executeTakeFirst()) await refreshStatistics(db);
}

export const SEED_ACTOR: Actor = { kind: 'system', label: 'fieldbook seed' };

/** The report the product comes from, imported and accepted by `fieldbook seed --demo`. */
export const DEMO_REPORT = 'data/demo/tsag-2020-regional-offices-contribution.txt';

/**
 * Imports the demo report and accepts what it proposes, then makes the demo's reporting rounds:
 * the closed tsag-2020 whose accepted contributions reproduce that report, and tsag-2021 in
 * progress; so a newcomer sees real data at once.
 */
export async function seedDemo(fieldbook: Fieldbook): Promise<{ accepted: number; refused: number; rounds: string[] }> {
  const { imports, activities, rounds, reports } = fieldbook.services;
  const bytes = await readFile(DEMO_REPORT);
  const batch = await imports.importDocument(SEED_ACTOR, { name: basename(DEMO_REPORT), bytes });
  const outcome = await imports.acceptAll(SEED_ACTOR, batch.batch.id);
  const file = demoContributionsFile.parse(JSON.parse(await readFile(DEMO_CONTRIBUTIONS, 'utf8')));
  const register = await activities.listAll(SEED_ACTOR, { sort: 'date', deleted: 'exclude' }, (a) => a, Number.POSITIVE_INFINITY);
  const resolved = resolveDemoContributions(file, register, (a) => activitySeen(a, file.language));
  const { created } = await seedDemoRounds(rounds, reports, SEED_ACTOR, resolved.contributions);
  // The SG12 regional group's meeting as TSB recorded it at headquarters: a pair waiting for a decision.
  await seedDemoDuplicate(activities, SEED_ACTOR, register);
  await seedDemoMeetings(fieldbook.services.meetings, SEED_ACTOR);
  // The office's outreach for TSAG's positions at WTSA-20 and a nomination that followed (demo records, said so).
  await seedDemoOutreach(fieldbook.services.vacancies, SEED_ACTOR);
  await seedDemoBriefing(fieldbook.services, SEED_ACTOR);
  await seedDemoAnnualPlans(fieldbook.services.annualPlans, activities, SEED_ACTOR, register);
  await refreshRegisterStatistics(fieldbook.database.db);
  return { accepted: outcome.accepted.length, refused: outcome.refused.length, rounds: created };
}

/** Loads the regional presence from the reference folder (validated whole first; idempotent). */
export async function seedReference(fieldbook: Fieldbook, referenceDir: string): Promise<SeedSummary & { plans: number; planItems: number }> {
  // Both folders are read and checked before either is written: a malformed file changes nothing.
  const data = await readReferenceData(referenceDir);
  const positions = await readPositions(referenceDir, new Set(data.bodies.map((b) => b.code)));
  const planData = await readPlanData(join(referenceDir, 'plans'), { at: new Date().toISOString(), by: actorLabel(SEED_ACTOR) });
  const registrySummary = await fieldbook.services.registry.loadReference(SEED_ACTOR, data);
  const loaded = await fieldbook.services.vacancies.loadReference(SEED_ACTOR, positions);
  const plans = await fieldbook.services.plans.loadReference(SEED_ACTOR, planData);
  const summary: SeedSummary = { ...registrySummary, kept: { ...registrySummary.kept, positions: loaded.kept } };
  await refreshRegisterStatistics(fieldbook.database.db);
  return { ...summary, plans: plans.plans, planItems: plans.items };
}
