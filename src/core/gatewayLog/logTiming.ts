import * as l10n from '@vscode/l10n';
/**
 * new-api writes a request's log entry in the request's own handler, right after the response's last
 * byte (QQhuxuhui/new-api@ccd535ef8 relay/compatible_handler.go → service.PostTextConsumeQuota →
 * model.RecordConsumeLog): the doctor waits this long after its last request ended before it reads
 * the log, so a database write still under way is not taken for a missing entry.
 */
export const LOG_WRITE_GRACE_MS = 750;

/**
 * The header form of `/api/log/token` came with commit 5cf788f1b (2026-02-06, "read-only token
 * authentication"); before it, the route read `?key=sk-…` from the URL. new-api builds send
 * `X-New-Api-Version` on every response since d7c55b92b (2026-01-30), so a gateway that does not is
 * older than the header form (QQhuxuhui/new-api, a fork carrying QuantumNous/new-api's history;
 * main.go server.Use(middleware.PoweredBy()) at cac45d9cb, Version() at ccd535ef8). one-api has no
 * token log route at all (songquanpeng/one-api router/api.go).
 */
export const oldLogForm = (): string =>
  l10n.t(
    'older new-api builds offer the token’s log only as GET /api/log/token?key=sk-…, with the token in the URL, where proxies and server logs keep it; the doctor never calls that form (one-api has no token log route at all)',
  );
