import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { suite, test } from 'mocha';
import { cherryCheck } from '../../src/core/checks/cherryCheck';
import type { CheckDefinition } from '../../src/core/checks/checkTypes';
import { messagesCheck } from '../../src/core/checks/messagesCheck';
import { responsesCheck } from '../../src/core/checks/responsesCheck';
import { streamingCheck } from '../../src/core/checks/streamingCheck';
import { verify } from '../../src/core/engine/verify';
import { parseProfile } from '../../src/core/profile';
import { Secret } from '../../src/core/secret';
import { startFixture } from '../support/faultProxy';

/**
 * A streaming request answered 200 with an error as the whole body. The SDK call
 * returns at the headers, so whether the body has come by then is a race (the fuzz's replay test
 * once saw one case end as the error the first time and as "the stream ended without
 * message_stop" the second). The verdict must be the error, whichever way the race goes: here the
 * body comes with the headers, or a while after the SDK has returned.
 */
const JSON_ERROR = JSON.stringify({
  error: { message: 'No available channel for model m under group default (distributor) (request id: R)', type: 'new_api_error', code: 'model_not_found' },
});
/** The website's page where the API should be (a base URL without /v1 behind some proxies). */
const HTML_PAGE = '<!doctype html><html><head><title>Crazyrouter</title></head><body>Welcome</body></html>';

/**
 * Each body, the content types it is sent with, and what every check must conclude from it,
 * whenever it comes. A page declared as JSON is not read as HTML (classifyAnswer), so the HTML
 * page comes as an event stream or plain text.
 */
const BODIES = [
  {
    name: 'a gateway’s JSON error',
    body: JSON_ERROR,
    contentTypes: ['text/event-stream', 'application/json', 'text/plain'],
    says: /No available channel for model m/,
  },
  { name: 'the website’s HTML page', body: HTML_PAGE, contentTypes: ['text/event-stream', 'text/plain'], says: /HTML page/ },
];
/** Long after the SDK call has returned at the headers, well within the request timeout. */
const BODY_DELAY_MS = 300;
const TIMEOUT_MS = 10_000;

/** What the non-streamed calls of the protocol checks get, so that each goes on to its streamed call. */
const PLAIN_ANSWERS: Record<string, unknown> = {
  '/v1/messages': { id: 'msg', type: 'message', role: 'assistant', content: [{ type: 'text', text: 'pong' }], stop_reason: 'end_turn' },
  '/v1/responses': { id: 'resp', object: 'response', status: 'completed', output: [] },
};

function gateway(contentType: string, body: string, delayMs: number) {
  return startFixture((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const streamed = (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { stream?: boolean }).stream === true;
      const plain = PLAIN_ANSWERS[req.url ?? ''];
      if (!streamed && plain) return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(plain));
      res.writeHead(200, { 'Content-Type': contentType });
      if (delayMs === 0) return void res.end(body);
      res.flushHeaders();
      setTimeout(() => res.end(body), delayMs);
    });
  });
}

const ungated = (check: CheckDefinition): CheckDefinition => ({ ...check, needs: [], gatedBy: [], after: undefined });
const CHECKS = [streamingCheck('m'), cherryCheck('m'), messagesCheck('m'), responsesCheck('m')].map(ungated);

async function conclusions(contentType: string, body: string, delayMs: number) {
  const server = await gateway(contentType, body, delayMs);
  try {
    const parsed = parseProfile({ baseUrl: `${server.origin}/v1`, models: ['m'], timeoutMs: TIMEOUT_MS }, Secret.of('sk-streamed0000000000000000'));
    assert.ok(parsed.ok);
    const report = await verify(parsed.profile, { checks: CHECKS, confirmedOrigins: new Set([server.origin]) });
    return report.results.map((r) => ({ id: r.id, status: r.status, symptom: r.symptom, summary: r.summary, details: r.details }));
  } finally {
    await server.close();
  }
}

suite('a streaming request answered 200 with an error body', () => {
  for (const { name, body, contentTypes, says } of BODIES)
    for (const contentType of contentTypes) {
      test(`${name} as ${contentType}: the body is the verdict, whether it came with the headers or after the SDK returned`, async () => {
        const early = await conclusions(contentType, body, 0);
        const late = await conclusions(contentType, body, BODY_DELAY_MS);
        for (const results of [early, late]) {
          assert.deepEqual(
            results.map((r) => r.id),
            CHECKS.map((c) => c.id),
          );
          for (const r of results) {
            assert.equal(r.status, 'fail', `${r.id}: ${r.summary}`);
            assert.match(r.summary, says, `${r.id}: ${r.summary}`);
          }
        }
        const verdict = (rs: typeof early) => rs.map((r) => `${r.id}:${r.symptom}:${(r.details ?? []).join('|')}`);
        assert.deepEqual(verdict(late), verdict(early));
      });
    }
});
