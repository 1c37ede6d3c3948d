/** The real server on a real database, listening on a loopback port, for HTTP tests. */
import { buildApp } from '#src/app.ts';
import type { Dialect } from '#src/platform/database.ts';
import type { App } from '#src/platform/http.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  url: string;
  app: App;
  database: TestDatabase;
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export async function startTestServer(dialect: Dialect, env: Record<string, string> = {}): Promise<TestServer> {
  const database = await createTestDatabase(dialect, env);
  const app = await buildApp(database.fieldbook, database.config, process.env.TEST_LOG_LEVEL ? { level: process.env.TEST_LOG_LEVEL } : false);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    app,
    database,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.cookie) headers.cookie = options.cookie;
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      }
      const response = await fetch(`${url}${path}`, { method, headers, body });
      const text = await response.text();
      const type = response.headers.get('content-type') ?? '';
      return { status: response.status, headers: response.headers, text, body: type.includes('json') && text ? JSON.parse(text) : text };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
