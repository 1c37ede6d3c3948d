/** `fieldbook serve | migrate | seed | import | report | backup | restore | user add | token create` */
import { Command, InvalidArgumentError, Option } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { buildApp, openFieldbook, SEED_ACTOR, seedDemo, seedReference, VERSION, type Fieldbook } from '#src/app.ts';
import { summarise } from '#src/importer/model.ts';
import { LANGUAGES, type Language } from '#src/platform/i18n.ts';
import { createUserBody } from '#src/auth/schemas.ts';
import { readExpiry } from '#src/auth/model.ts';
import { ROLES, type Actor } from '#src/platform/access.ts';
import { ConfigError, loadConfig, type Config } from '#src/platform/config.ts';
import { isAppError } from '#src/platform/errors.ts';
import { ReferenceDataError } from '#src/registry/reference-data.ts';
import { REPORT_FORMATS, REPORT_VISIBILITIES, SELECTIONS, type ReportFormat } from '#src/reports/definition.ts';
import { createReportBody } from '#src/reports/schemas.ts';

const CLI_ACTOR: Actor = { kind: 'system', label: 'fieldbook command line' };

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return n;
};

async function withFieldbook<T>(config: Config, work: (fieldbook: Fieldbook) => Promise<T>): Promise<T> {
  const fieldbook = await openFieldbook(config);
  try {
    return await work(fieldbook);
  } finally {
    await fieldbook.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Field paths of the API ("body.office") read as the command's options ("--office"). */
const asOption = (path: string): string => path.replace(/^body\./, '--').replace(/^--displayName$/, '--name').replace(/^--expiresAt$/, '--expires');

function fail(error: unknown): never {
  if (error instanceof ConfigError || error instanceof ReferenceDataError) {
    console.error(error instanceof ReferenceDataError ? `Reference data is not valid, nothing was changed:\n  ${error.message}` : error.message);
  } else if (isAppError(error)) {
    const issues = error.extra.issues;
    console.error(issues ? issues.map((i) => `${asOption(i.path)}: ${i.message}`).join('\n') : error.message);
  } else {
    console.error(error instanceof Error ? error.message : String(error));
  }
  process.exit(1);
}

const program = new Command()
  .name('fieldbook')
  .description('Fieldbook: the regional presence as a system.\nConfiguration comes from the environment: DATABASE_URL, PORT, HOST (see .env.example).')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the server; migrates the database and loads the regional presence into an empty one')
  .option('--port <n>', 'port to listen on (default: PORT or 3000)', port)
  .option('--host <host>', 'address to listen on (default: HOST or localhost)')
  .action(async (options: { port?: number; host?: string }) => {
    const config = loadConfig();
    // Under the start-up lock: of several instances started on an empty database, one loads it.
    const fieldbook = await openFieldbook(config, undefined, async (opened) => {
      if ((await opened.services.registry.listRegions(SEED_ACTOR)).length > 0) return;
      const summary = await seedReference(opened, config.REFERENCE_DIR);
      console.log(`Loaded the regional presence: ${summary.regions} regions, ${summary.offices} offices, ${summary.bodies} bodies.`);
      const demo = await seedDemo(opened);
      console.log(`Imported the demo report: ${demo.accepted} activities in the register${demo.rounds.length ? `; reporting rounds ${demo.rounds.join(', ')}` : ''}.`);
    });
    const app = await buildApp(fieldbook, config, { level: config.LOG_LEVEL });
    const shutdown = async () => {
      await app.close();
      await fieldbook.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
    const address = await app.listen({ port: options.port ?? config.PORT, host: options.host ?? config.HOST });
    console.log(`Fieldbook ${VERSION} on ${fieldbook.database.description}, listening at ${address} (API docs: ${address}/api/docs)`);
  });

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    const config = loadConfig();
    await withFieldbook(config, async (fieldbook) => console.log(`Database is up to date (${fieldbook.database.description}).`));
  });

program
  .command('seed')
  .description('Load the regional presence from the reference data (validated first; safe to repeat)')
  .option('--reference <dir>', 'folder of reference data (default: REFERENCE_DIR or data/reference)')
  .option('--demo', 'also import the 2020 TSAG report of the regional offices, accept its activities, and make the demo reporting rounds tsag-2020 (closed) and tsag-2021 (in progress)')
  .action(async (options: { reference?: string; demo?: boolean }) => {
    const config = loadConfig();
    await withFieldbook(config, async (fieldbook) => {
      const s = await seedReference(fieldbook, options.reference ?? config.REFERENCE_DIR);
      console.log(`Loaded ${s.regions} regions, ${s.offices} offices, ${s.people} people, ${s.assignments} assignments, ${s.bodies} bodies, ${s.plans} plans with ${s.planItems} items.`);
      if (options.demo) {
        const demo = await seedDemo(fieldbook);
        console.log(`Imported the demo report: ${demo.accepted} activities accepted${demo.refused ? `, ${demo.refused} left for review` : ''}${demo.rounds.length ? `; reporting rounds ${demo.rounds.join(', ')}` : ''}.`);
      }
    });
  });

program
  .command('import')
  .description('Read a report (DOCX or text) and propose its activities; without --dry-run they are stored as an import batch to review')
  .argument('<file>', 'the report: .docx or plain text')
  .option('--office <code>', 'keep only this office\'s items (e.g. addis-ababa)')
  .option('--language <code>', `language the report is written in (${LANGUAGES.join(', ')})`, 'en')
  .option('--dry-run', 'show what would be proposed, store nothing')
  .option('--json', 'print the whole proposal as one JSON object instead of the summary')
  .action(async (file: string, options: { office?: string; language: string; dryRun?: boolean; json?: boolean }) => {
    if (!(LANGUAGES as readonly string[]).includes(options.language)) fail(new Error(`--language: must be one of ${LANGUAGES.join(', ')}`));
    const config = loadConfig();
    const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => fail(new Error(`${file}: cannot be read (${error.code ?? error.message})`)));
    const document = { name: basename(file), bytes };
    await withFieldbook(config, async (fieldbook) => {
      const { imports } = fieldbook.services;
      const importOptions = { office: options.office ?? null, language: options.language as Language };
      const { proposal } = await imports.preview(CLI_ACTOR, document, importOptions);
      if (options.json) {
        console.log(JSON.stringify(proposal, null, 2));
      } else {
        printSummary(proposal);
      }
      if (options.dryRun) return;
      const stored = await imports.importDocument(CLI_ACTOR, document, importOptions);
      const note = stored.existing
        ? `This document was imported before: batch ${stored.batch.id}.`
        : `Stored as import batch ${stored.batch.id}: ${stored.proposals.length} proposals to review${stored.duplicates ? ` (${stored.duplicates} already proposed by an earlier batch)` : ''}.`;
      // With --json, stdout carries only the JSON.
      (options.json ? console.error : console.log)(note);
    });
  });

