#!/usr/bin/env node
// Starts from the compiled JavaScript in dist/ (built by `npm install` and before `npm start`,
// bin/build-server.js) when it is up to date; otherwise from the TypeScript sources through tsx,
// so the command never runs code older than its sources and there is no step to forget.
import { serverBuildIsCurrent } from './build-server.js';

if (serverBuildIsCurrent()) {
  await import('../dist/cli.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
