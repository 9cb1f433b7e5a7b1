// `crazyrouter-doctor --mcp` as an agent meets it: the official SDK's client over stdio, spawning
// the built CLI, against a sandbox gateway in a process of its own. The token comes only from the
// server's environment, never from a tool argument, and never comes back; stdout carries only the
// protocol.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { suite, test } from 'mocha';
import { CLIENT_IDS } from '../../src/core/clients/clients';
import { CLI } from '../support/cliProcess';
import { startSandboxProcess, type SandboxProcess } from '../support/sandboxProcess';

interface Connected {
  client: Client;
  stderr: () => string;
  /** Closes the client; `inFlight` forgives progress that was on its way when a request was cancelled. */
  close: (inFlight?: 'progress-after-cancel') => Promise<void>;
}

/** The SDK's client, spawning `crazyrouter-doctor --mcp` with only `env` (and PATH and HOME) in its environment. */
async function connect(args: string[], env: Record<string, string> = {}): Promise<Connected> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, '--mcp', ...args], env, stderr: 'pipe' });
  let stderr = '';
  const errors: unknown[] = [];
  (transport.stderr as PassThrough | null)?.on('data', (d: Buffer) => (stderr += String(d)));
  const client = new Client({ name: 'crazyrouter-doctor-test', version: '1.0.0' });
  // The SDK's client has a callback property, not events.
  // oxlint-disable-next-line unicorn/prefer-add-event-listener
  client.onerror = (error) => errors.push(error);
  await client.connect(transport);
  return {
    client,
    stderr: () => stderr,
    close: async (inFlight) => {
      await client.close();
      const unexpected = errors.filter((e) => !(inFlight && /progress notification for an unknown token/.test(String(e))));
      assert.deepEqual(unexpected, [], 'the client saw nothing on stdout but the protocol');
    },
  };
}

const text = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

async function withGateway(scenario: string, body: (gateway: SandboxProcess) => Promise<void>): Promise<void> {
  const gateway = await startSandboxProcess(scenario);
  try {
    await body(gateway);
  } finally {
    await gateway.stop();
  }
}