function printSummary(proposal: Awaited<ReturnType<Fieldbook['services']['imports']['preview']>>['proposal']): void {
  const rows = summarise(proposal.activities);
  const header = ['region', 'office', 'items', 'dated', 'undated'];
  const table = [header, ...rows.map((r) => [r.region, r.office, String(r.items), String(r.dated), String(r.undated)])];
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  if (proposal.header.title) console.log(`Title:  ${proposal.header.title}`);
  if (proposal.period) console.log(`Period: ${proposal.period.text} (${proposal.period.start} to ${proposal.period.end})`);
  if (rows.length > 0) for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));
  const listed = proposal.unplaced.length < proposal.unplacedCount ? `; the first ${proposal.unplaced.length}:` : proposal.unplacedCount ? ':' : '.';
  console.log(`${proposal.activities.length} activities proposed; ${proposal.unplacedCount} passages could not be placed${listed}`);
  for (const u of proposal.unplaced) console.log(`  line ${u.line}${u.section ? ` (section ${u.section})` : ''}: ${u.text.slice(0, 100)}`);
}

program
  .command('report')
  .description('Write a report to an advisory group: a reporting round compiled from its accepted contributions (--round), or from the register for a Sector and period, or a saved definition (--id)')
  .option('--round <code>', 'a reporting round, e.g. tsag-2020: its cover, common sections and accepted contributions')
  .option('--draft', 'with --round: compile although offices are not accepted yet, marked DRAFT on every page')
  .option('--sector <code>', 'the Sector: ITU-R, ITU-T, ITU-D or GS')
  .option('--from <date>', 'first day of the period (yyyy-mm-dd)')
  .option('--to <date>', 'last day of the period (yyyy-mm-dd)')
  .option('--id <id>', 'a saved report definition instead of --sector, --from and --to')
  .addOption(new Option('--format <format>', 'output format (default: from the --out file name)').choices(REPORT_FORMATS))
  .option('--out <file>', 'file to write (html and md go to standard output without it)')
  .addOption(new Option('--lang <code>', 'language of the generated parts (default: en, or the saved definition\'s)').choices(LANGUAGES))
  .option('--group <code>', "advisory group (default: the Sector's, e.g. TSAG)")
  .addOption(new Option('--selection <which>', 'which activities count').choices(SELECTIONS).default('all'))
  .addOption(new Option('--visibility <which>', 'public activities only, or internal ones too').choices(REPORT_VISIBILITIES).default('public'))
  .option('--document-number <text>', 'the TD number, e.g. "TD 120 Rev.1"')
  .option('--save', 'also save the definition (so its narrative can be edited) and print its id')
  .action(
    async (options: {
      round?: string;
      draft?: boolean;
      sector?: string;
      from?: string;
      to?: string;
      id?: string;
      format?: ReportFormat;
      out?: string;
      lang?: Language;
      group?: string;
      selection: string;
      visibility: string;
      documentNumber?: string;
      save?: boolean;
    }) => {
      const fromName = options.out ? extname(options.out).slice(1).toLowerCase() : '';
      const format = options.format ?? (REPORT_FORMATS as readonly string[]).find((f) => f === fromName) as ReportFormat | undefined;
      if (!format) fail(new Error(`--format: give ${REPORT_FORMATS.join(', ')} (or an --out file ending in one)`));
      if (!options.out && (format === 'docx' || format === 'pdf')) fail(new Error(`--out: a ${format} report needs a file to write to`));
      if (options.id && (options.sector || options.from || options.to)) fail(new Error('--id: give either a saved definition or --sector, --from and --to'));
      if (options.round && (options.id || options.sector || options.from || options.to)) fail(new Error('--round: give either a round or a report definition (--id, or --sector, --from and --to)'));
      if (options.draft && !options.round) fail(new Error('--draft: only with --round'));
      if (options.round) {
        const code = options.round;
        await withFieldbook(loadConfig(), async (fieldbook) => {
          const rendered = await fieldbook.services.rounds.compile(CLI_ACTOR, code, format!, { language: options.lang, draft: options.draft ?? false });
          if (options.out) {
            await writeFile(options.out, rendered.body);
            console.log(`Wrote ${options.out}: the round ${code}, ${rendered.activityCount} activities named.`);
          } else {
            process.stdout.write(rendered.body);
          }
        });
        return;
      }
      const cliPath = (path: string) => path.replace(/^body\.advisoryGroup$/, 'body.group').replace(/^body\.header\.documentNumber$/, 'body.document-number');
      const input = options.id
        ? null
        : createReportBody.safeParse({
            sector: options.sector,
            from: options.from,
            to: options.to,
            advisoryGroup: options.group,
            selection: options.selection,
            visibility: options.visibility,
            ...(options.lang ? { language: options.lang } : {}),
            ...(options.documentNumber ? { header: { documentNumber: options.documentNumber } } : {}),
          });
      if (input && !input.success) fail(new Error(input.error.issues.map((i) => `${asOption(cliPath(`body.${i.path.join('.')}`))}: ${i.message}`).join('\n')));
      const config = loadConfig();
      await withFieldbook(config, async (fieldbook) => {
        const { reports } = fieldbook.services;
        try {
          let id = options.id;
          if (input?.success && options.save) {
            id = (await reports.create(CLI_ACTOR, input.data)).definition.id;
            console.error(`Saved report definition ${id}.`);
          }
          const rendered = id ? await reports.render(CLI_ACTOR, id, format!, options.lang) : await reports.renderDraft(CLI_ACTOR, input!.data!, format!, options.lang);
          if (options.out) {
            await writeFile(options.out, rendered.body);
            console.log(`Wrote ${options.out}: ${rendered.activityCount} activities.`);
          } else {
            process.stdout.write(rendered.body);
          }
        } catch (error) {
          if (isAppError(error) && error.extra.issues) error.extra.issues = error.extra.issues.map((i) => ({ ...i, path: cliPath(i.path) }));
          throw error;
        }
      });
    },
  );

