/** `fieldbook serve | migrate | seed | user add | token create` */
import { Command, InvalidArgumentError, Option } from 'commander';
import { buildApp, openFieldbook, SEED_ACTOR, seedReference, VERSION, type Fieldbook } from '#src/app.ts';
import { createUserBody } from '#src/auth/schemas.ts';
import { ROLES, type Actor } from '#src/platform/access.ts';
import { ConfigError, loadConfig, type Config } from '#src/platform/config.ts';
import { isAppError } from '#src/platform/errors.ts';
import { ReferenceDataError } from '#src/registry/reference-data.ts';

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
const asOption = (path: string): string => path.replace(/^body\./, '--').replace(/^--displayName$/, '--name');

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
    const fieldbook = await openFieldbook(config);
    if ((await fieldbook.services.registry.listRegions(SEED_ACTOR)).length === 0) {
      const summary = await seedReference(fieldbook, config.REFERENCE_DIR);
      console.log(`Loaded the regional presence: ${summary.regions} regions, ${summary.offices} offices, ${summary.bodies} bodies.`);
    }
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
  .action(async (options: { reference?: string }) => {
    const config = loadConfig();
    await withFieldbook(config, async (fieldbook) => {
      const s = await seedReference(fieldbook, options.reference ?? config.REFERENCE_DIR);
      console.log(`Loaded ${s.regions} regions, ${s.offices} offices, ${s.people} people, ${s.assignments} assignments, ${s.bodies} bodies.`);
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
  .option('--password-stdin', 'read the password from standard input (without it the account can only use API tokens)')
  .action(async (options: { email: string; role: string; office?: string; bureau?: string; name?: string; passwordStdin?: boolean }) => {
    const config = loadConfig();
    const parsed = createUserBody.safeParse({
      email: options.email,
      role: options.role,
      office: options.office,
      bureau: options.bureau,
      displayName: options.name,
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
  .action(async (options: { email: string; name: string }) => {
    const config = loadConfig();
    await withFieldbook(config, async (fieldbook) => {
      const { secret, user: owner } = await fieldbook.services.auth.createTokenFor(CLI_ACTOR, options.email, options.name);
      console.error(`Token "${options.name}" for ${owner.email} (${owner.role}). Shown once; use it as "Authorization: Bearer <token>":`);
      console.log(secret);
    });
  });

program.parseAsync(process.argv).catch(fail);
