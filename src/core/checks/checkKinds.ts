import * as l10n from '@vscode/l10n';

/** Every kind of check, and every status a check ends in: the one list the engine, the report and the panel protocol share. */
export const CHECK_KINDS = [
  'token',
  'reachability',
  'base-url',
  'client-url',
  'protocol',
  'auth',
  'models',
  'chat',
  'streaming',
  'tools',
  'quota',
  'log',
  'cost',
  'usage',
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

/** What each kind of check is called where a person reads it (the panel's checklist says which check proves an item). */
export const CHECK_KIND_LABELS: Record<CheckKind, string> = {
  token: 'token format',
  reachability: 'reachability',
  'base-url': 'base URL shape',
  'client-url': 'the URL you typed from the client',
  protocol: "the client's own protocol",
  auth: 'authentication',
  models: 'model list and allowlist',
  chat: 'a chat per model',
  streaming: 'streaming',
  tools: 'tool calls',
  quota: 'quota',
  log: 'the gateway’s log of this run',
  cost: 'cost and prices',
  usage: 'recent usage',
};

/** A check kind's label in the reader's language. */
export const checkKindLabel = (kind: CheckKind): string => l10n.t(CHECK_KIND_LABELS[kind]);
