import { randomBytes } from 'node:crypto';
import { FULL_CATALOG } from './catalog';
import type { GatewaySnapshotId, WordingLang } from '../core/wordings/snapshots';
import type { SandboxToken, Scenario } from './scenarios';

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
  private readonly tokens = new Map<string, SandboxToken>();

  constructor(
    readonly scenario: Scenario,
    readonly timing: SandboxTiming,
    key: string = randomKey(),
    voice: { gateway?: GatewaySnapshotId; lang?: WordingLang } = {},
  ) {
    this.presentedKey = key;
    this.gateway = voice.gateway ?? scenario.gateway;
    this.lang = voice.lang ?? scenario.lang;
    if (scenario.token !== 'unknown') this.tokens.set(this.presentedKey, structuredClone(scenario.token));
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

  /** Tokens charged to a token: one quota unit per token of usage, as a simple price. */
  charge(token: SandboxToken, tokens: number): void {
    token.usedUnits += tokens;
  }

  /** Completion tokens the gateway served (what a verify run spent). */
  completionTokensServed(): number {
    return this.requests.reduce((sum, r) => sum + (r.completionTokens ?? 0), 0);
  }
}
