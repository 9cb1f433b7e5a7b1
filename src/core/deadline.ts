import { CancelledError } from './classify/classifyFailure';

export type Deadlined<T> = { ok: true; value: T } | { ok: false; timedOut: boolean; error?: unknown };

/**
 * Waits for `work` at most `ms`, and no longer than the run: a cancelled run rejects at once with
 * a CancelledError. Work that cannot be aborted (a DNS lookup) is left to finish unobserved.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, signal: AbortSignal): Promise<Deadlined<T>> {
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => settle(() => resolve({ ok: false, timedOut: true })), ms);
    const onAbort = () => settle(() => reject(new CancelledError()));
    const settle = (action: () => void) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      action();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => settle(() => resolve({ ok: true, value })),
      (error: unknown) => settle(() => resolve({ ok: false, timedOut: false, error })),
    );
  });
}
