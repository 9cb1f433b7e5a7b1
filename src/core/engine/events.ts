import type { CheckResult } from '../checks/checkTypes';

export type CheckEvent =
  | { type: 'planned'; checks: { id: string; title: string; kind: CheckResult['kind']; model?: string }[] }
  | { type: 'started'; id: string }
  | { type: 'finished'; result: CheckResult }
  /** A check crashed: a fault in the doctor. The stack is redacted; it belongs in the log, not the report. */
  | { type: 'internal-error'; id: string; stack: string };
