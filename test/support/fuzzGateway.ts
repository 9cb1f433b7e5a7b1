import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEFAULT_FETCH_OPTIONS } from '../../src/core/transport/recordingFetch';

/** mulberry32: a small seeded PRNG, so a failing case can be replayed from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hash(...parts: (string | number)[]): number {
  let h = 2166136261;
  for (const ch of parts.join('|')) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const STATUSES = [200, 200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 408, 409, 422, 429, 500, 501, 502, 503, 504, 520];
const TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/event-stream',
  'text/html; charset=utf-8',
  'text/plain',
  'application/problem+json',
  '',
];
const MESSAGES = [
  'Invalid token',
  '无效的令牌',
  '该令牌已过期',
  'This token has no access to model m',
  'No available channel for model m under group default (distributor)',
  '用户额度不足',
  'Invalid URL (POST /v1/x)',
  "Unsupported parameter: 'max_tokens'",
  'upstream error',
  '',
  '\u0000\u00ff',
  'x'.repeat(5000),
];

function body(r: () => number): string {
  const chunk = (content: string) =>
    `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
  switch (Math.floor(r() * 14)) {
    case 0:
      return JSON.stringify({ object: 'list', data: [{ id: 'm' }, { id: 'gpt-5.4' }] });
    case 1:
      return JSON.stringify({
        id: 'c',
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 1, completion_tokens: 1 },
      });
    case 2:
      return `${chunk('1')}${chunk(' 2')}${chunk(' 3')}${chunk(' 4')}data: [DONE]\n\n`;
    case 3:
      return JSON.stringify({
        error: {
          message: `${pick(r, MESSAGES)} (request id: R)`,
          type: pick(r, ['new_api_error', 'one_api_error', 'upstream_error', 'invalid_request_error']),
          code: pick(r, ['', 'access_denied', 'model_not_found', 'insufficient_user_quota', null]),
        },
      });
    case 4:
      return '<!doctype html><html><head><title>New API</title></head><body></body></html>';
    case 5:
      return '';
    case 6:
      return Array.from({ length: 64 }, () => String.fromCharCode(Math.floor(r() * 256))).join('');
    case 7:
      return '{"id":"c","choices":[{"index":0,';
    case 8:
      return JSON.stringify([1, 2, 3]);
    case 9:
      return `data: {not json}\n\n${chunk('a')}`;
    case 10:
      return `: PING\n\n${chunk('a')}: PING\n\ndata: ${JSON.stringify({ error: { message: 'mid-stream', type: 'upstream_error' } })}\n\n`;
    case 11:
      return JSON.stringify({ choices: [] });
    case 12:
      return JSON.stringify({ type: 'error', error: { type: 'authentication_error', message: pick(r, MESSAGES) } });
    default:
      // Longer than the part of a body the doctor keeps, so the kept text is cut.
      return 'x'.repeat(DEFAULT_FETCH_OPTIONS.keepBytes + 1 + Math.floor(r() * 32_000));
  }
}

/** What one request gets: drawn from (seed, case, method, path, what it asked), so a seed and case replay it exactly. */
export function answer(seed: number, testCase: number, req: IncomingMessage, asked: string, res: ServerResponse): void {
  const r = rng(hash(seed, testCase, req.method ?? '', req.url ?? '', asked));
  const mode = r();
  if (mode < 0.007) return; // stall: never answer (the client's timeout must end it)
  if (mode < 0.03) return void req.socket.destroy(); // reset before headers
  const status = pick(r, STATUSES);
  const type = pick(r, TYPES);
  const text = status === 204 ? '' : body(r);
  const headers: Record<string, string> = { 'X-Oneapi-Request-Id': `fuzz${testCase}` };
  // Half the gateways say they are new-api of 2026 (every response, as new-api does), so the log route is asked; the draw leaves the others as they were.
  if (hash(seed, testCase, 'new-api-version') % 2 === 0) headers['X-New-Api-Version'] = 'v0.10.0-fuzz';
  if (type) headers['Content-Type'] = type;
  if (status === 429 && r() < 0.5) headers['Retry-After'] = String(Math.floor(r() * 5));
  if (status === 301 && r() < 0.5) headers.Location = pick(r, ['/v1/models', 'http://127.0.0.2:9/elsewhere', '//']);
  res.writeHead(status, headers);
  const bytes = Buffer.from(text);
  const pieces = 1 + Math.floor(r() * 5);
  const cutMidway = r() < 0.05;
  let offset = 0;
  const step = Math.ceil(bytes.length / pieces) || 1;
  const next = () => {
    if (res.destroyed) return;
    if (offset >= bytes.length) return void res.end();
    if (cutMidway && offset > 0) return void res.socket?.destroy();
    res.write(bytes.subarray(offset, offset + step));
    offset += step;
    setTimeout(next, Math.floor(r() * 4));
  };
  next();
}
