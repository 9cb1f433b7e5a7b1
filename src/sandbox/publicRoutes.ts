import type { ServerResponse } from 'node:http';
import { FULL_CATALOG } from './catalog';
import { GATEWAYS } from './gatewayVersions';
import { sendJson } from './httpUtil';
import { GROUP_RATIO, PRICES, QUOTA_PER_UNIT } from './prices';
import type { SandboxState } from './sandboxState';

/**
 * `GET /api/status`, public. new-api 2026 says how the dashboard shows quota (quota_display_type and
 * its rates: QQhuxuhui/new-api@ccd535ef8 controller/misc.go GetStatus); new-api 2025-04 and one-api
 * only whether it is shown as money (display_in_currency: Calcium-Ion/new-api@ef8ae4db
 * controller/misc.go; songquanpeng/one-api controller/misc.go).
 */
export function gatewayStatus(res: ServerResponse, state: SandboxState): void {
  const traits = GATEWAYS[state.gateway];
  const display = state.scenario.display;
  const common = {
    version: traits.versionHeader ?? (traits.family === 'one-api' ? 'v0.6.10' : 'v0.6.6'),
    start_time: Math.floor(state.now() / 1000) - 86_400,
    system_name: traits.dashboardTitle,
    quota_per_unit: QUOTA_PER_UNIT,
    display_in_currency: display !== 'TOKENS',
    top_up_link: '',
    server_address: '',
  };
  const data = traits.statusDisplayType
    ? {
        ...common,
        quota_display_type: display,
        custom_currency_symbol: 'Ⓒ',
        custom_currency_exchange_rate: 1000,
        usd_exchange_rate: 7.3,
        price: 7.3,
      }
    : common;
  sendJson(res, 200, { success: true, message: '', data });
}

/**
 * `GET /api/pricing`, public: each model's ratios and the visitor's group ratios
 * (QQhuxuhui/new-api@ccd535ef8 controller/pricing.go, model/pricing.go). A site that turned its
 * pricing page off answers 403 "pricing is disabled" (middleware/header_nav.go HeaderNavModuleAuth).
 */
export function pricingList(res: ServerResponse, state: SandboxState): void {
  if (state.scenario.pricingHidden) return sendJson(res, 403, { success: false, message: 'pricing is disabled' });
  const data = FULL_CATALOG.map((m) => {
    const price = PRICES[m.id]!;
    return {
      model_name: m.id,
      quota_type: price.quotaType,
      model_ratio: price.modelRatio,
      model_price: price.modelPrice,
      owner_by: m.ownedBy,
      completion_ratio: price.completionRatio,
      enable_groups: Object.keys(GROUP_RATIO),
      supported_endpoint_types: ['openai'],
    };
  });
  sendJson(res, 200, { success: true, data, group_ratio: GROUP_RATIO, usable_group: { default: '默认分组', vip: 'VIP' } });
}
