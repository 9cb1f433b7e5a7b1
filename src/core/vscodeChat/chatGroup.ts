import * as l10n from '@vscode/l10n';
import { applyEdits, modify, parse, parseTree, type Edit, type ParseError } from 'jsonc-parser';
import { typedRoot } from '../clients/urlRules';

/**
 * The Crazyrouter group for VS Code's own chat (`chatLanguageModels.json`, a list of provider
 * groups; clients-logs-pricing.md §1.3): a Custom Endpoint group whose models are the token's,
 * marked for agent mode, with the url VS Code resolves to `/v1/chat/completions`. It never holds a
 * key: VS Code asks for it and keeps it as a secret (§1.4).
 */
export interface ChatModel {
  id: string;
  name: string;
  url: string;
  toolCalling: boolean;
  vision: boolean;
  maxOutputTokens: number;
}

export interface ChatGroup {
  name: string;
  vendor: 'customendpoint';
  apiKey?: string;
  models: ChatModel[];
}

export const GROUP_NAME = 'Crazyrouter';
/** Below new-api's pre-consumption trouble (see vscodeChatModels.ts), ample for chat and agent mode. */
const MAX_OUTPUT_TOKENS = 16_000;
const SECRET_REFERENCE = /^\$\{input:chat\.lm\.secret\.[^}]+\}$/;

export function crazyrouterGroup(models: readonly string[], baseUrl: string): ChatGroup {
  const url = `${typedRoot(baseUrl) || 'https://crazyrouter.com'}/v1`;
  return {
    name: GROUP_NAME,
    vendor: 'customendpoint',
    models: models.map((id) => ({ id, name: `${id} (Crazyrouter)`, url, toolCalling: true, vision: false, maxOutputTokens: MAX_OUTPUT_TOKENS })),
  };
}

/**
 * The file with the group added, or in place of an earlier Crazyrouter group (whose key reference
 * is kept). Every other entry, comment and the file's indentation stay as they are.
 */
export function withChatGroup(text: string, group: ChatGroup): { text: string; replaced: boolean } {
  const source = text.trim() === '' ? '[]\n' : text;
  const errors: ParseError[] = [];
  const doc: unknown = parse(source, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !Array.isArray(doc)) throw new Error(l10n.t('chatLanguageModels.json is not a list of model groups; fix or remove it first.'));
  const index = doc.findIndex((g: unknown) => {
    const record = g as { vendor?: unknown; name?: unknown } | null;
    return record?.vendor === 'customendpoint' && record.name === GROUP_NAME;
  });
  const kept = index >= 0 ? (doc[index] as { apiKey?: unknown }).apiKey : undefined;
  const value = typeof kept === 'string' && SECRET_REFERENCE.test(kept) ? { ...group, apiKey: kept } : group;
  const indent = /\n([ \t]+)\S/.exec(source)?.[1] ?? '  ';
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  if (index >= 0) {
    const formattingOptions = { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol };
    return { text: applyEdits(source, modify(source, [index], value, { formattingOptions })), replaced: true };
  }
  return { text: applyEdits(source, appendEdits(source, value, indent, eol)), replaced: false };
}

/**
 * Appending by hand, not with `modify`: jsonc-parser reformats the element before an insertion
 * (moving its comments). Only a comma after the last element (when it has none) and the new lines
 * before the closing bracket are added; nothing else in the file changes.
 */
function appendEdits(source: string, value: ChatGroup, indent: string, eol: string): Edit[] {
  const root = parseTree(source, [], { allowTrailingComma: true })!;
  const close = root.offset + root.length - 1;
  const last = root.children?.at(-1);
  const block = JSON.stringify(value, null, indent).split('\n').join(`${eol}${indent}`);
  const lineStart = source.lastIndexOf('\n', close) + 1;
  const bracketOnOwnLine = source.slice(lineStart, close).trim() === '';
  const insertAt = bracketOnOwnLine ? lineStart : close;
  const text = `${bracketOnOwnLine ? '' : eol}${indent}${block}${eol}`;
  const edits: Edit[] = [];
  if (last) {
    const after = source.slice(last.offset + last.length, close).replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
    if (!after.includes(',')) edits.push({ offset: last.offset + last.length, length: 0, content: ',' });
  }
  edits.push({ offset: insertAt, length: 0, content: text });
  return edits;
}
