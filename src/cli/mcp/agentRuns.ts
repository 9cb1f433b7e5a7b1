import { hostname } from 'node:os';
import { clientUrlCheck } from '../../core/checks/clientUrlCheck';
import { GATEWAY_OPENAI_BASE, type ClientId } from '../../core/clients/clients';
import type { UrlRuleId } from '../../core/clients/urlRules';
import type { CheckDefinition, CheckResult } from '../../core/checks/checkTypes';
import { verify } from '../../core/engine/verify';
import { describeMachine } from '../../core/machine';
import { parseProfile } from '../../core/profile';
import { redact } from '../../core/redact';
import type { Report } from '../../core/report/report';
import { Secret } from '../../core/secret';
import { proxyProblem } from '../../core/transport/envProxy';
import { envNetwork } from '../envNetwork';

/** What a server started with `--mcp` is bound to: where the token goes is fixed here, never by a tool call. */
export interface AgentServerOptions {
  baseUrl: string;
  timeoutMs?: number;
  concurrency?: number;
  env: NodeJS.ProcessEnv;
  /** Where the server's own messages go: standard error, never the protocol's stdout. */
  log: (line: string) => void;
}

export type AgentRun = { ok: true; report: Report } | { ok: false; message: string };

/** The messages an agent gets instead of a report: whole sentences with `{placeholders}`, in English for the model (see mcpServer.ts). */
export const AGENT_SAY = {
  noToken:
    'No token: this MCP server reads the Crazyrouter token only from the CRAZYROUTER_API_KEY environment variable of its own process. Ask the user to add it to the server’s "env" in their MCP client configuration (never paste it into the chat), then try again.',
  invalid: 'Cannot run: {errors}',
} as const;

/** Calls `onCheck` with each finished check, for progress notifications. */
type OnCheck = (done: number, total: number, result: CheckResult) => void;

/**
 * The full verification for the token in CRAZYROUTER_API_KEY against the server's base URL, as the
 * command line runs it (proxies included). The report is redacted; nothing here can carry the token
 * anywhere but the configured base URL's origin, and only after a tokenless probe showed it is the
 * gateway's API.
 */
export async function verifyForAgent(
  server: AgentServerOptions,
  input: { client: ClientId; models?: string[]; typedUrl?: string; urlRule?: UrlRuleId; health?: boolean },
  signal: AbortSignal,
  onCheck?: OnCheck,
): Promise<AgentRun> {
  const raw = server.env.CRAZYROUTER_API_KEY;
  if (!raw?.trim()) return { ok: false, message: AGENT_SAY.noToken };
  const token = Secret.of(raw);
  const parsed = parseProfile(
    {
      baseUrl: server.baseUrl,
      client: input.client,
      models: input.models && input.models.length > 0 ? input.models : undefined,
      timeoutMs: server.timeoutMs,
      mode: input.health ? 'health' : 'full',
      typedUrl: input.typedUrl,
      urlRule: input.urlRule,
    },
    token,
  );
  if (!parsed.ok) return { ok: false, message: redact(AGENT_SAY.invalid.replace('{errors}', parsed.errors.join('; ')), token) };
  return run(server, parsed.profile, signal, onCheck);
}

/**
 * The URL doctor alone: what `client` will really call for `typedUrl`, probed without any token,
 * and what to type instead.
 */
export async function urlDoctorForAgent(
  server: AgentServerOptions,
  input: { client: ClientId; typedUrl: string; urlRule?: UrlRuleId; model?: string },
  signal: AbortSignal,
): Promise<AgentRun> {
  const parsed = parseProfile(
    {
      baseUrl: GATEWAY_OPENAI_BASE,
      client: input.client,
      models: input.model ? [input.model] : undefined,
      timeoutMs: server.timeoutMs,
      typedUrl: input.typedUrl,
      urlRule: input.urlRule,
    },
    Secret.of(''),
  );
  if (!parsed.ok) return { ok: false, message: AGENT_SAY.invalid.replace('{errors}', parsed.errors.join('; ')) };
  return run(server, parsed.profile, signal, undefined, [clientUrlCheck]);
}

async function run(
  server: AgentServerOptions,
  profile: Parameters<typeof verify>[0],
  signal: AbortSignal,
  onCheck?: OnCheck,
  checks?: CheckDefinition[],
): Promise<AgentRun> {
  const urls = checks ? [profile.typedUrl ?? ''] : [profile.baseUrl, profile.typedUrl ?? ''];
  const problem = proxyProblem(urls, server.env);
  if (problem) return { ok: false, message: problem };
  const network = envNetwork(server.env);
  let total = 0;
  let done = 0;
  try {
    const report = await verify(profile, {
      runsOn: describeMachine(hostname()),
      signal,
      concurrency: server.concurrency,
      checks,
      routeOf: network.routeOf,
      fetchOptions: network.fetch ? { baseFetch: network.fetch } : undefined,
      onEvent: (event) => {
        if (event.type === 'planned') total = event.checks.length;
        if (event.type === 'finished') onCheck?.(++done, total, event.result);
        if (event.type === 'internal-error') server.log(`internal error in check ${event.id}:\n${event.stack}`);
      },
    });
    return { ok: true, report };
  } finally {
    await network.close();
  }
}
