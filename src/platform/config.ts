/**
 * Configuration from the environment, parsed once. Defaults just work on a fresh machine;
 * a bad value stops the process with every offending variable named.
 */
import { z } from 'zod';
import { DEFAULT_CHROMIUM_PATH } from './chromium.ts';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/fieldbook.db')
    .refine((url) => /^(sqlite:|postgres(ql)?:\/\/)/.test(url), {
      message: 'must start with sqlite: (a file path) or postgres:// (a PostgreSQL connection URL)',
    }),
  /**
   * PostgreSQL only: the schema to work in (it must exist), so several registers can share one
   * database; unset, the server's default search path (usually `public`).
   */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a PostgreSQL schema name: lower-case letters, digits and _, not starting with a digit')
    .optional(),
  /**
   * SQLite only: when a commit reaches the disk. FULL (the default): the WAL is synced at every
   * commit, so an acknowledged write survives a power cut or an OS crash. NORMAL: synced at
   * checkpoints only; faster commits, but a power cut may lose the last ones (a process crash
   * loses nothing either way). docs/decisions/0012-durability-and-the-write-path.md
   */
  SQLITE_SYNCHRONOUS: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['full', 'normal'], { error: 'must be FULL or NORMAL' }))
    .default('full'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Behind a reverse proxy, trust X-Forwarded-* so cookies are marked Secure under HTTPS. */
  TRUST_PROXY: booleanFromEnv.default(false),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(12),
  /** Login attempts allowed per client address per minute. */
  LOGIN_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  /** Failed sign-ins to one account from one address before each further try from there waits longer (1 s, 2 s, 4 s … 15 min). */
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  /**
   * How long an instance keeps the registry (regions, offices, heads, bodies) it read before
   * reading it again: the longest a `fieldbook seed` takes to show on every instance.
   */
  REGISTRY_SNAPSHOT_SECONDS: z.coerce.number().positive().max(3600).default(30),
  /** Where the reference data (regional presence) lives. */
  REFERENCE_DIR: z.string().min(1).default('data/reference'),
  /** The Chromium that prints PDF reports (Debian's package by default). */
  CHROMIUM_PATH: z.string().min(1).default(DEFAULT_CHROMIUM_PATH),
  /**
   * Where mail goes: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465.
   * Unset (the embedded default), notices stay in the outbox, which admins see in the workspace.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, 'must be an SMTP URL: smtp://user:password@host:587 or smtps://host:465')
    .optional(),
  /** The sender of every notice. */
  MAIL_FROM: z.string().min(3).default('Fieldbook <fieldbook@localhost>'),
  /** How often the server's mail worker looks for messages due, in seconds. */
  MAIL_POLL_SECONDS: z.coerce.number().positive().max(3600).default(10),
  /** The wait after a failed attempt, doubling with each further failure (capped at 6 hours). */
  MAIL_RETRY_SECONDS: z.coerce.number().positive().max(86400).default(60),
  /** Attempts before a message is failed for good (its last error kept). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** The hour (UTC) the daily digest goes out. */
  MAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  /** Where people reach this Fieldbook: the links in notices start with it. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) address, e.g. https://fieldbook.example.org' }).default('http://localhost:3000'),
  /** Days before a round's due day that offices not yet handed in are reminded, comma-separated. */
  ROUND_REMINDER_DAYS: z
    .string()
    .regex(/^\d{1,3}(,\d{1,3})*$/, 'must be days as whole numbers, comma-separated, e.g. 7,1')
    .default('7,1')
    .transform((days) => [...new Set(days.split(',').map(Number))].sort((a, b) => b - a)),
  /** How often the server looks for reminders and late contributions to notify, in minutes; 0: never. */
  ROUND_REMINDER_MINUTES: z.coerce.number().min(0).max(24 * 60).default(60),
  /** Above this many events in a year, an office's page on the public site shows the year a month at a time. */
  SITE_PLAN_PAGE_EVENTS: z.coerce.number().int().min(1).max(5000).default(1000),
}).refine((config) => !config.DATABASE_SCHEMA || !config.DATABASE_URL.startsWith('sqlite:'), {
  path: ['DATABASE_SCHEMA'],
  message: 'only PostgreSQL has schemas: unset it, or give a postgres:// DATABASE_URL',
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty variables count as unset, as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = configSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}
