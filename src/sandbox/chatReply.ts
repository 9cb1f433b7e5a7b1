/** The imaginary upstream's answer to a chat request, cut into the pieces a stream would send. */
export interface ChatReply {
  pieces: string[];
  finishReason: 'stop' | 'length';
  promptTokens: number;
}

interface ChatBody {
  messages?: { content?: unknown }[];
  max_tokens?: number;
  max_completion_tokens?: number;
}

export function promptTokensOf(body: ChatBody): number {
  const chars = (body.messages ?? []).reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 16), 0);
  return Math.max(1, Math.ceil(chars / 4));
}

/** "Count from 1 to 10" counts; anything else gets "pong". One piece is one completion token. */
export function replyTo(body: ChatBody): ChatReply {
  const last = body.messages?.at(-1)?.content;
  const text = typeof last === 'string' ? last : '';
  const count = /count from 1 to (\d+)/i.exec(text);
  const all = count ? Array.from({ length: Math.min(Number(count[1]), 200) }, (_, i) => (i === 0 ? '1' : ` ${i + 1}`)) : ['pong'];
  const limit = body.max_completion_tokens ?? body.max_tokens ?? Number.POSITIVE_INFINITY;
  const pieces = all.slice(0, Math.max(0, limit));
  return { pieces, finishReason: pieces.length < all.length ? 'length' : 'stop', promptTokens: promptTokensOf(body) };
}
