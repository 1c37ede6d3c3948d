/** Every capability's tables, gathered into the one Kysely `Database` type. */
import type { Kysely, Transaction } from 'kysely';
import type { ActivityTables } from '#src/activities/tables.ts';
import type { AuditTables } from '#src/audit/tables.ts';
import type { AuthTables } from '#src/auth/tables.ts';
import type { DuplicateTables } from '#src/duplicates/tables.ts';
import type { MailTables } from '#src/mail/tables.ts';
import type { MeetingTables } from '#src/meetings/tables.ts';
import type { BriefingTables } from '#src/briefings/tables.ts';
import type { PlanTables } from '#src/plans/tables.ts';
import type { AnnualPlanTables } from '#src/annualplan/tables.ts';
import type { ImportTables } from '#src/importer/tables.ts';
import type { RateLimitTables } from '#src/platform/rate-limit-store.ts';
import type { RegistryTables } from '#src/registry/tables.ts';
import type { ReportTables } from '#src/reports/tables.ts';
import type { RoundTables } from '#src/rounds/tables.ts';
import type { VacancyTables } from '#src/vacancies/tables.ts';

export interface Database extends RegistryTables, AuthTables, AuditTables, ActivityTables, ImportTables, ReportTables, RoundTables, MailTables, RateLimitTables, DuplicateTables, MeetingTables, VacancyTables, PlanTables, BriefingTables, AnnualPlanTables {}

/** What a store function takes first: the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;