program
  .command('backup')
  .description('Write a consistent backup of the whole database (every table; safe while the server runs) to a gzip\'d file; see the README')
  .requiredOption('--out <file>', 'the file to write, e.g. fieldbook-2026-12-07.fbk.gz (replaced only once complete)')
  .action(async (options: { out: string }) => {
    await withFieldbook(loadConfig(), async (fieldbook) => {
      const { tables, rows } = await fieldbook.services.backup.backup(options.out);
      console.log(`Wrote ${options.out}: ${rows} rows of ${tables} tables from ${fieldbook.database.description}.`);
    });
  });

program
  .command('restore')
  .description('Restore a backup into this database (SQLite or PostgreSQL, whichever wrote it): checked whole first; nothing is written from a damaged or newer file')
  .argument('<file>', 'a file written by fieldbook backup')
  .option('--force', 'wipe this database first if it holds data (in the same transaction: if the restore fails, nothing is wiped)')
  .action(async (file: string, options: { force?: boolean }) => {
    await withFieldbook(loadConfig(), async (fieldbook) => {
      const { tables, rows } = await fieldbook.services.backup.restore(file, { force: options.force ?? false });
      console.log(`Restored ${rows} rows of ${tables} tables into ${fieldbook.database.description}.`);
    });
  });

const user = program.command('user').description('Manage accounts');
user
  .command('add')
  .description('Create an account')
  .requiredOption('--email <email>', 'email address, used to sign in')
  .addOption(new Option('--role <role>', 'what the account may do').choices(ROLES).makeOptionMandatory())
  .option('--office <code>', 'for editors: the office they write for (e.g. addis-ababa)')
  .option('--bureau <code>', 'for focal points: their bureau (e.g. TSB)')
  .option('--name <name>', 'display name (default: the email)')
  .addOption(new Option('--language <code>', 'the language of the mail they get (default: en)').choices(LANGUAGES))
  .option('--password-stdin', 'read the password from standard input (without it the account can only use API tokens)')
  .action(async (options: { email: string; role: string; office?: string; bureau?: string; name?: string; language?: string; passwordStdin?: boolean }) => {
    const config = loadConfig();
    const parsed = createUserBody.safeParse({
      email: options.email,
      role: options.role,
      office: options.office,
      bureau: options.bureau,
      displayName: options.name,
      language: options.language,
      password: options.passwordStdin ? await readStdin() : undefined,
    });
    if (!parsed.success) fail(new Error(parsed.error.issues.map((i) => `${asOption(`body.${i.path.join('.')}`)}: ${i.message}`).join('\n')));
    await withFieldbook(config, async (fieldbook) => {
      const created = await fieldbook.services.auth.createUser(CLI_ACTOR, parsed.data);
      console.log(`Created ${created.role} ${created.email}${created.office ? ` for ${created.office}` : ''}${created.bureau ? ` of ${created.bureau}` : ''}.`);
    });
  });

const token = program.command('token').description('Manage API tokens');
token
  .command('create')
  .description('Create an API token for an account and print it once (only its hash is kept)')
  .requiredOption('--email <email>', 'the account the token acts for')
  .option('--name <name>', 'what the token is for', 'API token')
  .option('--expires <when>', 'when it stops working: 90d (days from now), 2027-06-30 (through that day, UTC) or an ISO instant; without it, until revoked')
  .action(async (options: { email: string; name: string; expires?: string }) => {
    const config = loadConfig();
    const expiresAt = options.expires === undefined ? null : readExpiry(options.expires, new Date());
    if (options.expires !== undefined && expiresAt === null) fail(new Error(`--expires: "${options.expires}" is not 90d, 2027-06-30 or an ISO instant`));
    await withFieldbook(config, async (fieldbook) => {
      const { secret, user: owner } = await fieldbook.services.auth.createTokenFor(CLI_ACTOR, options.email, options.name, expiresAt);
      const until = expiresAt ? `, working until ${expiresAt}` : '';
      console.error(`Token "${options.name}" for ${owner.email} (${owner.role})${until}. Shown once; use it as "Authorization: Bearer <token>":`);
      console.log(secret);
    });
  });

program.parseAsync(process.argv).catch(fail);
