// Root hooks for the unit and integration suites (loaded with --require by .mocharc.json). Mocha
// re-emits a promise rejection nobody handled on `process` and, with nobody listening there,
// it would pass silently; node:test used to fail the test instead. This keeps that: a test during
// which an unhandled rejection happened fails, with the rejection's stack.
// (Registered per file in beforeAll because a parallel worker drops every process listener
// between files.)
import type { Context, RootHookObject } from 'mocha';

const seen: unknown[] = [];
const record = (reason: unknown) => seen.push(reason);

export const mochaHooks: RootHookObject = {
  beforeAll() {
    process.on('unhandledRejection', record);
  },
  afterEach(this: Context) {
    if (seen.length === 0) return;
    const reasons = seen.splice(0).map((r) => (r instanceof Error ? (r.stack ?? r.message) : String(r)));
    throw new Error(`unhandled promise rejection during "${this.currentTest?.fullTitle() ?? 'a test'}":\n${reasons.join('\n')}`);
  },
  afterAll() {
    process.off('unhandledRejection', record);
  },
};
