import type { CheckKind } from '../checks/checkTypes';
import * as l10n from '@vscode/l10n';
import type { ClientId } from './clients';
import type { UrlRuleId } from './urlRules';

/**
 * Which checks prove an item automatically (it is ticked only when every one of them that ran
 * passed, and left to the user with the reason when one could not decide, as the log check when it
 * cannot read the gateway's log); `manual` items the user ticks in the client.
 */
export type ChecklistProof = { kind: 'check'; checks: readonly CheckKind[] } | { kind: 'manual'; hint: string };

/**
 * What a scan of this machine (Scan this machine, `--discover`) can prove of an item, from the
 * findings of these URL rules: `url`, that the client's URL field names the gateway being checked
 * in the shape the client needs, with the entry switched on; `enabled`, that the entry's switch is
 * on. Only settings the client itself uses count (Cursor's one override, Cherry Studio 2.x's
 * providers), never a file the client may not read.
 */
export interface ScanProof {
  rules: readonly UrlRuleId[];
  fact: 'url' | 'enabled';
  /** What the scan reads, in words. */
  reads: string;
  /** The entry's on/off switch, in the client's words. */
  switchName: string;
}

export interface ChecklistItem {
  id: string;
  text: string;
  proof: ChecklistProof;
  /** A scan can prove it too (a manual item the scan proves is shown as the scan found it). */
  scan?: ScanProof;
  source: 'guide' | 'reference';
}

const check = (...checks: CheckKind[]): ChecklistProof => ({ kind: 'check', checks });
const manual = (hint: string): ChecklistProof => ({ kind: 'manual', hint });
const CHERRY_STUDIO_2: Omit<ScanProof, 'fact'> = {
  rules: ['cherry-studio@2', 'cherry-studio@2-responses'],
  reads: 'Cherry Studio 2.x’s cherrystudio.sqlite',
  switchName: 'the provider’s switch',
};
const CURSOR_STATE: Omit<ScanProof, 'fact'> = { rules: ['cursor'], reads: 'Cursor’s state.vscdb', switchName: 'the OpenAI API Key switch' };

