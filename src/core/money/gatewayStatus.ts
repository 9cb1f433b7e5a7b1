import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { lenient } from '../lenient';
import { callGateway } from '../checks/gatewayCall';
import type { GatewayClient } from '../transport/gatewayClient';
import { gatewayRoot } from '../urls';

/**
 * `GET /api/status`, public: how the gateway shows quota. `quota_per_unit` (500,000 = $1),
 * `quota_display_type` USD | CNY | TOKENS | CUSTOM with `usd_exchange_rate` and the custom
 * symbol and rate (QQhuxuhui/new-api@ccd535ef8 controller/misc.go GetStatus,
 * setting/operation_setting/general_setting.go); new-api 2025-04 and one-api have only
 * `display_in_currency` (Calcium-Ion/new-api@ef8ae4db controller/misc.go; songquanpeng/one-api
 * controller/misc.go). Wrong types read as missing.
 */
const num = lenient(z.number());
const str = lenient(z.string());
export const GatewayStatusSchema = z.object({
  data: z.looseObject({
    version: str,
    system_name: str,
    quota_per_unit: num,
    display_in_currency: lenient(z.boolean()),
    quota_display_type: str,
    usd_exchange_rate: num,
    custom_currency_symbol: str,
    custom_currency_exchange_rate: num,
  }),
});
export type GatewayStatus = z.infer<typeof GatewayStatusSchema>['data'];

export interface StatusRead {
  status?: GatewayStatus;
  /** The `X-New-Api-Version` header of the answer (new-api builds since 2026-01-30 send it on every response). */
  version?: string;
  /** Why there is no status, when there is none. */
  reason?: string;
}

/** Reads `/api/status` without the token (it is public). */
export async function readGatewayStatus(client: GatewayClient, baseUrl: string): Promise<StatusRead> {
  const url = `${gatewayRoot(baseUrl)}/api/status`;
  const call = await callGateway(client, { route: 'billing', anonymous: true }, () => client.anonymousSdk.get<unknown>(url, client.anonymous));
  const version = call.exchange?.gatewayVersion;
  if (!call.ok) return { version, reason: l10n.t('{route} answered: {summary}', { route: '/api/status', summary: call.diagnosis.summary }) };
  const parsed = GatewayStatusSchema.safeParse(call.value);
  return parsed.success
    ? { status: parsed.data.data, version }
    : { version, reason: l10n.t('{route} answered with something else than the gateway’s status', { route: '/api/status' }) };
}
