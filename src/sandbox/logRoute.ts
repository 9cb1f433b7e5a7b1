import type { IncomingMessage, ServerResponse } from 'node:http';
import { GATEWAYS } from './gatewayVersions';
import { sendJson } from './httpUtil';
import type { SandboxState, StoredLog } from './sandboxState';
import type { SandboxToken } from './scenarios';

/** model/log.go GetLogByTokenId: `Limit(common.MaxRecentItems)`, 1000 since 2026-02-06 (100 before). */
const MAX_RECENT_ITEMS = 1000;

/** An entry as `formatUserLogs` leaves it: channel name blanked, admin details gone, the given display id. */
function shown(entry: StoredLog, id: number, state: SandboxState, token: SandboxToken | undefined): Record<string, unknown> {
  const ids = state.scenario.faults.logWithoutRequestIds ? undefined : GATEWAYS[state.gateway].logIds;
  const hasIp = GATEWAYS[state.gateway].logIds !== undefined;
  return {
    id,
    user_id: 1,
    created_at: entry.createdAt,
    type: entry.type,
    content: entry.content,
    username: 'sandbox-user',
    token_name: token?.name ?? '',
    model_name: entry.model,
    quota: entry.quota,
    prompt_tokens: entry.promptTokens,
    completion_tokens: entry.completionTokens,
    use_time: entry.useTime,
    is_stream: entry.stream,
    channel: 1,
    channel_name: '',
    token_id: 12,
    group: entry.group,
    // 2025-04 has no ip column, and request ids came with PR #2825 (2026-02): `omitempty` leaves empty ones out.
    ...(hasIp ? { ip: entry.ip } : {}),
    ...(ids && entry.requestId ? { request_id: entry.requestId } : {}),
    ...(ids === 'request-and-upstream' && entry.requestId ? { upstream_request_id: `upstream-${entry.requestId.slice(-8)}` } : {}),
    other: '{}',
  };
}

/**
 * `GET /api/log/token` after TokenAuthReadOnly (new-api ≥ 2026-02-06): the token's entries newest
 * first, at most 1000, their ids renumbered 1..N (QQhuxuhui/new-api@ccd535ef8 controller/log.go
 * GetLogByKey, model/log.go GetLogByTokenId and formatUserLogs). Entries of a lagging log show up late.
 */
export function tokenLog(res: ServerResponse, state: SandboxState, token: SandboxToken): void {
  const now = state.now();
  const mine = state.logs.filter((e) => state.tokenFor(e.key) === token && e.visibleAt <= now);
  const newestFirst = mine.toReversed().slice(0, MAX_RECENT_ITEMS);
  sendJson(res, 200, { success: true, message: '', data: newestFirst.map((e, i) => shown(e, i + 1, state, token)) });
}

/**
 * `GET /api/log/token?key=sk-…` of new-api 2025-04: no auth middleware, the key read from the URL,
 * every entry of that token in no particular order (the database's), ids modulo 1024
 * (Calcium-Ion/new-api@ef8ae4db controller/log.go GetLogByKey, model/log.go GetLogByKey and
 * formatUserLogs). An absent key matches no token: an empty list.
 */
export function tokenLogByKey(req: IncomingMessage, res: ServerResponse, state: SandboxState): void {
  const key = new URL(req.url ?? '/', 'http://sandbox').searchParams.get('key') ?? '';
  const token = key ? state.tokenFor(key) : undefined;
  const now = state.now();
  const mine = token ? state.logs.filter((e) => state.tokenFor(e.key) === token && e.visibleAt <= now) : [];
  sendJson(res, 200, { success: true, message: '', data: mine.map((e) => shown(e, e.dbId % 1024, state, token)) });
}
