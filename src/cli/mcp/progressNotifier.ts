import type { CheckResult } from '../../core/checks/checkTypes';

/**
 * How long the result of a tool call waits after its last progress notification.
 *
 * The TypeScript SDK's client (@modelcontextprotocol/sdk 1.32.2, dist/cjs/shared/protocol.js:
 * `_onnotification` runs a notification's handler a microtask later, `_onresponse` at once) loses a
 * progress notification that it reads in the same chunk as the response: the response retires the
 * token first, and the client reports "Received a progress notification for an unknown token"
 * (modelcontextprotocol/typescript-sdk issue #2580, open; Claude Code has been seen to close the
 * connection on it). A server cannot make two writes arrive apart, only make it likely: a client
 * that reads its pipe within this time gets the notifications before the result.
 */
export const PROGRESS_QUIET_MS = 200;

type Send = (done: number, total: number, result: CheckResult) => void;

/** Wraps the sending of progress notifications so that a tool's result can wait for them to be read apart. */
export function progressNotifier(send: Send, quietMs = PROGRESS_QUIET_MS): { onCheck: Send; quiet(signal: AbortSignal): Promise<void> } {
  let lastSent: number | undefined;
  return {
    onCheck: (done, total, result) => {
      lastSent = performance.now();
      send(done, total, result);
    },
    quiet: (signal) => {
      const left = lastSent === undefined ? 0 : quietMs - (performance.now() - lastSent);
      if (left <= 0 || signal.aborted) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(done, left);
        signal.addEventListener('abort', done, { once: true });
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
      });
    },
  };
}
