/** What a whole run ends in: the worst status of its checks, or cancelled. */
export const VERDICTS = ['pass', 'warn', 'fail', 'cancelled'] as const;
export type Verdict = (typeof VERDICTS)[number];
