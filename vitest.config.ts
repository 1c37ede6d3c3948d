import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    // Vitest's default is one worker fewer than the cores: a single worker on a 2-core machine, which
    // then sits idle while a test waits on PostgreSQL, Chromium or a child process. Every file works on
    // its own databases, ports and temporary directories, so files run side by side safely; one more
    // worker than cores keeps both cores busy through those waits. TEST_WORKERS overrides it.
    maxWorkers: Number(process.env.TEST_WORKERS ?? availableParallelism() + 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
