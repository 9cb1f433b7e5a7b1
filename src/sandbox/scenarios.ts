import { BASELINE_MODEL, CLAUDE_MODEL, RECOMMENDED_MODELS } from '../core/clients/clients';
import { BASE_MODELS } from './catalog';
import type { GatewaySnapshotId, WordingLang } from '../core/wordings/snapshots';
import type { HistoryKind } from './logHistory';

/** One quota unit is $0.000002 (new-api: 500,000 units = $1). */
export const UNITS_PER_USD = 500_000;

export interface SandboxToken {
  name: string;
  state: 'enabled' | 'disabled' | 'expired' | 'exhausted';
  unlimited: boolean;
  grantedUnits: number;
  usedUnits: number;
  /** Allowed model ids; null = no allowlist (every model of the group). */
  allowlist: string[] | null;
  /** Allowed client IPs; null = any. */
  allowIps: string[] | null;
  /** The user's group, whose ratio prices every call. */
  group: string;
}

/** How the gateway keeps the token's log (model/log.go RecordConsumeLog; the user's "record IP" setting). */
export interface LogSetup {
  /** What the token did before the run. */
  history: HistoryKind;
  /** The user turned on IP recording (RecordIpLog): entries carry the client's address. */
  recordIp: boolean;
  /** A new entry shows up this long after its request (a log that lags). */
  lagMs: number;
}

/** How the dashboard shows quota (/api/status quota_display_type). */
export type QuotaDisplayType = 'USD' | 'CNY' | 'TOKENS' | 'CUSTOM';

export type StreamFault = 'buffered' | 'cut' | 'bad-json' | 'no-done' | 'no-usage' | 'error-event' | 'ping';
export type ChatFault =
  | 'rate-limit'
  | 'rate-limit-bare'
  | 'server-error'
  | 'upstream-key'
  | 'proxy-html'
  | 'cdn-challenge'
  | 'user-quota'
  | 'token-quota'
  | 'malformed-json'
  | 'empty-choices'
  | 'thinking-budget';

export interface Faults {
  stream?: StreamFault;
  /** Every chat completion answers with this failure. */
  chat?: ChatFault;
  /** Chat completions wait this long before sending headers. */
  slowHeadersMs?: number;
  /** Models listed but with no channel serving them (503). */
  noChannel?: string[];
  /** Models that reject max_tokens (reasoning models). */
  reasoning?: string[];
  /** The upstream never returns tool calls. */
  noToolCalls?: boolean;
  /** Something in front of the gateway removes the Authorization header (a proxy that drops it). */
  dropAuthorization?: boolean;
  /** A hostile gateway: it lists the presented key among the model ids and quotes it in errors, in several encodings. */
  echoToken?: boolean;
  /** A build whose log records no request ids (a fork, or entries from before PR #2825): requests are found by model and time. */
  logWithoutRequestIds?: boolean;
}

export interface Scenario {
  id: string;
  title: string;
  /** The gateway version whose wordings and routes the sandbox plays (the corpus snapshots). */
  gateway: GatewaySnapshotId;
  /** The token owner's language setting, which new-api uses before Accept-Language. */
  lang?: WordingLang;
  /** The token the client presents: one the gateway knows, or an unknown one. */
  token: SandboxToken | 'unknown';
  /** What the user typed after the origin: '/v1' is right; '' is the website; '/v1/v1' doubles. */
  basePath: string;
  faults: Faults;
  /** A per-request timeout that makes a slow-headers fault observable. */
  timeoutMs?: number;
  log: LogSetup;
  display: QuotaDisplayType;
  /** The site turned its pricing page off: /api/pricing answers 403 "pricing is disabled". */
  pricingHidden?: boolean;
  /** Requests already in this machine's critical bucket when the run starts (the user's dashboard logins). */
  criticalSpent?: number;
}

export const DEFAULT_LOG: LogSetup = { history: 'everyday', recordIp: true, lagMs: 0 };

export const HEALTHY_TOKEN: SandboxToken = {
  name: 'cursor',
  state: 'enabled',
  unlimited: false,
  grantedUnits: 20 * UNITS_PER_USD,
  usedUnits: 3.1 * UNITS_PER_USD,
  allowlist: BASE_MODELS.map((m) => m.id),
  allowIps: null,
  group: 'default',
};

const token = (changes: Partial<SandboxToken>): SandboxToken => ({ ...HEALTHY_TOKEN, ...changes });
const scenario = (id: string, title: string, changes: Partial<Omit<Scenario, 'id' | 'title'>> = {}): Scenario => ({
  id,
  title,
  gateway: 'new-api@2026-08',
  token: HEALTHY_TOKEN,
  basePath: '/v1',
  faults: {},
  log: DEFAULT_LOG,
  display: 'USD',
  ...changes,
});
const log = (changes: Partial<LogSetup>): LogSetup => ({ ...DEFAULT_LOG, ...changes });

