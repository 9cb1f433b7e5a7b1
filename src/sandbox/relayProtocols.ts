import type { IncomingMessage, ServerResponse } from 'node:http';
import { FULL_CATALOG } from './catalog';
import { replyTo } from './chatReply';
import { refuse } from './gatewayErrors';
import { pause, readJsonBody, sendJson } from './httpUtil';
import { consumedCall } from './consumedCall';
import type { RequestRecord, SandboxState } from './sandboxState';
import type { SandboxToken } from './scenarios';

interface ProtocolRequest {
  model?: string;
  stream?: boolean;
  input?: unknown;
  messages?: { role?: string; content?: unknown }[];
  max_tokens?: number;
  max_output_tokens?: number;
}

const sse = (res: ServerResponse, event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
const startStream = (res: ServerResponse) =>
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });

/** The distributor's checks shared by every relay route: model named, allowed, served. */
async function admit(
  req: IncomingMessage,
  res: ServerResponse,
  state: SandboxState,
  token: SandboxToken,
  record: RequestRecord,
): Promise<ProtocolRequest | undefined> {
  const { faults } = state.scenario;
  const body = (await readJsonBody(req)) as ProtocolRequest | undefined;
  const model = body && typeof body === 'object' ? body.model : undefined;
  if (!body || typeof body !== 'object' || !model) return refuse(res, state, 'model-name-missing');
  Object.assign(record, { model, stream: body.stream === true });
  if (token.allowlist && !token.allowlist.includes(model)) return refuse(res, state, 'model-forbidden', { model });
  if (!FULL_CATALOG.some((m) => m.id === model) || faults.noChannel?.includes(model)) return refuse(res, state, 'no-channel', { model });
  return body;
}

/** `POST /v1/responses` (what current Codex speaks): JSON, or the Responses event stream. */
export async function relayResponses(
  req: IncomingMessage,
  res: ServerResponse,
  state: SandboxState,
  token: SandboxToken,
  record: RequestRecord,
): Promise<void> {
  const body = await admit(req, res, state, token, record);
  if (!body) return;
  const text = typeof body.input === 'string' ? body.input : JSON.stringify(body.input ?? '');
  const reply = replyTo({ messages: [{ content: text }], max_tokens: body.max_output_tokens });
  const usage = { input_tokens: reply.promptTokens, output_tokens: reply.pieces.length, total_tokens: reply.promptTokens + reply.pieces.length };
  Object.assign(record, { promptTokens: reply.promptTokens, completionTokens: reply.pieces.length });
  const consumed = consumedCall(req, res, record, {
    model: body.model!,
    promptTokens: reply.promptTokens,
    completionTokens: reply.pieces.length,
    stream: body.stream === true,
  });
  const id = `resp_${Date.now().toString(36)}`;
  const item = {
    type: 'message',
    id: `msg_${id}`,
    status: 'completed',
    role: 'assistant',
    content: [{ type: 'output_text', text: reply.pieces.join(''), annotations: [] }],
  };
  const response = { id, object: 'response', created_at: Math.floor(Date.now() / 1000), status: 'completed', model: body.model, output: [item], usage };
  if (body.stream !== true) {
    state.consume(token, consumed);
    return sendJson(res, 200, response);
  }
  try {
    startStream(res);
    sse(res, 'response.created', { type: 'response.created', sequence_number: 0, response: { ...response, status: 'in_progress', output: [] } });
    let n = 1;
    for (const delta of reply.pieces) {
      if (res.destroyed) return;
      sse(res, 'response.output_text.delta', {
        type: 'response.output_text.delta',
        sequence_number: n++,
        item_id: item.id,
        output_index: 0,
        content_index: 0,
        delta,
      });
      await pause(state.timing.chunkIntervalMs, res);
    }
    sse(res, 'response.completed', { type: 'response.completed', sequence_number: n, response });
    res.end();
  } finally {
    // Logged once the response has ended, or the client went away (model/log.go RecordConsumeLog).
    state.consume(token, consumed);
  }
}

/** `POST /v1/messages` (Anthropic Messages, what Claude Code speaks): JSON, or the Messages event stream. */
export async function relayMessages(req: IncomingMessage, res: ServerResponse, state: SandboxState, token: SandboxToken, record: RequestRecord): Promise<void> {
  const body = await admit(req, res, state, token, record);
  if (!body) return;
  const reply = replyTo({ messages: body.messages, max_tokens: body.max_tokens });
  Object.assign(record, { promptTokens: reply.promptTokens, completionTokens: reply.pieces.length });
  const consumed = consumedCall(req, res, record, {
    model: body.model!,
    promptTokens: reply.promptTokens,
    completionTokens: reply.pieces.length,
    stream: body.stream === true,
  });
  const id = `msg_${Date.now().toString(36)}`;
  const stopReason = reply.finishReason === 'length' ? 'max_tokens' : 'end_turn';
  const usage = { input_tokens: reply.promptTokens, output_tokens: reply.pieces.length };
  if (body.stream !== true) {
    state.consume(token, consumed);
    return sendJson(res, 200, {
      id,
      type: 'message',
      role: 'assistant',
      model: body.model,
      content: [{ type: 'text', text: reply.pieces.join('') }],
      stop_reason: stopReason,
      stop_sequence: null,
      usage,
    });
  }
  try {
    startStream(res);
    sse(res, 'message_start', {
      type: 'message_start',
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: usage.input_tokens, output_tokens: 0 },
      },
    });
    sse(res, 'content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    for (const text of reply.pieces) {
      if (res.destroyed) return;
      sse(res, 'content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
      await pause(state.timing.chunkIntervalMs, res);
    }
    sse(res, 'content_block_stop', { type: 'content_block_stop', index: 0 });
    sse(res, 'message_delta', {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: usage.output_tokens },
    });
    sse(res, 'message_stop', { type: 'message_stop' });
    res.end();
  } finally {
    state.consume(token, consumed);
  }
}
