import * as l10n from '@vscode/l10n';
import { CancelledError } from '../classify/classifyFailure';
import type { CheckResult } from '../checks/checkTypes';

export interface GraphNode {
  id: string;
  /** Higher starts first when several nodes are ready. */
  priority?: number;
  needs: string[];
  gatedBy: string[];
  /** Starts only once these are final, whatever their result. */
  after?: string[];
  run(signal: AbortSignal): Promise<CheckResult>;
  blocked(reason: string): CheckResult;
  /** The result for a run that threw although nothing cancelled it: a fault, never "Cancelled.". */
  crashed(error: unknown): CheckResult;
}

export interface GraphOptions {
  concurrency: number;
  signal: AbortSignal;
  onStart?(id: string): void;
  onFinish?(result: CheckResult): void;
}

const passed = (r: CheckResult | undefined) => r !== undefined && (r.status === 'pass' || r.status === 'warn');

/**
 * Runs nodes as a dependency graph with at most `concurrency` running at once.
 * - `needs`: the node starts only after these passed (it uses their data).
 * - `gatedBy`: the node starts at once, alongside its gates; its result is held until they settle.
 *   If a gate fails, the node is aborted (or its held result dropped) and reported as blocked.
 * - `after`: the node starts only once these are final, passed or not (it looks at what they did).
 * Results are returned in node order; `onFinish` fires once per node as soon as it is final.
 */
export async function runGraph(nodes: readonly GraphNode[], options: GraphOptions): Promise<CheckResult[]> {
  const final = new Map<string, CheckResult>();
  const held = new Map<string, CheckResult>();
  const running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  const wake = new Wakeup();

  const finish = (result: CheckResult) => {
    final.set(result.id, result);
    options.onFinish?.(result);
  };
  const blockReason = (node: GraphNode): string | undefined => {
    for (const dep of [...node.needs, ...node.gatedBy]) {
      const r = final.get(dep);
      if (r && !passed(r))
        return r.status === 'skipped' ? l10n.t('Blocked: {title} did not run.', { title: r.title }) : l10n.t('Blocked: {title} failed.', { title: r.title });
    }
    return undefined;
  };
  const start = (node: GraphNode) => {
    const abort = new AbortController();
    options.onStart?.(node.id);
    const done = node
      .run(AbortSignal.any([options.signal, abort.signal]))
      .catch((error: unknown) => (options.signal.aborted || abort.signal.aborted ? node.blocked(l10n.t('Cancelled.')) : node.crashed(error)))
      .then((result) => {
        running.delete(node.id);
        held.set(node.id, result);
        wake.ring();
      });
    running.set(node.id, { abort, done });
  };
  options.signal.addEventListener('abort', () => wake.ring(), { once: true });
  const startOrder = nodes.toSorted((a, b) => (b.priority ?? 0) - (a.priority ?? 0));

  while (final.size < nodes.length) {
    if (options.signal.aborted) {
      for (const { abort } of running.values()) abort.abort(new CancelledError());
      await Promise.all([...running.values()].map((r) => r.done));
      for (const node of nodes) if (!final.has(node.id)) finish(node.blocked(l10n.t('Cancelled.')));
      break;
    }
    let progressed = true;
    while (progressed) {
      progressed = false;
      for (const node of startOrder) {
        if (final.has(node.id)) continue;
        const reason = blockReason(node);
        const run = running.get(node.id);
        if (reason) {
          if (run) run.abort.abort(new CancelledError());
          else {
            held.delete(node.id);
            finish(node.blocked(reason));
            progressed = true;
          }
          continue;
        }
        const result = held.get(node.id);
        if (result && node.gatedBy.every((gate) => passed(final.get(gate)))) {
          held.delete(node.id);
          finish(result);
          progressed = true;
          continue;
        }
        const ready = node.needs.every((dep) => passed(final.get(dep))) && (node.after ?? []).every((dep) => final.has(dep));
        if (!run && !result && running.size < options.concurrency && ready) start(node);
      }
    }
    if (final.size >= nodes.length) break;
    if (running.size === 0 && !options.signal.aborted) {
      for (const node of nodes) if (!final.has(node.id)) finish(node.blocked(l10n.t('Blocked: a dependency never finished.')));
      break;
    }
    await wake.wait();
  }
  return nodes.map((node) => final.get(node.id)!);
}

/** A one-shot signal that is re-armed after every wait. */
class Wakeup {
  private resolve?: () => void;
  private rung = false;

  ring(): void {
    this.rung = true;
    this.resolve?.();
  }

  wait(): Promise<void> {
    if (this.rung) {
      this.rung = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.resolve = () => {
        this.rung = false;
        this.resolve = undefined;
        resolve();
      };
    });
  }
}
