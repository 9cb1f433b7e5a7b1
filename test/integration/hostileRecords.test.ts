// A gateway whose own records are hostile: model names, groups and addresses in its log, and the
// currency symbol in its status, carry terminal escapes, direction overrides, Markdown links, HTML
// and table breakers. None of it may act in the terminal, break a Markdown table or become a link.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { suiteSetup, suiteTeardown, test } from 'mocha';
import { promisify } from 'node:util';
import MarkdownIt from 'markdown-it';
import { startSandbox, type Sandbox } from '../../src/sandbox/sandboxServer';
import { startFaultProxy, type LoopbackServer } from '../support/faultProxy';

const exec = promisify(execFile);
const HOSTILE =
  '\u001b[2J\u001b]0;pwned\u0007 \u202etxt.exe | x | y |\n# heading ![i](https://evil.example/x.png) <img src=x onerror=alert(1)> [a](https://evil.example)';
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

let sandbox: Sandbox;
let proxy: LoopbackServer;

/** Reads the sandbox's answer to `path` and hands back `rewrite` of its JSON. */
async function rewritten(path: string, authorization: string | undefined, rewrite: (body: Record<string, unknown>) => unknown): Promise<string> {
  const answer = await fetch(`${sandbox.origin}${path}`, { headers: authorization ? { Authorization: authorization } : {} });
  return JSON.stringify(rewrite((await answer.json()) as Record<string, unknown>));
}

suiteSetup(async () => {
  sandbox = await startSandbox({ scenario: 'healthy' });
  proxy = await startFaultProxy(sandbox.origin, (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (body: Promise<string>) =>
      void body.then((text) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'X-New-Api-Version': 'v0.10.4-hostile' });
        res.end(text);
      });
    if (path === '/api/log/token') {
      send(
        rewritten(path, req.headers.authorization, (body) => ({
          ...body,
          data: (body.data as Record<string, unknown>[]).map((e) =>
            e.request_id ? e : { ...e, model_name: `${e.model_name as string} ${HOSTILE}`, group: HOSTILE, ip: HOSTILE },
          ),
        })),
      );
      return true;
    }
    if (path === '/api/status') {
      send(
        rewritten(path, undefined, (body) => ({ ...body, data: { ...(body.data as object), quota_display_type: 'CUSTOM', custom_currency_symbol: HOSTILE } })),
      );
      return true;
    }
    return false;
  });
});
suiteTeardown(async () => {
  await proxy.close();
  await sandbox.close();
});

async function cli(format: string[]): Promise<string> {
  try {
    return (
      await exec(process.execPath, ['dist/cli.js', '--base-url', `${proxy.origin}/v1`, '--client', 'cline', ...format], {
        env: { ...process.env, CRAZYROUTER_API_KEY: sandbox.key, NO_COLOR: '1' },
      })
    ).stdout;
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

test('the gateway’s log and status reach the terminal as visible text only', async () => {
  const out = await cli([]);
  assert.match(out, /\nUsage \(the token’s last 48 calls/, 'the usage table was printed');
  assert.doesNotMatch(out, CONTROL, JSON.stringify(out.slice(0, 200)));
  assert.match(out, /\\x1b\[2J/, 'shown as visible escapes');
  const start = out.indexOf('\nCost (');
  const table = out.slice(start, out.indexOf('\n\n', out.indexOf('\nUsage (') + 1));
  for (const line of table.split('\n')) assert.ok(line.length <= 80, `the table stays within 80 columns: ${line}`);
});

test('in the Markdown report they add no link, image, heading or HTML, and every table keeps its columns', async () => {
  const markdown = await cli(['--markdown']);
  assert.doesNotMatch(markdown, CONTROL);
  const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
  assert.match(html, /<h2>Usage<\/h2>/);
  assert.doesNotMatch(html, /href="https?:\/\/(www\.)?evil/);
  assert.doesNotMatch(html, /<img[\s>/]|<[a-z][^>]*\sonerror=/i);
  assert.doesNotMatch(html, /<h1>heading/);
  for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
    const widths = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh]/g) ?? []).length);
    assert.equal(new Set(widths).size, 1, `a table keeps one width: ${widths.join(',')}`);
  }
});
