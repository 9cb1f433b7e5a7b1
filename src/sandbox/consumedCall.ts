import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Consumed, RequestRecord } from './sandboxState';

/** What the log will record of a relay call: its request id (the response's X-Oneapi-Request-Id), the client's address, when it came. */
export function consumedCall(
  req: IncomingMessage,
  res: ServerResponse,
  record: RequestRecord,
  call: Pick<Consumed, 'model' | 'promptTokens' | 'completionTokens' | 'stream'>,
): Consumed {
  return { ...call, requestId: String(res.getHeader('X-Oneapi-Request-Id') ?? ''), ip: req.socket.remoteAddress ?? '', startedAt: record.at };
}
