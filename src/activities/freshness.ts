/**
 * The register's change marker now lives with the rest of its SQL (store.ts) and its type in
 * model.ts. Re-exported here only because service.ts imports it from this file; once that
 * import moves, this file goes.
 */
export { registerFreshness } from './store.ts';
export type { RegisterFreshness } from './model.ts';
