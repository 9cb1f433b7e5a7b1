// A gateway that answers with hostile text (terminal escapes, a bare carriage return, direction
// overrides, Markdown links, images, HTML, table breakers, backticks) in its error messages and its
// model ids. Nothing of it may act in the terminal or in the Markdown report.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { suiteSetup, suiteTeardown, test } from 'mocha';
import { promisify } from 'node:util';
import MarkdownIt from 'markdown-it';
import { startFixture, type LoopbackServer } from '../support/faultProxy';

const exec = promisify(execFile);
const TOKEN = 'sk-HostileText0123456789abcdefABCDEF';
const HOSTILE = [
  '\u001b[2J\u001b]0;pwned\u0007',
  '\u001b]8;;https://evil.example\u001b\\click me\u001b]8;;\u001b\\',
  '\r✔ everything is fine',
  '\u202etxt.exe',
  '| x | y |\n\n# heading',
  '![img](https://evil.example/x.png) <img src=x onerror=alert(1)> [a](https://evil.example) https://evil.example www.evil.example',
  '```` `tick` ``',
].join(' ');

let server: LoopbackServer;
function answer(req: IncomingMessage, res: ServerResponse): void {
  const json = (status: number, body: unknown): void => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (!req.headers.authorization) return json(401, { error: { message: 'Invalid token', type: 'new_api_error', code: '' } });
  if (path === '/v1/models') return json(200, { object: 'list', data: [{ id: 'gpt-5.4' }, { id: HOSTILE }] });
  if (path === '/v1/chat/completions') return json(403, { error: { message: HOSTILE, type: 'new_api_error', code: '' } });
  return json(404, { error: { message: `Invalid URL (${req.method} ${path})`, type: 'invalid_request_error', code: '' } });
}

suiteSetup(async () => {
  server = await startFixture(answer);
});
suiteTeardown(() => server.close());

async function cli(format: string[]): Promise<string> {
  try {
    return (
      await exec(process.execPath, ['dist/cli.js', '--base-url', `${server.origin}/v1`, '--model', 'gpt-5.4', ...format], {
        env: { ...process.env, CRAZYROUTER_API_KEY: TOKEN, NO_COLOR: '1' },
      })
    ).stdout;
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

test('no control or direction character from a gateway reaches the terminal', async () => {
  const out = await cli([]);
  assert.match(out, /403/, 'the hostile answer was shown');
  assert.doesNotMatch(out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(out.slice(0, 300)));
  assert.match(out, /\\x1b\]0;pwned\\x07/, 'shown as visible escapes');
});

test('gateway text in the Markdown report cannot add links, images or HTML, nor break the table', async () => {
  const markdown = await cli(['--markdown']);
  assert.doesNotMatch(markdown, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  const html = new MarkdownIt({ html: true, linkify: true }).render(markdown);
  assert.doesNotMatch(html, /href="https?:\/\/(www\.)?evil/, 'no link to the gateway’s choice');
  assert.doesNotMatch(html, /<img[\s>/]|<[a-z][^>]*\sonerror=/i, 'no image and no HTML from the gateway');
  assert.doesNotMatch(html, /<h1>heading/, 'no heading from the gateway');
  const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[dh]/g) ?? []).length);
  assert.ok(rows.length > 3);
  assert.ok(
    rows.every((cells) => cells === 4),
    `every table row keeps its 4 cells: ${rows.join(',')}`,
  );
});

test('the JSON report escapes control and direction characters, and still holds what the gateway said', async () => {
  const json = await cli(['--json']);
  assert.doesNotMatch(json, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  const report = JSON.parse(json) as { results: { summary: string }[] };
  assert.ok(
    report.results.some((r) => r.summary.includes('\u202etxt.exe')),
    'the override is there once parsed',
  );
});
