import assert from 'node:assert/strict';
import { createServer, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { suiteTeardown, test } from 'mocha';
import { bodyComplete, ExchangeLog } from '../../src/core/transport/exchange';
import { BodyTimeoutError, BodyTooLargeError, InsecureTransportError, recordingFetch } from '../../src/core/transport/recordingFetch';

const servers: Server[] = [];
suiteTeardown(() => servers.forEach((s) => s.close()));

async function serve(handler: RequestListener): Promise<{ url: string; hits: { path: string; auth?: string }[] }> {
  const hits: { path: string; auth?: string }[] = [];
  const server = createServer((req, res) => {
    hits.push({ path: req.url ?? '', auth: req.headers.authorization });
    handler(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

const options = { maxBodyBytes: 64 * 1024, keepBytes: 64, maxRedirects: 3 };

test('records status, headers, timing, a bounded body and [DONE]', async () => {
  // The rest of the stream is sent only once the first chunk has been read: two reads, whatever the load.
  let sendRest = () => {};
  const firstRead = new Promise<void>((resolve) => (sendRest = resolve));
  const { url } = await serve((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'X-Oneapi-Request-Id': 'RID1', 'X-New-Api-Version': 'v1' });
    res.write('data: {"a":1}\n\n');
    void firstRead.then(() => res.end(': PING\n\ndata: [DONE]\n\n'));
  });
  const log = new ExchangeLog();
  const response = await recordingFetch(log, options)(`${url}/v1/x`, { method: 'POST' });
  const reader = response.body!.getReader();
  await reader.read();
  assert.equal(bodyComplete(log.last()!), false, 'half a stream is not the whole body');
  sendRest();
  while (!(await reader.read()).done);
  const e = log.last()!;
  assert.equal(bodyComplete(e), true);
  assert.equal(e.status, 200);
  assert.equal(e.requestId, 'RID1');
  assert.equal(e.gatewayVersion, 'v1');
  assert.equal(e.sawDone, true);
  assert.equal(e.pingLines, 1);
  assert.ok(e.chunkMs.length >= 2);
  assert.ok(e.endMs! >= e.headersMs!);
  assert.ok(e.body.length <= 64);
});

/** Resolves when the gateway's response closes: true when it closed before it finished sending (the reader stopped it). */
const closedEarly = (res: ServerResponse) => new Promise<boolean>((resolve) => res.once('close', () => resolve(!res.writableFinished)));
/** Waits for `closing`, failing after `ms` (a gateway still sending to a reader that has given up). */
const within = <T>(closing: Promise<T>, ms: number, what: string) =>
  Promise.race([closing, new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(what)), ms).unref())]);

test('a body over the limit fails instead of filling memory, and the gateway is told to stop', async () => {
  let stopped: Promise<boolean> | undefined;
  const { url } = await serve((_req, res) => {
    stopped = closedEarly(res);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const block = Buffer.alloc(16 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < 10_000 && res.write(block)) sent++;
      if (sent < 10_000) res.once('drain', pump);
      else res.end();
    };
    res.on('close', () => (sent = 10_000));
    pump();
  });
  const log = new ExchangeLog();
  const response = await recordingFetch(log, options)(`${url}/big`);
  await assert.rejects(
    response.text(),
    (error: unknown) => error instanceof BodyTooLargeError || (error as Error).cause instanceof BodyTooLargeError || /exceeded/.test(String(error)),
  );
  assert.equal(log.last()!.truncated, true);
  assert.ok(log.last()!.bytes <= options.maxBodyBytes + 64 * 1024);
  assert.equal(await within(stopped!, 30_000, 'the gateway was never told to stop sending'), true);
});

/**
 * A gateway that streams `line` with its headers and every 20 ms after, until the client goes (or,
 * with `resetAfterFirst`, resets the connection after the first); `stopped()` waits (30 s at most)
 * for the client to go, true when it went before the end.
 */
async function endlessStream(line: string, resetAfterFirst = false): Promise<{ url: string; stopped: () => Promise<boolean> }> {
  let stopped: Promise<boolean> | undefined;
  const { url } = await serve((_req, res) => {
    stopped = closedEarly(res);
    res.writeHead(200, { 'Content-Type': 'text/event-stream' });
    res.write(line);
    if (resetAfterFirst) return void setTimeout(() => res.socket?.destroy(), 20);
    const drip = setInterval(() => res.write(line), 20);
    res.once('close', () => clearInterval(drip));
  });
  return { url, stopped: () => within(stopped!, 30_000, 'the gateway was never told to stop sending') };
}

