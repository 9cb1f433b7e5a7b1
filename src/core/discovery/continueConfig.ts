import * as l10n from '@vscode/l10n';
import type { DiscoveredConfig, ParsedFile } from './discoveredConfig';
import { asRecord, listAt, textAt, type Problems } from './fields';
import { fingerprint } from './fingerprint';

/** `~/.continue/config.yaml`: OpenAI-provider models and their `apiBase` (client-url-rules.md §D). */
export function readContinueConfig(doc: unknown, file: ParsedFile): DiscoveredConfig[] {
  const fileProblems: Problems = [];
  const models = listAt(asRecord(doc), 'models', '', fileProblems) ?? [];
  const found = models.flatMap((raw, index): DiscoveredConfig[] => {
    const problems: Problems = [];
    const model = asRecord(raw);
    const where = `models[${index}].`;
    if (textAt(model, 'provider', where, problems) !== 'openai') return [];
    const apiBase = textAt(model, 'apiBase', where, problems);
    if (!apiBase && problems.length === 0) return [];
    const apiKey = textAt(model, 'apiKey', where, problems);
    const literalKey = apiKey && !apiKey.includes('${{') ? apiKey : undefined;
    return [
      {
        client: 'Continue',
        rule: 'continue',
        file: file.path,
        entry: `models: ${textAt(model, 'name', where, problems) ?? l10n.t('(unnamed)')}`,
        model: textAt(model, 'model', where, problems),
        baseUrl: apiBase,
        tokenFingerprint: literalKey ? fingerprint(literalKey) : undefined,
        tokenSource: literalKey ? 'apiKey' : apiKey ? l10n.t('a secret reference') : undefined,
        problems,
      },
    ];
  });
  return found.length > 0 || fileProblems.length === 0 ? found : [{ client: 'Continue', rule: 'continue', file: file.path, problems: fileProblems }];
}
