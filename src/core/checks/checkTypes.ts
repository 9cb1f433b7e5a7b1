import type { Profile } from '../profile';
import type { SymptomId } from '../symptoms/symptomIds';
import type { GatewayClient } from '../transport/gatewayClient';
import type { NetworkRoute } from '../transport/networkRoute';
import type { RunFacts } from './runFacts';

import type { CheckKind, CheckStatus } from './checkKinds';

export type { CheckKind, CheckStatus } from './checkKinds';
export type MetricValue = number | string | boolean | null;

/** What a request looked like from the outside. Built from the transport log, so it holds no token. */
export interface Evidence {
  method: string;
  url: string;
  status?: number;
  contentType?: string;
  requestId?: string;
  gatewayVersion?: string;
  headersMs?: number;
  totalMs?: number;
  bytes: number;
  bodyExcerpt?: string;
  note?: string;
  /** Which way the request went, in a few words: direct, or through which proxy (never its credentials). */
  via?: string;
  /** When the request started (ISO 8601, this machine's clock). */
  at?: string;
  /** For a request that reached the model: what the gateway's own log recorded of it (set after the log was read). */
  logged?: LoggedEntry;
}

/** A request as the gateway's log recorded it, or that the log did not have it when it was read. */
export interface LoggedEntry {
  found: boolean;
  /** How the entry was found: by the request id the response carried (certain), or by model and time (weaker). */
  by?: 'request-id' | 'time';
  /** The model the gateway billed. */
  model?: string;
  promptTokens?: number;
  completionTokens?: number;
  quota?: number;
  /** The quota in the gateway's display unit ($0.000046, ¥0.00034, 23 quota units). */
  cost?: string;
  /** When the gateway logged it (ISO 8601, the gateway's clock). */
  loggedAt?: string;
}

export interface CheckResult {
  id: string;
  kind: CheckKind;
  title: string;
  model?: string;
  status: CheckStatus;
  durationMs: number;
  summary: string;
  symptom?: SymptomId;
  /** Further lines that help the reader (what was measured, what was inferred). */
  details: string[];
  metrics: Record<string, MetricValue>;
  evidence: Evidence[];
  /** The check could not decide: what the user should look at instead (its checklist items stay theirs to tick). */
  manual?: string;
}

/** What a check's own code decides; the engine adds id, timing and evidence. */
export interface CheckOutcome {
  status: Exclude<CheckStatus, 'skipped'> | 'skipped';
  summary: string;
  symptom?: SymptomId;
  details?: string[];
  metrics?: Record<string, MetricValue>;
  manual?: string;
}

/** Resolves a host name (dns.lookup with all: true), injectable so tests need no real DNS. */
export type Lookup = (hostname: string) => Promise<{ address: string }[]>;

export interface CheckContext {
  profile: Profile;
  lookup: Lookup;
  /** Which way a request to a URL goes (direct or which proxy), when the caller knows. */
  routeOf?: (url: URL) => NetworkRoute;
  signal: AbortSignal;
  facts: RunFacts;
  /** A fresh openai client whose exchanges become this check's evidence. */
  client(): GatewayClient;
  /** The results final so far (a check that runs `after` others sees theirs). */
  finished(): readonly CheckResult[];
}

export interface CheckDefinition {
  id: string;
  kind: CheckKind;
  title: string;
  model?: string;
  /** Checks with a higher priority start first (the slowest ones, so they do not end the run last). */
  priority?: number;
  /** Must finish (pass or warn) before this check starts: it uses their data. */
  needs: string[];
  /** Run alongside; if one of these fails, this check is aborted and reported as blocked. */
  gatedBy: string[];
  /**
   * Starts only once these have finished, whatever their result (the log check reads the gateway's
   * log after the requests it looks for). Ids that are not planned are ignored.
   */
  after?: string[];
  /**
   * The check sends the token. Until a tokenless probe has shown that the base URL's origin is the
   * gateway's API (in this run, or a run before), such a check waits for it and is not sent at all
   * if the probe did not show it.
   */
  sendsToken: boolean;
  run(ctx: CheckContext): Promise<CheckOutcome>;
}
