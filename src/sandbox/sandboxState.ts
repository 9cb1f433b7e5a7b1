import { randomBytes } from 'node:crypto';
import { FULL_CATALOG } from './catalog';
import type { GatewaySnapshotId, WordingLang } from '../core/wordings/snapshots';
import type { SandboxToken, Scenario } from './scenarios';
import { CriticalLimiter } from './criticalLimiter';
import { billed, pastCalls } from './logHistory';
import { quotaFor } from './prices';

/** What the sandbox recorded of one request, for tests and the benchmark (never the key). */
export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  model?: string;
  stream?: boolean;
  promptTokens?: number;
  completionTokens?: number;
  limitParam?: 'max_tokens' | 'max_completion_tokens' | null;
  /** The key was accepted. */
  authenticated: boolean;
  /** The credential header the request arrived with, accepted or not (never the key itself); none for a tokenless probe. */
  authVia?: 'authorization' | 'x-api-key';
  /** When it arrived, ms since the epoch on the sandbox's clock (tests move it). */
  at: number;
  /** The route counts toward the gateway's critical rate limit, and whether that limit refused it. */
  critical?: 'passed' | 'refused';
}

/** One entry of a token's log as the gateway stores it (model/log.go `type Log`; the route formats it). */
export interface StoredLog {
  /** The database id (the route shows another one). */
  dbId: number;
  key: string;
  createdAt: number;
  type: number;
  content: string;
  model: string;
  quota: number;
  promptTokens: number;
  completionTokens: number;
  useTime: number;
  stream: boolean;
  group: string;
  ip: string;
  requestId: string;
  /** ms on the sandbox clock from when the route shows it (a lagging log). */
  visibleAt: number;
}

/** A billed call, as the relay reports it once its response has ended. */
export interface Consumed {
  model: string;
  promptTokens: number;
  completionTokens: number;
  stream: boolean;
  requestId: string;
  ip: string;
  /** ms on the sandbox clock when the request arrived. */
  startedAt: number;
}

export interface SandboxTiming {
  /** Added before the response headers of every request. */
  latencyMs: number;
  /** Pause between two stream chunks. */
  chunkIntervalMs: number;
}

export function randomKey(): string {
  return `sk-${randomBytes(36).toString('base64url').replace(/[-_]/g, 'x').slice(0, 48)}`;
}

/** The gateway's state for one scenario: its tokens, its catalogue, and a log of what it served. */
export class SandboxState {
  /** The key a client should present in this scenario (unknown to the gateway in `wrong-token`). */
  readonly presentedKey: string;
  readonly requests: RequestRecord[] = [];
  /** The gateway version the sandbox plays (the scenario's, unless the caller chose another). */
  readonly gateway: GatewaySnapshotId;
  /** The token owner's language, when set; otherwise each request's Accept-Language decides. */
  readonly lang?: WordingLang;
  /** Every token's log, oldest first. */
  readonly logs: StoredLog[] = [];
  /** The gateway's critical rate limit (20 per 20 minutes per client IP). */
  readonly critical: CriticalLimiter;
  private readonly tokens = new Map<string, SandboxToken>();

  constructor(
    readonly scenario: Scenario,
    readonly timing: SandboxTiming,
    key: string = randomKey(),
    voice: { gateway?: GatewaySnapshotId; lang?: WordingLang } = {},
    /** The gateway's clock (ms since the epoch): tests move it instead of waiting. */
    readonly now: () => number = Date.now,
  ) {
    this.presentedKey = key;
    this.gateway = voice.gateway ?? scenario.gateway;
    this.lang = voice.lang ?? scenario.lang;
    this.critical = new CriticalLimiter(now);
    this.critical.prefill('127.0.0.1', scenario.criticalSpent ?? 0);
    if (scenario.token !== 'unknown') {
      const token = structuredClone(scenario.token);
      this.tokens.set(this.presentedKey, token);
      for (const c of pastCalls(scenario.log.history, now())) {
        this.store({
          key: this.presentedKey,
          createdAt: Math.floor(c.at / 1000),
          type: c.type,
          content: c.content,
          model: c.model,
          quota: billed(c, token.group),
          promptTokens: c.promptTokens,
          completionTokens: c.completionTokens,
          useTime: 3,
          ip: scenario.log.recordIp ? c.ip : '',
        });
      }
    }
  }

  private store(entry: Pick<StoredLog, 'key' | 'createdAt' | 'type' | 'content' | 'model' | 'quota'> & Partial<StoredLog>): void {
    this.logs.push({
      dbId: this.logs.length + 1,
      promptTokens: 0,
      completionTokens: 0,
      useTime: 0,
      stream: false,
      group: this.tokenFor(entry.key)?.group ?? 'default',
      ip: '',
      requestId: '',
      visibleAt: 0,
      ...entry,
    });
  }

  tokenFor(key: string): SandboxToken | undefined {
    return this.tokens.get(key.replace(/^sk-/, '') === key ? `sk-${key}` : key);
  }

  /** `GET /v1/models`: the group's models intersected with the token's allowlist. */
  visibleModels(token: SandboxToken): string[] {
    const ids = FULL_CATALOG.map((m) => m.id);
    return token.allowlist ? ids.filter((id) => token.allowlist!.includes(id)) : ids;
  }

  isReasoning(model: string): boolean {
    return (this.scenario.faults.reasoning ?? []).includes(model) || FULL_CATALOG.some((m) => m.id === model && m.reasoning === true);
  }

  /**
   * A call the relay served: the token is charged at the model's price for its group, and the call
   * is logged once its response has ended (model/log.go RecordConsumeLog; the IP only when the user
   * records IPs), shown by the log route after the scenario's lag.
   */
  consume(token: SandboxToken, call: Consumed): void {
    const quota = quotaFor(call.model, token.group, call.promptTokens, call.completionTokens);
    token.usedUnits += quota;
    const now = this.now();
    const key = [...this.tokens].find(([, t]) => t === token)?.[0] ?? this.presentedKey;
    this.store({
      key,
      createdAt: Math.floor(now / 1000),
      type: 2,
      content: '',
      model: call.model,
      quota,
      promptTokens: call.promptTokens,
      completionTokens: call.completionTokens,
      useTime: Math.max(0, Math.round((now - call.startedAt) / 1000)),
      stream: call.stream,
      group: token.group,
      ip: this.scenario.log.recordIp ? call.ip : '',
      requestId: call.requestId,
      visibleAt: now + this.scenario.log.lagMs,
    });
  }

  /** Completion tokens the gateway served (what a verify run spent). */
  completionTokensServed(): number {
    return this.requests.reduce((sum, r) => sum + (r.completionTokens ?? 0), 0);
  }
}
