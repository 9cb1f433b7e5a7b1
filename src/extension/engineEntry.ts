/**
 * The heavy half of the extension, bundled on its own as dist/engine.js and loaded only when a
 * check runs: the engine, the openai SDK, report rendering, and the sandbox for demo runs.
 */
export { verify } from '../core/engine/verify';
export { parseProfile } from '../core/profile';
export { Secret } from '../core/secret';
export { redact } from '../core/redact';
export { renderMarkdown } from '../core/report/markdown';
export { findingsFor } from '../core/report/report';
export { startSandbox } from '../sandbox/sandboxServer';
export { discoverConfigs } from '../core/discovery/discoverConfigs';
export { scanChecklist } from '../core/discovery/scanChecklist';
export { prepareFor } from '../core/engine/prepare';
export { crazyrouterGroup, withChatGroup } from '../core/vscodeChat/chatGroup';
export { diagnoseChatError } from '../core/vscodeChat/chatErrorDiagnosis';
export { useBundle } from '../core/l10n/localize';
export { CriticalGate } from '../core/critical/criticalGate';
export { vscodeProxyRoute } from '../core/transport/vscodeProxyRoute';
