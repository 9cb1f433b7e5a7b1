import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { GatewaySnapshotId, WordingLang } from '../core/wordings/snapshots';
import type { AddressInfo, Socket } from 'node:net';
import { dashboardPage } from './dashboardPage';
import { sendSituation } from './gatewayErrors';
import { GATEWAYS } from './gatewayVersions';
import { newRequestId, pause, sendText } from './httpUtil';
import { retrieveModel, routesFor, type Route } from './routes';
import { SandboxState, type RequestRecord, type SandboxTiming } from './sandboxState';
import { findScenario, type Scenario } from './scenarios';
import { authenticate } from './tokenAuth';

export interface SandboxOptions {
  scenario?: Scenario | string;
  latencyMs?: number;
  chunkIntervalMs?: number;
  /** The key the scenario's token has (random by default). */
  key?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Play another gateway version than the scenario's (its wordings and routes), or answer in another language. */
  gateway?: GatewaySnapshotId;
  lang?: WordingLang;
  /** Called with each request once it is answered (never with the key). */
  onRequest?: (record: RequestRecord) => void;
  /** The gateway's clock (ms since the epoch); tests move it to play 20 minutes without waiting. */
  clock?: () => number;
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** What the user would have typed in this scenario: origin + the scenario's base path. */
  baseUrl: string;
  /** The key the client presents in this scenario. */
  key: string;
  scenario: Scenario;
  state: SandboxState;
  /** Open sockets, idle keep-alive ones included. */
  openConnections(): number;
  /** Requests whose response has not finished or closed yet. */
  inFlight(): number;
  close(): Promise<void>;
}

export const DEFAULT_TIMING: SandboxTiming = { latencyMs: 0, chunkIntervalMs: 12 };

/** Starts a gateway imitation on 127.0.0.1 that answers like new-api (or one-api) in the given scenario. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const scenario = typeof options.scenario === 'string' ? findScenario(options.scenario) : (options.scenario ?? findScenario('healthy'));
  if (!scenario) throw new Error(`unknown sandbox scenario: ${typeof options.scenario === 'string' ? options.scenario : (options.scenario?.id ?? '')}`);
  const state = new SandboxState(
    scenario,
    { latencyMs: options.latencyMs ?? DEFAULT_TIMING.latencyMs, chunkIntervalMs: options.chunkIntervalMs ?? DEFAULT_TIMING.chunkIntervalMs },
    options.key,
    { gateway: options.gateway, lang: options.lang },
    options.clock,
  );
  const routes = routesFor(state);
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const server = createServer((req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
    handle(req, res, state, routes, options.onRequest).catch(() => res.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await listen(server, options.port ?? 0);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    baseUrl: `${origin}${scenario.basePath}`,
    key: state.presentedKey,
    scenario,
    state,
    openConnections: () => sockets.size,
    inFlight: () => inFlight,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The critical limit's refusal: 429 with no body, and the window as Retry-After where the version sends it (middleware/rate-limit.go writeRateLimited). */
function criticalLimited(res: ServerResponse, state: SandboxState): void {
  const retryAfter = GATEWAYS[state.gateway].criticalRetryAfter ? { 'Retry-After': String(state.critical.durationSeconds) } : {};
  res.writeHead(429, { 'Content-Length': '0', ...retryAfter });
  res.end();
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, state: SandboxState, routes: Route[], onRequest: SandboxOptions['onRequest']): Promise<void> {
  const method = req.method ?? 'GET';
  const uri = req.url ?? '/';
  const path = new URL(uri, 'http://sandbox').pathname;
  const authVia = req.headers.authorization !== undefined ? 'authorization' : req.headers['x-api-key'] !== undefined ? 'x-api-key' : undefined;
  const record: RequestRecord = { method, path, status: 0, authenticated: false, authVia, at: state.now() };
  res.once('close', () => {
    record.status = res.statusCode;
    state.requests.push(record);
    onRequest?.(record);
  });
  res.setHeader('X-Oneapi-Request-Id', newRequestId());
  const version = GATEWAYS[state.gateway].versionHeader;
  if (version) res.setHeader('X-New-Api-Version', version);
  res.setHeader('Access-Control-Allow-Origin', '*');
  await pause(state.timing.latencyMs, res);
  if (res.destroyed) return;
  if (method === 'OPTIONS') {
    res.writeHead(204, { 'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS', 'Access-Control-Allow-Headers': '*' });
    return void res.end();
  }
  const route = routes.find((r) => r.method === method && r.path === path);
  if (route) {
    if (route.critical) {
      const passed = state.critical.request(req.socket.remoteAddress ?? '');
      record.critical = passed ? 'passed' : 'refused';
      if (!passed) return criticalLimited(res, state);
    }
    if (route.auth === 'public') return route.serve(req, res, state);
    const token = authenticate(req, res, path, state, route.auth);
    if (!token) return;
    record.authenticated = true;
    return route.handle(req, res, state, token, record);
  }
  const slashTwin = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
  if (routes.some((r) => r.method === method && r.path === slashTwin)) {
    // gin's RedirectTrailingSlash: 301 for GET, 307 for other methods.
    res.writeHead(method === 'GET' ? 301 : 307, { Location: slashTwin });
    return void res.end();
  }
  const retrieve = /^\/v1\/models\/(.+)$/.exec(path);
  if (method === 'GET' && retrieve?.[1]) {
    const token = authenticate(req, res, path, state, 'relay');
    if (token) retrieveModel(res, state, decodeURIComponent(retrieve[1]));
    return;
  }
  if (/^\/(v1|api|assets)(\/|$)/.test(path)) return sendSituation(res, state, 'invalid-url', { path: uri });
  sendText(res, 200, 'text/html; charset=utf-8', dashboardPage(state.gateway), { 'Cache-Control': 'no-cache' });
}