test('a body that outlives the deadline fails with BodyTimeoutError, and the gateway is told to stop', async () => {
  const { url, stopped } = await endlessStream(': PING\n\n');
  const log = new ExchangeLog();
  const response = await recordingFetch(log, { ...options, deadlineMs: 300 })(`${url}/v1/chat/completions`, { method: 'POST' });
  await assert.rejects(response.text(), (error: unknown) => error instanceof BodyTimeoutError || (error as Error).cause instanceof BodyTimeoutError);
  assert.match(log.last()!.failure ?? '', /did not finish within 300 ms/);
  assert.ok(log.last()!.endMs !== undefined, 'the exchange has its end');
  assert.equal(await stopped(), true);
});

/** Waits until `deadlineMs` (and a margin) after the exchange began, when a deadline left running would have fired. */
const pastDeadline = (startedAt: number, deadlineMs: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, startedAt + deadlineMs + 300 - performance.now())));

// The deadline counts from before the connection: 2 s leaves a loaded machine time to connect.
const DEADLINE_MS = 2_000;

test('a reader that cancels the body stops the gateway and leaves no deadline behind to fail the exchange later', async () => {
  const { url, stopped } = await endlessStream('data: {}\n\n');
  const log = new ExchangeLog();
  const response = await recordingFetch(log, { ...options, deadlineMs: DEADLINE_MS })(`${url}/v1/chat/completions`, { method: 'POST' });
  const reader = response.body!.getReader();
  await reader.read();
  await reader.cancel();
  assert.equal(await stopped(), true);
  await pastDeadline(log.last()!.startedAt, DEADLINE_MS);
  assert.equal(log.last()!.failure, undefined, 'a body the reader stopped did not fail');
  assert.equal(bodyComplete(log.last()!), false, 'nor did it come whole');
});

test('a body the doctor aborts mid-way is neither complete nor a gateway failure', async () => {
  const { url, stopped } = await endlessStream('data: {}\n\n');
  const log = new ExchangeLog();
  const abort = new AbortController();
  const response = await recordingFetch(log, options)(`${url}/v1/chat/completions`, { method: 'POST', signal: abort.signal });
  const reader = response.body!.getReader();
  await reader.read();
  abort.abort();
  await assert.rejects(async () => {
    while (!(await reader.read()).done);
  });
  assert.equal(await stopped(), true);
  assert.equal(log.last()!.failure, undefined, 'the doctor stopped it: the gateway did nothing wrong');
  assert.equal(bodyComplete(log.last()!), false, 'what arrived is not the whole body');
});

test('a body the gateway cuts off fails with the network error, is recorded as cut, and leaves no deadline behind to misname it later', async () => {
  const { url } = await endlessStream('data: {}\n\n', true);
  const log = new ExchangeLog();
  const response = await recordingFetch(log, { ...options, deadlineMs: DEADLINE_MS })(`${url}/v1/chat/completions`, { method: 'POST' });
  await assert.rejects(response.text(), (error: unknown) => !(error instanceof BodyTimeoutError));
  const exchange = log.last()!;
  assert.ok(exchange.endMs !== undefined, 'the exchange has its end');
  assert.ok(exchange.failure, 'the cut is recorded');
  assert.equal(bodyComplete(exchange), false);
  const cutAs = exchange.failure;
  await pastDeadline(exchange.startedAt, DEADLINE_MS);
  assert.equal(exchange.failure, cutAs, 'a cut, not later a slow body');
});

test('a redirect to another origin is not followed, so the token never reaches it', async () => {
  const other = await serve((_req, res) => res.end('{}'));
  const { url } = await serve((_req, res) => {
    res.writeHead(301, { Location: `${other.url}/v1/models` });
    res.end();
  });
  const log = new ExchangeLog();
  const response = await recordingFetch(log, options)(`${url}/v1/models`, { headers: { Authorization: 'Bearer sk-secret-redirect-test-123456' } });
  assert.equal(response.status, 301);
  assert.equal(log.last()!.blockedRedirect, other.url);
  assert.equal(other.hits.length, 0);
});

test('a same-origin redirect is followed', async () => {
  const server = await serve((req, res) => {
    if (req.url === '/v1/models/') {
      res.writeHead(301, { Location: '/v1/models' });
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"data":[]}');
  });
  const log = new ExchangeLog();
  const response = await recordingFetch(log, options)(`${server.url}/v1/models/`, { headers: { Authorization: 'Bearer sk-x' } });
  assert.equal(response.status, 200);
  assert.equal(log.entries.length, 2);
  assert.equal(server.hits[1]?.auth, 'Bearer sk-x');
});

test('credentials are never sent over plain http to a remote host', async () => {
  const log = new ExchangeLog();
  await assert.rejects(recordingFetch(log, options)('http://192.0.2.10/v1/models', { headers: { Authorization: 'Bearer sk-x' } }), InsecureTransportError);
  assert.equal(log.entries.length, 0, 'nothing was sent');
});
