import type { GatewaySnapshotId } from '../core/wordings/snapshots';
import { GATEWAYS } from './gatewayVersions';

/** The single-page dashboard new-api serves with status 200 for every path outside /v1, /api and /assets. */
export function dashboardPage(gateway: GatewaySnapshotId): string {
  const title = GATEWAYS[gateway].dashboardTitle;
  return `<!doctype html><html lang="zh"><head><meta charset="UTF-8" /><link rel="icon" href="/logo.png" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><meta name="description" content="OpenAI 接口聚合管理" /><title>${title}</title><script type="module" crossorigin src="/assets/index-sandbox.js"></script></head><body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div></body></html>`;
}
