// A loopback gateway that records every request a real client sends (method, path, query) and
// answers leniently: any path that ends in a known endpoint gets a well-formed OpenAI Chat,
// Responses, Anthropic Messages (JSON or SSE) or model-list answer, so each client finishes its
// prompt fast and the test can compare the path it really used with the doctor's prediction.
// Shapes follow the public API references; every client here accepted them (research/clients.md §B).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  kind: 'chat' | 'responses' | 'messages' | 'count_tokens' | 'models' | 'upgrade' | 'unknown';
  /** Which auth header arrived (never its value). */
  auth: 'bearer' | 'x-api-key' | 'both' | 'none';
}

export interface RecordingGateway {
  origin: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const TEXT = 'PONG';
const now = () => Math.floor(Date.now() / 1000);
const modelOf = (body: Record<string, unknown>, fallback: string) => (typeof body.model === 'string' ? body.model : fallback);

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sse(res: http.ServerResponse, events: { event?: string; data: unknown }[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const e of events) res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}\n\n`);
  res.end();
}

function chat(res: http.ServerResponse, body: Record<string, unknown>, n: number): void {
  const model = modelOf(body, 'model');
  const base = { id: `chatcmpl-${n}`, object: 'chat.completion.chunk', created: now(), model };
  const usage = { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 };
  if (!body.stream)
    return send(res, 200, {
      ...base,
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content: TEXT }, finish_reason: 'stop' }],
      usage,
    });
  sse(res, [
    { data: { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: TEXT }, finish_reason: null }] } },
    { data: { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] } },
    { data: { ...base, choices: [], usage } },
    { data: '[DONE]' },
  ]);
}

function responses(res: http.ServerResponse, body: Record<string, unknown>, n: number): void {
  const model = modelOf(body, 'model');
  const msgId = `msg_${n}`;
  const item = { id: msgId, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: TEXT, annotations: [] }] };
  const usage = {
    input_tokens: 5,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: 1,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: 6,
  };
  const full = {
    id: `resp_${n}`,
    object: 'response',
    created_at: now(),
    status: 'completed',
    model,
    output: [item],
    usage,
    error: null,
    incomplete_details: null,
  };
  if (!body.stream) return send(res, 200, full);
  const started = { ...full, status: 'in_progress', output: [], usage: null };
  let sequence = 0;
  const ev = (type: string, extra: Record<string, unknown>) => ({ event: type, data: { type, sequence_number: sequence++, ...extra } });
  const at = { item_id: msgId, output_index: 0, content_index: 0 };
  sse(res, [
    ev('response.created', { response: started }),
    ev('response.in_progress', { response: started }),
    ev('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', content: [] } }),
    ev('response.content_part.added', { ...at, part: { type: 'output_text', text: '', annotations: [] } }),
    ev('response.output_text.delta', { ...at, delta: TEXT }),
    ev('response.output_text.done', { ...at, text: TEXT }),
    ev('response.content_part.done', { ...at, part: { type: 'output_text', text: TEXT, annotations: [] } }),
    ev('response.output_item.done', { output_index: 0, item }),
    ev('response.completed', { response: full }),
  ]);
}

function messages(res: http.ServerResponse, body: Record<string, unknown>, n: number): void {
  const model = modelOf(body, 'claude');
  const usage = { input_tokens: 5, output_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const id = `msg_${n}`;
  if (!body.stream)
    return send(res, 200, {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: TEXT }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage,
    });
  sse(res, [
    {
      event: 'message_start',
      data: { type: 'message_start', message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage } },
    },
    { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } },
    { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: TEXT } } },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } } },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ]);
}

const MODELS = ['gpt-5.4', 'gpt-4o-mini', 'claude-sonnet-4-6'];

function kindOf(method: string, path: string): RecordedRequest['kind'] {
  const p = path.replace(/\/+$/, '');
  if (method === 'POST' && p.endsWith('/messages/count_tokens')) return 'count_tokens';
  if (method === 'POST' && p.endsWith('/chat/completions')) return 'chat';
  if (method === 'POST' && p.endsWith('/responses')) return 'responses';
  if (method === 'POST' && p.endsWith('/messages')) return 'messages';
  if (method === 'GET' && p.endsWith('/models')) return 'models';
  return 'unknown';
}

function authOf(headers: http.IncomingHttpHeaders): RecordedRequest['auth'] {
  const bearer = /^Bearer \S/.test(headers.authorization ?? '');
  const key = Boolean(headers['x-api-key']);
  return bearer && key ? 'both' : bearer ? 'bearer' : key ? 'x-api-key' : 'none';
}

export async function startRecordingGateway(): Promise<RecordingGateway> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://loopback');
      const kind = kindOf(req.method ?? 'GET', url.pathname);
      requests.push({ method: req.method ?? '', path: url.pathname, query: url.search, kind, auth: authOf(req.headers) });
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      } catch {
        body = {};
      }
      const n = requests.length;
      if (kind === 'chat') return chat(res, body, n);
      if (kind === 'responses') return responses(res, body, n);
      if (kind === 'messages') return messages(res, body, n);
      if (kind === 'count_tokens') return send(res, 200, { input_tokens: 5 });
      if (kind === 'models')
        return send(res, 200, { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'loopback' })) });
      send(res, 404, { error: { message: `no route for ${req.method} ${url.pathname}`, type: 'invalid_request_error', code: 'not_found' } });
    });
  });
  // Codex's built-in provider tries a WebSocket first; this gateway declines, as new-api does.
  server.on('upgrade', (req, socket) => {
    const url = new URL(req.url ?? '/', 'http://loopback');
    requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.search, kind: 'upgrade', auth: authOf(req.headers) });
    socket.end('HTTP/1.1 426 Upgrade Required\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
