import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { CLIENT_IDS, CLIENTS } from '../../core/clients/clients';
import { URL_RULE_IDS } from '../../core/clients/urlRules';
import { fillTemplate } from '../../core/fillTemplate';
import { PROFILE_LIMITS } from '../../core/profileLimits';
import { renderMarkdown } from '../../core/report/markdown';
import type { Report } from '../../core/report/report';
import { renderUrlDoctorMarkdown } from '../../core/report/urlDoctorMarkdown';
import { DOCTOR_VERSION } from '../../core/version';
import { EXIT, type CliIo } from '../cliIo';
import { urlDoctorForAgent, verifyForAgent, type AgentRun, type AgentServerOptions } from './agentRuns';
import { progressNotifier } from './progressNotifier';

/**
 * What the server tells an agent about itself and its tools: whole sentences, in English whatever
 * the language. They are the model's instructions, not a person's screen, like the tool names and
 * the JSON: every model reads English, the wording the tools were tried with stays the same on every
 * machine, and an agent answers its user in the user's language anyway. The reports the tools return
 * (and their findings) do follow `--lang` and the locale, as on the command line.
 */
const SAY = {
  instructions:
    'Crazyrouter Doctor checks whether an AI client (Cherry Studio, Cursor, Claude Code, Codex, Cline, VS Code chat) is correctly connected to Crazyrouter, an OpenAI-compatible LLM gateway, and says exactly what to fix. Use verify_setup to run the checks with the token configured for this server; use check_client_url to learn what a client will really call for the URL the user typed. Never ask the user to paste a token into the chat: the token is configured in this server’s environment.',
  verifyTitle: 'Verify a Crazyrouter setup',
  verify:
    'Runs Crazyrouter Doctor’s checks for the token in this server’s CRAZYROUTER_API_KEY against its configured base URL ({baseUrl}): reachability (and which proxy carried the requests), the base URL, the token, the model allowlist, a chat completion per model (at most 16 completion tokens each), streaming, tool calling, the client’s own protocol, and the quota. Returns the redacted Markdown report: the verdict, each failing check with its cause and the exact fix for the chosen client. The token is never part of the input or the output.',
  urlTitle: 'What will this client call?',
  url: 'The URL doctor: given what the user typed in a client’s base-URL field, returns the URL that client will really call, probes it without any token (API, website or wrong path), and says exactly what to type instead. Sends no token and spends nothing.',
  client: 'The AI client being set up: {clients}.',
  models: 'Models to probe with one minimal chat completion each (default: the recommended models). The first one is also used for streaming and tool calling.',
  typedUrl: 'What the user typed in the client’s base-URL field, exactly as typed.',
  urlRule:
    'Which of the client’s URL rules applies, when it differs by version (e.g. cherry-studio@1.6 for Cherry Studio 1.6 and older). Default: the client’s current rule.',
  health: 'Only the free checks (model list and quota; no completions, no tokens spent).',
  model: 'The model the client will use (Continue picks its API by model).',
  progress: '{title}: {status}',
  ready: 'MCP server ready on stdio; checks go to {baseUrl}; the token is read from CRAZYROUTER_API_KEY.',
  readyNoToken:
    'MCP server ready on stdio; checks go to {baseUrl}; CRAZYROUTER_API_KEY is not set, so verify_setup will ask for it (check_client_url needs no token).',
} as const;

const ClientId = z.enum(CLIENT_IDS).describe(fillTemplate(SAY.client, { clients: CLIENT_IDS.map((id) => `${id} (${CLIENTS[id].name})`).join(', ') }));
const UrlRule = z.enum(URL_RULE_IDS).describe(SAY.urlRule);

const VerifyOutput = {
  verdict: z.enum(['pass', 'warn', 'fail', 'cancelled']),
  counts: z.object({ pass: z.number(), warn: z.number(), fail: z.number(), skipped: z.number() }),
  baseUrl: z.string(),
  network: z.string().optional(),
  findings: z.array(z.object({ check: z.string(), symptom: z.string(), fix: z.string().optional() })),
};

const UrlOutput = {
  status: z.enum(['pass', 'warn', 'fail', 'skipped']),
  summary: z.string(),
  predictedUrl: z.string().optional(),
  valueToType: z.string().optional(),
};

/** A run that could not start: the reason as text, flagged as an error the agent can read. */
const refused = (run: Extract<AgentRun, { ok: false }>): CallToolResult => ({ isError: true, content: [{ type: 'text', text: run.message }] });

