import type { IncomingMessage, ServerResponse } from 'node:http';
import { FULL_CATALOG } from './catalog';
import { sendChatFault } from './chatFaults';
import { replyTo } from './chatReply';
import { writeChatStream } from './chatStream';
import { sendSituation, sendUpstreamError } from './gatewayErrors';
import { tokenEchoes } from './tokenEcho';
import { pause, readJsonBody, sendJson } from './httpUtil';
import { consumedCall } from './consumedCall';
import type { RequestRecord, SandboxState } from './sandboxState';
import type { SandboxToken } from './scenarios';

interface ChatRequest {
  model?: string;
  stream?: boolean;
  messages?: { role?: string; content?: unknown }[];
  max_tokens?: number;
  max_completion_tokens?: number;
  tools?: { type?: string; function?: { name?: string } }[];
}

/** `POST /v1/chat/completions` after TokenAuth: distributor checks, pre-charge, then the upstream. */
export async function relayChat(req: IncomingMessage, res: ServerResponse, state: SandboxState, token: SandboxToken, record: RequestRecord): Promise<void> {
  const { faults } = state.scenario;
  const body = (await readJsonBody(req)) as ChatRequest | undefined;
  const model = body && typeof body === 'object' ? body.model : undefined;
  if (!body || typeof body !== 'object' || !model) return sendSituation(res, state, 'model-name-missing');
  Object.assign(record, {
    model,
    stream: body.stream === true,
    limitParam: body.max_completion_tokens !== undefined ? 'max_completion_tokens' : body.max_tokens !== undefined ? 'max_tokens' : null,
  });

  // An enabled but empty allowlist answers model by model: "no access to any models" is unreachable
  // in every new-api version (research/wordings-notes.md §5b).
  if (token.allowlist && !token.allowlist.includes(model)) return sendSituation(res, state, 'model-forbidden', { model });
  if (!FULL_CATALOG.some((m) => m.id === model) || faults.noChannel?.includes(model)) {
    const echoed = faults.echoToken ? `${model} ${tokenEchoes(state.presentedKey).join(' ')}` : model;
    return sendSituation(res, state, 'no-channel', { model: echoed });
  }
  if (faults.chat) return sendChatFault(res, state, faults.chat);
  await pause(faults.slowHeadersMs ?? 0, res);
  if (res.destroyed) return;
  if (state.isReasoning(model) && body.max_tokens !== undefined) {
    return sendUpstreamError(
      res,
      400,
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      'invalid_request_error',
      'max_tokens',
      'unsupported_parameter',
    );
  }

  const reply = replyTo(body);
  const toolName = body.tools?.[0]?.function?.name;
  const callsTool = toolName !== undefined && !faults.noToolCalls;
  const completionTokens = callsTool ? Math.min(12, body.max_completion_tokens ?? body.max_tokens ?? 12) : reply.pieces.length;
  Object.assign(record, { promptTokens: reply.promptTokens, completionTokens });
  const consumed = consumedCall(req, res, record, { model, promptTokens: reply.promptTokens, completionTokens, stream: body.stream === true });

  if (body.stream === true) {
    await writeChatStream(res, model, reply, state.timing.chunkIntervalMs, faults.stream);
    return state.consume(token, consumed);
  }
  state.consume(token, consumed);
  const message = callsTool
    ? {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: `call_${Date.now().toString(36)}`, type: 'function', function: { name: toolName, arguments: '{}' } }],
      }
    : { role: 'assistant', content: reply.pieces.join('') };
  sendJson(res, 200, {
    id: `chatcmpl-${Date.now().toString(36)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message, finish_reason: callsTool ? 'tool_calls' : reply.finishReason }],
    usage: { prompt_tokens: reply.promptTokens, completion_tokens: completionTokens, total_tokens: reply.promptTokens + completionTokens },
  });
}
