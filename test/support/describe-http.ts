/**
 * The one way an HTTP test file opens: a block per database dialect (DIALECTS), each with the
 * real server on a real database, the users and the data the block declares, closed after.
 *
 * Which tests share a database is declared, never a side effect of their order:
 * - `database: 'per-test'` (the default): every test starts on its own copy of the template
 *   database with the declared users and data, so no test sees what another wrote.
 * - `database: 'shared'`: one database for the block's tests, for blocks whose tests only read
 *   the declared data (and what each writes for itself); starting a PostgreSQL schema costs
 *   about a second of migrations, which a block of many read-only tests need not pay each time.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import type { Dialect } from '#src/platform/database.ts';
import { DIALECTS } from './dialects.ts';
import { buildUser, type TestUser, type UserOverrides } from './factories.ts';
import { startTestServer, type TestServer } from './server.ts';

export interface HttpSuiteOptions<User extends string, Data> {
  database?: 'per-test' | 'shared';
  /** Environment of the server, e.g. a lower rate limit. */
  env?: Record<string, string>;
  /** Accounts made on each database, by the name the tests use for them. */
  users?: Record<User, UserOverrides>;
  /** The data the tests read, made on each database after its users. */
  data?: (server: TestServer, users: Readonly<Record<NoInfer<User>, TestUser>>) => Promise<Data>;
}

/** What a test reads; only inside a test or a hook (the server starts before each test or block). */
export interface HttpSuite<User extends string, Data> {
  readonly dialect: Dialect;
  readonly server: TestServer;
  readonly users: Readonly<Record<User, TestUser>>;
  readonly data: Data;
}

interface Started<User extends string, Data> {
  server: TestServer;
  users: Record<User, TestUser>;
  data: Data;
}

export function describeHttp<User extends string = never, Data = undefined>(
  name: string,
  options: HttpSuiteOptions<User, Data>,
  body: (http: HttpSuite<User, Data>) => void,
): void {
  describe.each(DIALECTS)(`${name} [%s]`, (dialect) => {
    let current: Started<User, Data> | null = null;

    const start = async (): Promise<void> => {
      const server = await startTestServer(dialect, options.env);
      try {
        const users = {} as Record<User, TestUser>;
        for (const [key, overrides] of Object.entries(options.users ?? {}) as Array<[User, UserOverrides]>) {
          users[key] = await buildUser(server, overrides);
        }
        const data = (options.data ? await options.data(server, users) : undefined) as Data;
        current = { server, users, data };
      } catch (error) {
        await server.close();
        throw error;
      }
    };
    const stop = async (): Promise<void> => {
      const started = current;
      current = null;
      await started?.server.close();
    };
    if (options.database === 'shared') {
      beforeAll(start);
      afterAll(stop);
    } else {
      beforeEach(start);
      afterEach(stop);
    }

    const started = (): Started<User, Data> => {
      if (!current) throw new Error(`${name}: the server is there only inside a test or a hook`);
      return current;
    };
    body({
      dialect,
      get server() {
        return started().server;
      },
      get users() {
        return started().users;
      },
      get data() {
        return started().data;
      },
    });
  });
}
