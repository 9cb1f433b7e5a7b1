/** Every kind of check, and every status a check ends in: the one list the engine, the report and the panel protocol share. */
export const CHECK_KINDS = ['token', 'reachability', 'base-url', 'client-url', 'protocol', 'auth', 'models', 'chat', 'streaming', 'tools', 'quota'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export const CHECK_STATUSES = ['pass', 'warn', 'fail', 'skipped'] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];
