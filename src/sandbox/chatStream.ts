import type { ServerResponse } from 'node:http';
import { pause } from './httpUtil';
import type { StreamFault } from './scenarios';
import type { ChatReply } from './chatReply';

const frame = (data: unknown) => `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

/**
 * Writes a chat completion as server-sent events the way new-api relays them: role chunk, content
 * chunks, finish chunk, a usage chunk with `choices: []`, then `data: [DONE]`; or the given fault.
 */
export async function writeChatStream(res: ServerResponse, model: string, reply: ChatReply, intervalMs: number, fault: StreamFault | undefined): Promise<void> {
  const id = `chatcmpl-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: object, finish: string | null = null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const frames = [
    frame(chunk({ role: 'assistant', content: '' })),
    ...reply.pieces.map((piece) => frame(chunk({ content: piece }))),
    frame(chunk({}, reply.finishReason)),
  ];
  if (fault !== 'no-usage') {
    const usage = { prompt_tokens: reply.promptTokens, completion_tokens: reply.pieces.length, total_tokens: reply.promptTokens + reply.pieces.length };
    frames.push(frame({ id, object: 'chat.completion.chunk', created, model, choices: [], usage }));
  }
  if (fault !== 'no-done') frames.push(frame('[DONE]'));

  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  if (fault === 'buffered') {
    await pause(intervalMs * frames.length, res);
    res.end(frames.join(''));
    return;
  }
  const middle = Math.floor(frames.length / 2);
  for (let i = 0; i < frames.length; i++) {
    if (res.destroyed) return;
    if (i === middle && fault === 'cut') {
      res.socket?.destroy();
      return;
    }
    if (i === middle && fault === 'bad-json') res.write('data: {"id": "chatcmpl-broken", "choices": [\n\n');
    if (i === middle && fault === 'error-event') {
      res.write(frame({ error: { message: 'upstream stream interrupted', type: 'upstream_error', code: 'stream_error' } }));
    }
    if (fault === 'ping' && i > 0) res.write(': PING\n\n');
    res.write(frames[i]);
    if (i < frames.length - 1) await pause(intervalMs, res);
  }
  res.end();
}