export const SCENARIOS: readonly Scenario[] = [
  scenario('healthy', 'Everything set up as the guides recommend'),
  scenario('wrong-token', 'A token the gateway does not know', { token: 'unknown' }),
  scenario('expired-token', 'The token has expired', { token: token({ state: 'expired' }) }),
  scenario('disabled-token', 'The token is disabled (Feb 2026 wording)', { gateway: 'new-api@2026-02', token: token({ state: 'disabled' }) }),
  scenario('disabled-token-2026', 'The token is disabled; the relay only says "Invalid token" (Aug 2026)', { token: token({ state: 'disabled' }) }),
  scenario('header-dropped', 'A proxy in front of the gateway drops the Authorization header', { faults: { dropAuthorization: true } }),
  scenario('upstream-key', 'The provider rejects the gateway’s own channel key (after the token was accepted)', { faults: { chat: 'upstream-key' } }),
  scenario('cdn-challenge', 'A CDN answers chat calls with an HTML challenge page (403)', { faults: { chat: 'cdn-challenge' } }),
  scenario('thinking-budget', 'The upstream rejects max_tokens below the thinking budget', { faults: { chat: 'thinking-budget' } }),
  scenario('echo-token', 'A hostile gateway echoes the token back (as model ids and in errors, in several encodings)', {
    faults: { echoToken: true, noChannel: ['gemini-3-pro-preview'] },
  }),
  scenario('chinese-gateway', 'The token owner reads Chinese: every gateway message comes in zh-CN', { token: 'unknown', lang: 'zh-CN' }),
  scenario('exhausted-token', 'The token’s quota is used up', { token: token({ state: 'exhausted', usedUnits: 20 * UNITS_PER_USD }) }),
  scenario('model-not-allowed', 'A chosen model is not in the token’s allowlist', {
    token: token({ allowlist: RECOMMENDED_MODELS.filter((m) => m !== CLAUDE_MODEL) }),
  }),
  scenario('no-channel', 'No channel serves a chosen model', { faults: { noChannel: ['gemini-3-pro-preview'] } }),
  scenario('ip-restricted', 'The token only works from another IP', { token: token({ allowIps: ['10.0.0.0/8'] }) }),
  scenario('user-quota', 'The account balance is used up', { faults: { chat: 'user-quota' } }),
  scenario('token-quota', 'The token cannot pre-pay the request', { faults: { chat: 'token-quota' } }),
  scenario('unlimited-quota', 'No quota cap and no model allowlist', { token: token({ unlimited: true, allowlist: null }) }),
  scenario('quota-low', 'The token has almost used up its quota', { token: token({ usedUnits: 19.4 * UNITS_PER_USD }) }),
  scenario('allowlist-empty', 'The allowlist is enabled but empty', { token: token({ allowlist: [] }) }),
  scenario('missing-v1', 'Base URL without /v1: the website answers', { basePath: '' }),
  scenario('double-v1', 'Base URL with /v1 twice', { basePath: '/v1/v1' }),
  scenario('full-endpoint', 'A full endpoint typed as the base URL', { basePath: '/v1/chat/completions' }),
  scenario('buffered-stream', 'A proxy buffers the event stream', { faults: { stream: 'buffered' } }),
  scenario('stream-cut', 'The stream is cut off mid-way', { faults: { stream: 'cut' } }),
  scenario('stream-bad-json', 'A data: line of the stream is not JSON', { faults: { stream: 'bad-json' } }),
  scenario('stream-no-done', 'The stream never sends [DONE]', { faults: { stream: 'no-done' } }),
  scenario('stream-error-event', 'The stream carries an error event', { faults: { stream: 'error-event' } }),
  scenario('stream-no-usage', 'The stream has no usage chunk (older gateways)', { faults: { stream: 'no-usage' } }),
  scenario('stream-ping', 'Keep-alive : PING lines inside the stream (harmless)', { faults: { stream: 'ping' } }),
  scenario('slow-headers', 'Chat completions take longer than the timeout', { faults: { slowHeadersMs: 3_000 }, timeoutMs: 1_000 }),
  scenario('rate-limited', '429 with retry-after on chat', { faults: { chat: 'rate-limit' } }),
  scenario('rate-limited-bare', '429 with an empty body and no retry-after', { faults: { chat: 'rate-limit-bare' } }),
  scenario('server-error', '500 from the gateway', { faults: { chat: 'server-error' } }),
  scenario('proxy-502', '502 HTML page from a proxy', { faults: { chat: 'proxy-html' } }),
  scenario('malformed-json', 'Broken JSON with a JSON content type', { faults: { chat: 'malformed-json' } }),
  scenario('empty-choices', 'A 200 completion with no choices', { faults: { chat: 'empty-choices' } }),
  scenario('reasoning-model', 'The baseline model rejects max_tokens', { faults: { reasoning: [BASELINE_MODEL] } }),
  scenario('no-tool-calls', 'The model never calls tools', { faults: { noToolCalls: true } }),
  scenario('one-api', 'An older one-api gateway (no token usage route)', { gateway: 'one-api@2025-02' }),
  scenario('log-delayed', 'The gateway’s log lags: this run’s requests show up two minutes late', { log: log({ lagMs: 120_000 }) }),
  scenario('long-prompts', 'The bill is driven by long multi-turn conversations', { log: log({ history: 'long-prompts' }) }),
  scenario('retries', 'A client resends identical requests within seconds (IP recording off)', { log: log({ history: 'retries', recordIp: false }) }),
  scenario('shared-token', 'The token is used from four machines', { log: log({ history: 'shared-token' }) }),
  scenario('critical-limit', 'The gateway’s critical rate limit is used up (dashboard logins)', { criticalSpent: 20 }),
  scenario('pricing-hidden', 'The site keeps its pricing page private; quota shown in CNY', { pricingHidden: true, display: 'CNY' }),
  scenario('old-log-route', 'new-api of April 2025: its token log takes the key in the URL', { gateway: 'new-api@2025-04' }),
];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
