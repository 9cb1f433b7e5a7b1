import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'mocha';
import { inspect, promisify } from 'node:util';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { renderMarkdown } from '../../src/core/report/markdown';
import { Secret } from '../../src/core/secret';
import { startSandbox } from '../../src/sandbox/sandboxServer';
import { runScenario } from '../support/runScenario';
import { checkLines, renderTail } from '../../src/cli/printReport';
import { terminalFor } from '../../src/cli/style';

const run = promisify(execFile);
const PLAIN = terminalFor({ isTTY: false } as NodeJS.WriteStream, {}).style;
const CANARY = 'sk-CANARYc4n4ry0000111122223333444455556666';
/** Every form in which the token could leak: whole, and its distinctive middle. */
const leaks = (text: string) => text.includes(CANARY) || text.includes('c4n4ry0000111122223333');

async function cli(args: string[], env: Record<string, string>): Promise<string> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['dist/cli.js', ...args], { env: { ...process.env, ...env, NO_COLOR: '1' } });
    return stdout + stderr;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
}

// Each format of the CLI's own process with two outcomes; the next test renders every format of
// every outcome in-process, where a run costs a fraction of a process start.
test('the CLI never prints the token, in any format or outcome', async () => {
  const FORMATS = [[], ['--json'], ['--markdown']];
  const scenarios = ['healthy', 'wrong-token', 'model-not-allowed', 'missing-v1', 'stream-cut', 'malformed-json'];
  await Promise.all(
    scenarios.map(async (scenario, i) => {
      const format = FORMATS[i % FORMATS.length]!;
      const sandbox = await startSandbox({ scenario, key: CANARY });
      try {
        const out = await cli(['--base-url', sandbox.baseUrl, ...format], { CRAZYROUTER_API_KEY: `  Bearer ${CANARY}\n` });
        assert.ok(out.length > 200, `${scenario} ${format.join(' ')} printed a report`);
        assert.ok(!leaks(out), `${scenario} ${format.join(' ')} leaked the token`);
      } finally {
        await sandbox.close();
      }
    }),
  );
});

test('no report, result, event or console output of the engine holds the token', async () => {
  const written: string[] = [];
  const original = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  process.stdout.write = (chunk: string | Uint8Array, ...rest: never[]) => (written.push(String(chunk)), original.out(chunk, ...rest));
  process.stderr.write = (chunk: string | Uint8Array, ...rest: never[]) => (written.push(String(chunk)), original.err(chunk, ...rest));
  try {
    for (const scenario of [
      'healthy',
      'wrong-token',
      'model-not-allowed',
      'missing-v1',
      'stream-cut',
      'malformed-json',
      'stream-bad-json',
      'ip-restricted',
      'proxy-502',
    ]) {
      const events: unknown[] = [];
      const { report } = await runScenario(scenario, {}, { key: CANARY, onEvent: (e) => events.push(e) });
      const terminal = [
        ...report.results.flatMap((r) => [...checkLines(r, PLAIN), ...checkLines(r, PLAIN, 40)]),
        renderTail(report, PLAIN),
        renderTail(report, PLAIN, 40),
      ].join('\n');
      for (const text of [JSON.stringify(report), renderMarkdown(report), terminal, inspect(report, { depth: Infinity }), JSON.stringify(events)]) {
        assert.ok(!leaks(text), `${scenario} leaked the token`);
      }
    }
  } finally {
    process.stdout.write = original.out;
    process.stderr.write = original.err;
  }
  assert.ok(!leaks(written.join('')), 'console output leaked the token');
});

test('a gateway that echoes the token back still cannot make the report show it', async () => {
  const server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    if (req.url?.endsWith('/chat/completions') && !auth) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      return res.end('{"error":{"message":"no token","type":"new_api_error"}}');
    }
    res.writeHead(401, { 'Content-Type': 'application/json', 'X-Oneapi-Request-Id': auth });
    res.end(JSON.stringify({ error: { message: `bad key ${auth} and again ${auth.replace('Bearer ', '')}`, type: 'new_api_error' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const parsed = parseProfile({ baseUrl: base }, Secret.of(CANARY));
    assert.ok(parsed.ok);
    const report = await verify(parsed.profile);
    assert.equal(report.verdict, 'fail');
    assert.match(JSON.stringify(report), /bad key Bearer sk-\[redacted\]/, 'the echo is visible, redacted');
    assert.ok(!leaks(JSON.stringify(report)) && !leaks(renderMarkdown(report)));
  } finally {
    server.close();
  }
});

/** The token as a gateway might write it back: plain, JSON-escaped, URL-encoded, as HTML references, without sk-. */
const ECHOES = (token: string) => [
  token,
  JSON.stringify(token).slice(1, -1).replace('-', '\\u002d'),
  encodeURIComponent(token).replace(/[A-Za-z]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
  [...token].map((c) => `&#${c.charCodeAt(0)};`).join(''),
  token.slice(3),
];

test('a gateway that echoes the token in every encoding, as model ids and in a long message cut by the excerpt, cannot make any output show it', async () => {
  const echoes = ECHOES(CANARY);
  const server = createServer((req, res) => {
    const authorized = typeof req.headers.authorization === 'string';
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const json = (status: number, text: string) => (res.writeHead(status, { 'Content-Type': 'application/json' }), res.end(text));
    if (!authorized) return json(401, '{"error":{"message":"Invalid token","type":"new_api_error","code":""}}');
    if (path === '/v1/models') return json(200, `{"object":"list","data":[{"id":"gpt-5.4"},${echoes.map((e) => `{"id":"${e}"}`).join(',')}]}`);
    // A message long enough that the evidence excerpt (300 characters) cuts through the last echo.
    return json(403, `{"error":{"message":"${'x'.repeat(270)} ${echoes.join(' ')}","type":"new_api_error","code":""}}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const parsed = parseProfile({ baseUrl: base, models: ['gpt-5.4'] }, Secret.of(CANARY));
    assert.ok(parsed.ok);
    const report = await verify(parsed.profile);
    assert.ok(report.visibleModels.length === 6, 'the echoed ids are listed, redacted');
    const outputs = [
      JSON.stringify(report),
      renderMarkdown(report),
      ...(await Promise.all(
        [[], ['--json'], ['--markdown']].map((f) => cli(['--base-url', base, '--model', 'gpt-5.4', ...f], { CRAZYROUTER_API_KEY: CANARY })),
      )),
    ];
    for (const text of outputs) {
      for (let i = 3; i + 12 <= CANARY.length; i++)
        assert.ok(
          !text.includes(CANARY.slice(i, i + 12)),
          `12 characters of the token leaked: ${text.slice(text.indexOf(CANARY.slice(i, i + 12)) - 40, text.indexOf(CANARY.slice(i, i + 12)) + 40)}`,
        );
      for (const echo of echoes.slice(1)) assert.ok(!text.includes(echo.slice(0, 30)), 'an encoded echo leaked');
    }
  } finally {
    server.close();
  }
});
