import * as l10n from '@vscode/l10n';
import type { UrlRuleId } from '../clients/urlRules';
import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { asRecord, listAt, textAt, type Problems } from './fields';
import { fingerprint } from './fingerprint';

/**
 * VS Code's own chat: `chatLanguageModels.json` of a profile, a list of provider groups
 * (clients-logs-pricing.md §1.2–§1.6; microsoft/vscode extensions/copilot/src/extension/byok/
 * vscode-node/customEndpointProvider.ts @00812842 for the fields, src/vs/workbench/contrib/chat/
 * common/languageModels.ts for the `${input:chat.lm.secret.…}` key reference). Each model of a
 * Custom Endpoint (or the older OpenAI Compatible) group is one finding.
 */
const VENDORS = new Set(['customendpoint', 'customoai']);
const API_TYPES: Record<string, UrlRuleId> = {
  'chat-completions': 'vscode-chat',
  responses: 'vscode-chat@responses',
  messages: 'vscode-chat@messages',
};
/** new-api pre-consumes quota for max_tokens; above this a low balance refuses even a short chat. */
const LARGE_OUTPUT_TOKENS = 32_000;
const SECRET_REFERENCE = /^\$\{input:chat\.lm\.secret\.[^}]+\}$/;

/** The API a url names by its path, if any (VS Code then uses the url as it is). */
function namedApi(url: string | undefined): string | undefined {
  if (url?.includes('/messages')) return 'messages';
  if (url?.includes('/responses')) return 'responses';
  if (url?.includes('/chat/completions')) return 'chat-completions';
  return undefined;
}

/** What the key in `field` (a path such as `[0].models[1].apiKey`, or a group's apiKey in words) tells. */
function keyFacts(apiKey: string | undefined, field: string): Pick<DiscoveredConfig, 'tokenFingerprint' | 'tokenSource'> & { problem?: string } {
  if (!apiKey) return { tokenSource: undefined };
  if (SECRET_REFERENCE.test(apiKey)) return { tokenSource: l10n.t('VS Code’s secret storage (chat.lm.secret)') };
  return {
    tokenFingerprint: fingerprint(apiKey),
    tokenSource: l10n.t('{where}, as plain text', { where: field }),
    problem: l10n.t(
      '{field} is the key itself: VS Code reads it as the name of a secret and sends an empty key (401). Remove it and enter the key in Chat: Manage Language Models.',
      { field },
    ),
  };
}

export function readVsCodeChatModels(doc: unknown, file: ParsedFile): DiscoveredConfig[] {
  const fileProblems: Problems = [];
  if (!Array.isArray(doc))
    return [{ client: 'VS Code (Copilot Chat)', rule: 'vscode-chat', file: file.path, problems: [l10n.t('The file is not a list of model groups.')] }];
  const found = doc.flatMap((rawGroup, g): DiscoveredConfig[] => {
    const group = asRecord(rawGroup);
    const vendor = textAt(group, 'vendor', `[${g}].`, fileProblems);
    if (!vendor || !VENDORS.has(vendor)) return [];
    const groupName = textAt(group, 'name', `[${g}].`, fileProblems) ?? l10n.t('(unnamed)');
    const groupKey = keyFacts(textAt(group, 'apiKey', `[${g}].`, fileProblems), l10n.t('group "{name}" apiKey', { name: groupName }));
    const groupApiType = textAt(group, 'apiType', `[${g}].`, fileProblems);
    const models = listAt(group, 'models', `[${g}].`, fileProblems) ?? [];
    return models.map((rawModel, m): DiscoveredConfig => {
      const problems: Problems = [];
      const model = asRecord(rawModel);
      const where = `[${g}].models[${m}].`;
      const id = textAt(model, 'id', where, problems);
      const url = textAt(model, 'url', where, problems);
      const declared = textAt(model, 'apiType', where, problems) ?? groupApiType;
      const named = namedApi(url);
      const apiType = declared ?? named ?? 'chat-completions';
      const rule = API_TYPES[apiType] ?? 'vscode-chat';
      if (declared && !API_TYPES[declared])
        problems.push(l10n.t('apiType "{declared}" is not one VS Code knows (chat-completions, responses, messages).', { declared }));
      if (!url) problems.push(l10n.t('models[].url is empty: VS Code cannot call this model (microsoft/vscode#333701). Set it to https://crazyrouter.com/v1.'));
      if (declared && named && named !== declared)
        problems.push(l10n.t('The url names the {named} API but apiType is "{declared}": VS Code sends a {declared} body to that path.', { named, declared }));
      const toolCalling = model?.toolCalling;
      if (toolCalling !== true)
        problems.push(
          toolCalling === false
            ? l10n.t('"toolCalling" is false: this model is not offered in agent mode.')
            : l10n.t('"toolCalling" is not set: this model is not offered in agent mode.'),
        );
      const maxOutput = model?.maxOutputTokens;
      if (typeof maxOutput === 'number' && maxOutput > LARGE_OUTPUT_TOKENS)
        problems.push(
          l10n.t('maxOutputTokens {tokens}: the gateway reserves quota for that many tokens before answering, so a low balance refuses even a short chat.', {
            tokens: maxOutput,
          }),
        );
      const ownKey = keyFacts(textAt(model, 'apiKey', where, problems), `${where}apiKey`);
      const key = ownKey.tokenSource ? ownKey : groupKey;
      if (key.problem) problems.push(key.problem);
      return {
        client: 'VS Code (Copilot Chat)',
        rule,
        file: file.path,
        entry: `${groupName} · ${id ?? l10n.t('(no id)')}`,
        model: id,
        baseUrl: url,
        tokenFingerprint: key.tokenFingerprint,
        tokenSource: key.tokenSource,
        problems,
      };
    });
  });
  return found.length > 0 || fileProblems.length === 0
    ? found
    : [{ client: 'VS Code (Copilot Chat)', rule: 'vscode-chat', file: file.path, problems: fileProblems }];
}
