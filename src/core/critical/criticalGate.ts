import { AnswerCache } from './answerCache';
import { heldBack, readLedger, recordLimited, recordSpend, type Held, type Ledger } from './criticalLedger';
import type { CriticalRoute } from './criticalLimits';

/** Where the ledger lives: injected by the host (VS Code's globalState, the CLI's state file, or memory). */
export interface LedgerStore {
  load(): unknown;
  save(ledger: Ledger): void | PromiseLike<void>;
}

/** A store that keeps the ledger in memory (tests, and a run without a host). */
export function memoryLedgerStore(): LedgerStore {
  let kept: unknown;
  return {
    load: () => kept,
    save: (ledger) => void (kept = ledger),
  };
}

/** What a request to a critical route came back with, as its sender read it. */
export interface Sent<T> {
  value: T;
  /** The gateway refused with its critical limit (empty-body 429). */
  limited?: { retryAfterMs?: number };
  /** A usable answer that may answer again for five minutes. */
  keep: boolean;
}

export type CriticalOutcome<T> = { kind: 'answer'; value: T; at: number; reused: boolean } | { kind: 'held'; held: Held };

/**
 * The doctor's budget for the gateway's critical rate limit, one per host process: the ledger
 * (persisted through `store`, read again before every decision so that other windows or processes
 * sharing the store are seen) and the recent answers (memory only). Each run takes a session.
 */
export class CriticalGate {
  readonly answers = new AnswerCache();
  /** Requests under way, by origin, token and route: a second reader waits for the answer instead of asking again. */
  readonly inFlight = new Map<string, Promise<{ sent: Sent<unknown>; at: number }>>();
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: LedgerStore,
    readonly clock: () => number = Date.now,
  ) {}

  /** A run's (or a health check's) share: at most `allowance` requests, at `origin`, for the token known by `tokenKey`. */
  session(origin: string, tokenKey: string, allowance: number): CriticalSession {
    return new CriticalSession(this, origin, tokenKey, allowance);
  }

  /** The ledger as stored now (for tests and the README's numbers). */
  async ledger(): Promise<Ledger> {
    return readLedger(await this.store.load());
  }

  /** Takes one request from the budget, or says why not; read, decision and write happen one at a time. */
  take(origin: string, runSpent: number, allowance: number): Promise<Held | undefined> {
    return this.exclusive(async () => {
      const now = this.clock();
      const ledger = readLedger(await this.store.load());
      const held = heldBack(ledger, origin, now, runSpent, allowance);
      if (!held) await this.store.save(recordSpend(ledger, origin, now));
      return held;
    });
  }

  /** The gateway refused with its critical limit: no request goes to `origin`'s bucket until it has passed. */
  limited(origin: string, retryAfterMs: number | undefined): Promise<void> {
    return this.exclusive(async () => {
      await this.store.save(recordLimited(readLedger(await this.store.load()), origin, this.clock(), retryAfterMs));
    });
  }

  private exclusive<T>(step: () => Promise<T>): Promise<T> {
    const next = this.chain.then(step, step);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

export class CriticalSession {
  /** Requests this session sent to the critical bucket. */
  spent = 0;

  constructor(
    private readonly gate: CriticalGate,
    readonly origin: string,
    private readonly tokenKey: string,
    readonly allowance: number,
  ) {}

  /**
   * Reads a critical route: a kept answer younger than five minutes (and not older than
   * `freshAfter`) if there is one, else one request if the budget allows it, else why not.
   */
  async read<T>(route: CriticalRoute, send: () => Promise<Sent<T>>, freshAfter = 0): Promise<CriticalOutcome<T>> {
    const { answers, clock, inFlight } = this.gate;
    const kept = answers.get(this.origin, this.tokenKey, route, clock(), freshAfter);
    if (kept) return { kind: 'answer', value: kept.value as T, at: kept.at, reused: true };
    const key = `${this.origin}\n${this.tokenKey}\n${route}`;
    const pending = inFlight.get(key);
    if (pending) {
      const shared = await pending;
      if (shared.sent.keep && shared.at >= freshAfter) return { kind: 'answer', value: shared.sent.value as T, at: shared.at, reused: true };
    }
    const held = await this.gate.take(this.origin, this.spent, this.allowance);
    if (held) return { kind: 'held', held };
    this.spent++;
    const at = clock();
    const request = send().then((sent) => ({ sent: sent as Sent<unknown>, at }));
    inFlight.set(key, request);
    try {
      const { sent } = await request;
      if (sent.limited) await this.gate.limited(this.origin, sent.limited.retryAfterMs);
      else if (sent.keep) answers.set(this.origin, this.tokenKey, route, sent.value, at);
      return { kind: 'answer', value: sent.value as T, at, reused: false };
    } finally {
      if (inFlight.get(key) === request) inFlight.delete(key);
    }
  }
}
