import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { LedgerStore } from '../core/critical/criticalGate';

/**
 * The critical rate limit's ledger in a small JSON file (origins and times only, never a token or
 * an answer), read again before every decision so that CLI runs at the same time share it; written
 * whole to a temporary file and renamed, so a reader never sees half of it. A file that cannot be
 * read starts a fresh ledger; one that cannot be written leaves this run's budget in memory.
 */
export function ledgerFile(dir: string): LedgerStore {
  const file = path.join(dir, 'critical-budget.json');
  let fallback: unknown;
  return {
    async load() {
      try {
        return JSON.parse(await readFile(file, 'utf8')) as unknown;
      } catch {
        return fallback;
      }
    },
    async save(ledger) {
      fallback = ledger;
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, `${JSON.stringify(ledger)}\n`, { mode: 0o600 });
        await rename(temporary, file);
      } catch {
        // A read-only home: the budget still holds for this run.
      }
    },
  };
}
