import type { ClientId } from './clients';
import type { UrlRuleId } from './urlRules';

/** The URL rule of each client in the picker (Cherry Studio: the current, ≥ 1.7, rules). */
export const DEFAULT_URL_RULE: Record<ClientId, UrlRuleId> = {
  'cherry-studio': 'cherry-studio@1.7',
  cursor: 'cursor',
  'claude-code': 'claude-code',
  codex: 'codex',
  cline: 'cline',
  'vscode-chat': 'vscode-chat',
};