/** Every item of each guide's "Verification Checklist", in the guide's order. */
export const CHECKLISTS: Record<ClientId, ChecklistItem[]> = {
  'cherry-studio': [
    { id: 'cherry.check-succeeds', text: 'Check succeeds in the provider settings', proof: check('protocol'), source: 'guide' },
    {
      id: 'cherry.api-url',
      text: 'API URL is set to https://crazyrouter.com',
      proof: check('client-url'),
      scan: { ...CHERRY_STUDIO_2, fact: 'url' },
      source: 'guide',
    },
    {
      id: 'cherry.provider-enabled',
      text: 'the provider toggle is enabled',
      proof: manual('Settings → Model Services: the Crazyrouter toggle is on.'),
      scan: { ...CHERRY_STUDIO_2, fact: 'enabled' },
      source: 'guide',
    },
    { id: 'cherry.model-added', text: 'at least one model was added from Manage', proof: check('models'), source: 'guide' },
    { id: 'cherry.first-chat', text: 'the first chat request succeeds', proof: check('chat'), source: 'guide' },
    { id: 'cherry.streaming', text: 'streaming output renders normally', proof: check('streaming'), source: 'guide' },
    { id: 'cherry.mcp', text: 'MCP services work if you enabled them', proof: check('tools'), source: 'guide' },
    { id: 'cherry.in-logs', text: 'the request appears in the Crazyrouter logs', proof: check('log'), source: 'guide' },
  ],
  cursor: [
    { id: 'cursor.verify-succeeds', text: 'Verify succeeds in Cursor Settings → Models', proof: check('auth', 'chat'), source: 'guide' },
    {
      id: 'cursor.base-url',
      text: 'Override OpenAI Base URL is set to https://crazyrouter.com/v1',
      proof: check('client-url'),
      scan: { ...CURSOR_STATE, fact: 'url' },
      source: 'guide',
    },
    { id: 'cursor.model-selected', text: 'at least one Crazyrouter-backed model is selected', proof: check('models'), source: 'guide' },
    { id: 'cursor.first-chat', text: 'the first chat request succeeds', proof: check('chat'), source: 'guide' },
    { id: 'cursor.in-logs', text: 'the matching request appears in Crazyrouter logs', proof: check('log'), source: 'guide' },
    { id: 'cursor.quota-allowlist', text: 'token quota and model allowlist match your intended setup', proof: check('quota'), source: 'guide' },
    {
      id: 'cursor.no-ip-restriction',
      text: 'the token Cursor uses has no IP restriction and the base URL is public (not localhost or LAN)',
      proof: manual('Cursor sends BYOK requests from its own servers, not from this machine: an IP-restricted token or a local URL cannot work there.'),
      source: 'reference',
    },
    {
      id: 'cursor.tab-bypass',
      text: 'you understand that Tab Completion and similar features may still bypass Crazyrouter',
      proof: manual('Cursor keeps Tab Completion on its built-in models; this is expected.'),
      source: 'guide',
    },
  ],
  'claude-code': [
    { id: 'claude.base-url', text: 'ANTHROPIC_BASE_URL is the root https://crazyrouter.com, without /v1', proof: check('client-url'), source: 'reference' },
    { id: 'claude.messages', text: 'the gateway answers Anthropic Messages (Bearer and x-api-key, streaming)', proof: check('protocol'), source: 'reference' },
    {
      id: 'claude.one-token-var',
      text: 'only one of ANTHROPIC_AUTH_TOKEN and ANTHROPIC_API_KEY is set',
      proof: manual('Setting both causes an auth conflict warning.'),
      source: 'reference',
    },
    { id: 'claude.auth', text: 'the token is accepted', proof: check('auth'), source: 'reference' },
    { id: 'claude.first-chat', text: 'the chosen model answers', proof: check('chat'), source: 'reference' },
    { id: 'claude.tools', text: 'the model returns tool calls', proof: check('tools'), source: 'reference' },
  ],
  codex: [
    { id: 'codex.base-url', text: 'base_url is https://crazyrouter.com/v1', proof: check('client-url'), source: 'reference' },
    { id: 'codex.responses', text: 'the gateway answers the Responses API (JSON and streaming)', proof: check('protocol'), source: 'reference' },
    {
      id: 'codex.wire-api',
      text: 'wire_api = "responses" (the "chat" wire API is no longer supported)',
      proof: manual('Open ~/.codex/config.toml and check the provider’s wire_api.'),
      source: 'reference',
    },
    {
      id: 'codex.env-key',
      text: 'env_key names a variable that holds a dedicated Codex token',
      proof: manual('Codex reads the key from the environment variable named by env_key.'),
      source: 'reference',
    },
    { id: 'codex.auth', text: 'the token is accepted', proof: check('auth'), source: 'reference' },
    { id: 'codex.streaming', text: 'streaming works', proof: check('streaming'), source: 'reference' },
  ],
  cline: [
    { id: 'cline.base-url', text: 'Base URL is https://crazyrouter.com/v1 (Cline uses it exactly as typed)', proof: check('client-url'), source: 'reference' },
    { id: 'cline.model-id', text: 'Model ID names a model the token allows', proof: check('models'), source: 'reference' },
    { id: 'cline.first-chat', text: 'the first chat request succeeds', proof: check('chat'), source: 'reference' },
    { id: 'cline.streaming', text: 'streaming with usage works (Cline always streams)', proof: check('streaming'), source: 'reference' },
    { id: 'cline.tools', text: 'the model returns tool calls', proof: check('tools'), source: 'reference' },
  ],
  // VS Code's own chat, Custom Endpoint models (clients-logs-pricing.md §1.3–§1.5).
  'vscode-chat': [
    {
      id: 'vscode.url',
      text: 'each Crazyrouter model’s url resolves to https://crazyrouter.com/v1/chat/completions',
      proof: check('client-url'),
      source: 'reference',
    },
    {
      id: 'vscode.key-secret',
      text: 'the API key was entered in Chat: Manage Language Models, not typed into chatLanguageModels.json',
      proof: manual('A plain sk-… in the file is looked up as the name of a secret, so VS Code sends an empty key. Scan this machine checks the file.'),
      source: 'reference',
    },
    { id: 'vscode.auth', text: 'the token is accepted', proof: check('auth'), source: 'reference' },
    { id: 'vscode.model-ids', text: 'every model id is one the token may use (VS Code sends the id as it is)', proof: check('models'), source: 'reference' },
    { id: 'vscode.first-chat', text: 'the first chat request succeeds', proof: check('chat'), source: 'reference' },
    { id: 'vscode.streaming', text: 'streaming output renders normally', proof: check('streaming'), source: 'reference' },
    {
      id: 'vscode.tool-calling',
      text: 'models meant for agent mode have "toolCalling": true and return tool calls',
      proof: check('tools'),
      source: 'reference',
    },
  ],
};

/** A client's checklist in the reader's language (the guides' items translated faithfully). */
export function localizedChecklist(client: ClientId): ChecklistItem[] {
  return CHECKLISTS[client].map((item) => ({
    ...item,
    text: l10n.t(item.text),
    proof: item.proof.kind === 'manual' ? { kind: 'manual', hint: l10n.t(item.proof.hint) } : item.proof,
  }));
}
