import OpenAI from 'openai';
import type { Secret } from '../secret';
import { ExchangeLog } from './exchange';
import { DEFAULT_FETCH_OPTIONS, recordingFetch, type RecordingFetchOptions } from './recordingFetch';

export interface GatewayClientOptions {
  baseURL: string;
  secret: Secret;
  /** Per-request timeout in ms. */
  timeoutMs: number;
  signal: AbortSignal;
  fetchOptions?: Partial<RecordingFetchOptions>;
}

/** An openai client bound to one check: its own exchange log, no retries, nothing read from env. */
export interface GatewayClient {
  sdk: OpenAI;
  log: ExchangeLog;
  /** The recording fetch under `sdk`, for other official SDKs (Anthropic) to share its log and limits. */
  fetch: typeof fetch;
  /** Per-request options every call passes: timeout and the run's abort signal. */
  request: { timeout: number; signal: AbortSignal };
  /** Options that send a request without the token (for probes that must not spend or leak it). */
  anonymous: { timeout: number; signal: AbortSignal; headers: Record<string, null> };
}

const SILENT_LOGGER = { error() {}, warn() {}, info() {}, debug() {} };
/** The SDK refuses to build a client without a key; anonymous probes remove the header per request. */
const NO_KEY = 'doctor-anonymous-probe';

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const log = new ExchangeLog();
  const secret = options.secret;
  const fetch = recordingFetch(log, { ...DEFAULT_FETCH_OPTIONS, deadlineMs: options.timeoutMs, ...options.fetchOptions });
  const sdk = new OpenAI({
    baseURL: options.baseURL,
    apiKey: secret.isEmpty ? NO_KEY : async () => secret.reveal(),
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: options.timeoutMs,
    fetch,
    logLevel: 'off',
    logger: SILENT_LOGGER,
  });
  const request = { timeout: options.timeoutMs, signal: options.signal };
  return { sdk, log, fetch, request, anonymous: { ...request, headers: { Authorization: null } } };
}