suite('crazyrouter-doctor --mcp, through the official SDK client over stdio', () => {
  test('offers verify_setup and check_client_url; no argument can carry a token', async () => {
    const server = await connect([]);
    try {
      const { tools } = await server.client.listTools();
      assert.deepEqual(tools.map((t) => t.name).toSorted(), ['check_client_url', 'verify_setup']);
      for (const tool of tools) {
        const properties = Object.keys(tool.inputSchema.properties ?? {});
        assert.ok(!properties.some((p) => /token|key|secret|auth|base/i.test(p)), `${tool.name} takes ${properties.join(', ')}`);
        const client: { enum?: string[] } | undefined = tool.inputSchema.properties?.client;
        assert.deepEqual(client?.enum, [...CLIENT_IDS]);
        assert.ok(tool.outputSchema, `${tool.name} declares its structured output`);
      }
      assert.equal(tools.find((t) => t.name === 'check_client_url')?.annotations?.readOnlyHint, true);
      assert.match(server.client.getInstructions() ?? '', /Never ask the user to paste a token/);
      assert.match(server.stderr(), /MCP server ready on stdio; checks go to https:\/\/crazyrouter\.com\/v1/);
    } finally {
      await server.close();
    }
  });

  test('verify_setup runs the checks for the token in CRAZYROUTER_API_KEY and returns the redacted report, with progress', () =>
    withGateway('healthy', async (gateway) => {
      const server = await connect(['--base-url', gateway.baseUrl], { CRAZYROUTER_API_KEY: gateway.key });
      try {
        const progress: { progress: number; total?: number; message?: string }[] = [];
        const result = (await server.client.callTool({ name: 'verify_setup', arguments: { client: 'claude-code' } }, undefined, {
          onprogress: (p) => progress.push(p),
        })) as CallToolResult;
        assert.notEqual(result.isError, true, text(result));
        assert.match(text(result), /^# Crazyrouter Doctor report: PASS/);
        assert.match(text(result), /Claude Code/);
        assert.equal((result.structuredContent as { verdict: string }).verdict, 'pass');
        assert.ok(!JSON.stringify(result).includes(gateway.key), 'the token never comes back');
        assert.ok(progress.length >= 5 && progress.at(-1)!.progress === progress.at(-1)!.total, JSON.stringify(progress));
        assert.ok(progress.some((p) => /Reachability: pass/.test(p.message ?? '')));
        assert.ok(
          (await gateway.requests()).some((r) => r.path.startsWith('/v1/messages')),
          'the client’s own protocol was checked',
        );
      } finally {
        await server.close();
      }
    }));

  test('a failing setup comes back as findings with the fix for the chosen client', () =>
    withGateway('wrong-token', async (gateway) => {
      const server = await connect(['--base-url', gateway.baseUrl], { CRAZYROUTER_API_KEY: gateway.key });
      try {
        const result = (await server.client.callTool({ name: 'verify_setup', arguments: { client: 'cursor', health: true } })) as CallToolResult;
        const structured = result.structuredContent as { verdict: string; findings: { check: string; symptom: string; fix?: string }[] };
        assert.equal(structured.verdict, 'fail');
        const auth = structured.findings.find((f) => f.check === 'Authentication');
        assert.equal(auth?.symptom, '401 unauthorized');
        assert.match(auth?.fix ?? '', /generate a new token/);
        assert.ok(!(await gateway.requests()).some((r) => r.path.includes('chat/completions') && r.authenticated), 'health spends no tokens');
      } finally {
        await server.close();
      }
    }));

  test('without CRAZYROUTER_API_KEY verify_setup says how to configure it; a token passed as an argument is ignored, never used', () =>
    withGateway('healthy', async (gateway) => {
      const server = await connect(['--base-url', gateway.baseUrl]);
      try {
        const result = (await server.client.callTool({
          name: 'verify_setup',
          arguments: { client: 'codex', api_key: gateway.key, token: gateway.key },
        })) as CallToolResult;
        assert.equal(result.isError, true);
        assert.match(text(result), /reads the Crazyrouter token only from the CRAZYROUTER_API_KEY environment variable/);
        assert.ok(!text(result).includes(gateway.key));
        assert.equal((await gateway.requests()).length, 0, 'nothing was sent');
        assert.match(server.stderr(), /CRAZYROUTER_API_KEY is not set/);
      } finally {
        await server.close();
      }
    }));

  test('check_client_url: what the client will call for what was typed, probed without a token, and what to type instead', () =>
    withGateway('healthy', async (gateway) => {
      const server = await connect([], { CRAZYROUTER_API_KEY: 'sk-MustNotTravel0123456789abcdef' });
      try {
        const result = (await server.client.callTool({
          name: 'check_client_url',
          arguments: { client: 'claude-code', typed_url: `${gateway.origin}/v1` },
        })) as CallToolResult;
        const structured = result.structuredContent as { status: string; predictedUrl?: string; valueToType?: string };
        assert.equal(structured.status, 'fail', text(result));
        assert.equal(structured.predictedUrl, `${gateway.origin}/v1/v1/messages?beta=true`);
        assert.equal(structured.valueToType, gateway.origin);
        assert.match(text(result), /^# What Claude Code will call/);
        assert.match(text(result), /Type exactly: `http:\/\/127\.0\.0\.1:\d+`/);
        const served = await gateway.requests();
        assert.ok(served.length > 0 && served.every((r) => r.authVia === undefined), 'probed without any token');
      } finally {
        await server.close();
      }
    }));

  test('a cancelled call stops its requests, and the server goes on serving', () =>
    withGateway('slow-headers', async (gateway) => {
      const server = await connect(['--base-url', gateway.baseUrl, '--timeout', '60000'], { CRAZYROUTER_API_KEY: gateway.key });
      try {
        const controller = new AbortController();
        // Cancelled once the token-carrying checks are under way (the chat requests take 3 s to answer).
        const call = server.client.callTool({ name: 'verify_setup', arguments: { client: 'cursor', models: ['gpt-5.4'] } }, undefined, {
          signal: controller.signal,
          onprogress: (p) => /Authentication/.test(p.message ?? '') && controller.abort(),
        });
        await assert.rejects(call);
        const next = (await server.client.callTool({ name: 'check_client_url', arguments: { client: 'cline', typed_url: gateway.baseUrl } })) as CallToolResult;
        assert.equal((next.structuredContent as { status: string }).status, 'pass', text(next));
      } finally {
        // Progress the server sent before the cancellation reached it arrives after the client forgot the request.
        await server.close('progress-after-cancel');
      }
    }));

  test('an unusable proxy variable is named in the tool’s answer, without its value', async () => {
    const server = await connect([], { CRAZYROUTER_API_KEY: 'sk-0123456789abcdefABCDEF', HTTPS_PROXY: 'socks5://user:Hidden-Secret@127.0.0.1:1080' });
    try {
      const result = (await server.client.callTool({ name: 'verify_setup', arguments: { client: 'cursor' } })) as CallToolResult;
      assert.equal(result.isError, true);
      assert.match(text(result), /^HTTPS_PROXY names a proxy the doctor cannot use/);
      assert.ok(!text(result).includes('Hidden-Secret'));
    } finally {
      await server.close();
    }
  });

  test('stdout carries only JSON-RPC: every line a message, the log on stderr', async () => {
    const child = spawn(process.execPath, [CLI, '--mcp'], { stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (l) => lines.push(l));
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    const send = (message: object) => child.stdin.write(`${JSON.stringify(message)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    const started = Date.now();
    while (lines.length < 2 && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 25));
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0, 'the server exits when its client closes stdin');
    assert.equal(lines.length, 2, lines.join('\n'));
    for (const line of lines) assert.equal((JSON.parse(line) as { jsonrpc: string }).jsonrpc, '2.0');
    assert.match(stderr, /MCP server ready/);
  });

  test('--mcp refuses the options that belong to a single run', async () => {
    const child = spawn(process.execPath, [CLI, '--mcp', '--client', 'cursor'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    assert.equal(await new Promise<number | null>((resolve) => child.once('exit', resolve)), 2);
    assert.match(stderr, /--mcp takes only --base-url, --timeout, --concurrency and --lang;/);
  });
});