function verifyResult(report: Report): CallToolResult {
  const findings = report.findings.map((f) => ({
    check: report.results.find((r) => r.id === f.checkId)?.title ?? f.checkId,
    symptom: f.rowSymptom ?? f.symptom,
    fix: f.fix,
  }));
  return {
    content: [{ type: 'text', text: renderMarkdown(report) }],
    structuredContent: { verdict: report.verdict, counts: report.counts, baseUrl: report.target.baseUrl, network: report.target.network, findings },
  };
}

function urlResult(report: Report, typed: string): CallToolResult {
  const result = report.results[0];
  const metric = (name: string) => (typeof result?.metrics[name] === 'string' ? result.metrics[name] : undefined);
  return {
    content: [{ type: 'text', text: renderUrlDoctorMarkdown(report, typed) }],
    structuredContent: {
      status: result?.status ?? 'skipped',
      summary: result?.summary ?? '',
      predictedUrl: metric('predictedUrl'),
      valueToType: metric('valueToType'),
    },
  };
}

/** The MCP server: two tools over the official SDK, bound to one base URL. */
export function createDoctorServer(options: AgentServerOptions): McpServer {
  const server = new McpServer({ name: 'crazyrouter-doctor', title: 'Crazyrouter Doctor', version: DOCTOR_VERSION }, { instructions: SAY.instructions });
  server.registerTool(
    'verify_setup',
    {
      title: SAY.verifyTitle,
      description: fillTemplate(SAY.verify, { baseUrl: options.baseUrl }),
      inputSchema: {
        client: ClientId,
        models: z.array(z.string().trim().min(1).max(200)).max(PROFILE_LIMITS.maxModels).optional().describe(SAY.models),
        typed_url: z.string().max(8_192).optional().describe(SAY.typedUrl),
        url_rule: UrlRule.optional(),
        health: z.boolean().optional().describe(SAY.health),
      },
      outputSchema: VerifyOutput,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async (input, extra) => {
      const progressToken = extra._meta?.progressToken;
      const progress =
        progressToken === undefined
          ? undefined
          : progressNotifier(
              (done, total, result) =>
                // Nothing more is said about a request the client cancelled.
                !extra.signal.aborted &&
                void extra
                  .sendNotification({
                    method: 'notifications/progress',
                    params: { progressToken, progress: done, total, message: fillTemplate(SAY.progress, { title: result.title, status: result.status }) },
                  })
                  .catch(() => undefined),
            );
      const run = await verifyForAgent(
        options,
        { client: input.client, models: input.models, typedUrl: input.typed_url, urlRule: input.url_rule, health: input.health },
        extra.signal,
        progress?.onCheck,
      );
      await progress?.quiet(extra.signal);
      return run.ok ? verifyResult(run.report) : refused(run);
    },
  );
  server.registerTool(
    'check_client_url',
    {
      title: SAY.urlTitle,
      description: SAY.url,
      inputSchema: {
        client: ClientId,
        typed_url: z.string().max(8_192).describe(SAY.typedUrl),
        url_rule: UrlRule.optional(),
        model: z.string().max(200).optional().describe(SAY.model),
      },
      outputSchema: UrlOutput,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
    },
    async (input, extra) => {
      const run = await urlDoctorForAgent(
        options,
        { client: input.client, typedUrl: input.typed_url, urlRule: input.url_rule, model: input.model },
        extra.signal,
      );
      return run.ok ? urlResult(run.report, input.typed_url) : refused(run);
    },
  );
  return server;
}

/**
 * `crazyrouter-doctor --mcp`: serves until the client closes stdin. Standard output carries the
 * protocol and nothing else; the server's own messages go to standard error.
 */
export async function runMcpServer(options: Omit<AgentServerOptions, 'env' | 'log'>, io: CliIo): Promise<number> {
  const log = (line: string) => void io.stderr.write(`crazyrouter-doctor: ${line}\n`);
  const server = createDoctorServer({ ...options, env: io.env, log });
  const transport = new StdioServerTransport(io.stdin, io.stdout);
  const closed = new Promise<void>((resolve) => {
    // The SDK's transport has a callback property, not events.
    // oxlint-disable-next-line unicorn/prefer-add-event-listener
    transport.onclose = resolve;
    io.stdin.once('end', () => void transport.close());
    io.signal?.addEventListener('abort', () => void transport.close(), { once: true });
  });
  await server.connect(transport);
  log(fillTemplate(io.env.CRAZYROUTER_API_KEY?.trim() ? SAY.ready : SAY.readyNoToken, { baseUrl: options.baseUrl }));
  await closed;
  await server.close();
  return EXIT.ok;
}
