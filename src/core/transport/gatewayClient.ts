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

/**
 * An openai client bound to one check: its own exchange log, no retries, nothing read from env.
 * It serves one request at a time (its log's last exchange is that request's); requests that run
 * at once each take a client of their own.
 */
export interface GatewayClient {
  sdk: OpenAI;
  log: ExchangeLog;
  /** The recording fetch under `sdk`, for other official SDKs (Anthropic) to share its log and limits. */
  fetch: typeof fetch;
  /** Set while a call is under way (callGateway refuses a second one at the same time). */
  busy: boolean;
  /** Per-request options every call passes: timeout and the run's abort signal. */
  request: { timeout: number; signal: AbortSignal };
  /**
   * An SDK for tokenless probes: built without the token, so no Authorization header can be
   * formed, whatever the token holds. Its exchanges go to the same log.
   */
  anonymousSdk: OpenAI;
  /** Options for `anonymousSdk` calls (the SDK's placeholder key header removed too). */
  anonymous: { timeout: number; signal: AbortSignal; headers: Record<string, null> };
}

const SILENT_LOGGER = { error() {}, warn() {}, info() {}, debug() {} };
/** The SDK refuses to build a client without a key; anonymous probes remove the header per request. */
const NO_KEY = 'doctor-anonymous-probe';

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  const log = new ExchangeLog();
  const secret = options.secret;
  const fetch = recordingFetch(log, { ...DEFAULT_FETCH_OPTIONS, deadlineMs: options.timeoutMs, ...options.fetchOptions });
  const common = {
    baseURL: options.baseURL,
    organization: null,
    project: null,
    maxRetries: 0,
    timeout: options.timeoutMs,
    fetch,
    logLevel: 'off' as const,
    logger: SILENT_LOGGER,
  };
  const sdk = new OpenAI({ ...common, apiKey: secret.isEmpty ? NO_KEY : async () => secret.reveal() });
  const anonymousSdk = new OpenAI({ ...common, apiKey: NO_KEY });
  const request = { timeout: options.timeoutMs, signal: options.signal };
  return { sdk, anonymousSdk, log, fetch, busy: false, request, anonymous: { ...request, headers: { Authorization: null } } };
}
