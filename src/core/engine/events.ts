import type { CheckResult } from '../checks/checkTypes';

export type CheckEvent =
  | { type: 'planned'; checks: { id: string; title: string; kind: CheckResult['kind']; model?: string }[] }
  | { type: 'started'; id: string }
  | { type: 'finished'; result: CheckResult };
