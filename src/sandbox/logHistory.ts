import { quotaFor } from './prices';

/** What a scenario's token did before the run, as its log shows it. */
export type HistoryKind = 'everyday' | 'long-prompts' | 'retries' | 'shared-token' | 'none';

/** One call in the token's past (the store adds ids and the token). */
export interface PastCall {
  at: number;
  type: 2 | 5;
  model: string;
  promptTokens: number;
  completionTokens: number;
  ip: string;
  content: string;
}

const MINUTE = 60_000;
const THIS_MACHINE = '127.0.0.1';
/** Documentation addresses (RFC 5737): other machines sharing the token. */
const ELSEWHERE = ['198.51.100.23', '203.0.113.9', '192.0.2.44'];

const call = (at: number, model: string, promptTokens: number, completionTokens: number, ip = THIS_MACHINE): PastCall => ({
  at,
  type: 2,
  model,
  promptTokens,
  completionTokens,
  ip,
  content: '',
});

/** A day of ordinary use: 48 calls every half hour over the last 24 hours, mostly the baseline, one failure. */
function everyday(now: number): PastCall[] {
  const models = ['gpt-5.4', 'gpt-5.4', 'claude-sonnet-4-6', 'gpt-5.4', 'gemini-3-pro-preview', 'claude-sonnet-4-6'];
  const calls = Array.from({ length: 48 }, (_, i) =>
    call(now - (48 - i) * 30 * MINUTE, models[i % models.length]!, 800 + ((i * 997) % 5200), 150 + ((i * 131) % 750)),
  );
  calls[22] = { ...calls[22]!, type: 5, completionTokens: 0, content: 'No available channel for model gemini-3-pro-preview under group default (distributor)' };
  return calls;
}

/** Long conversations kept open: each turn sends the whole history again, so prompts grow past 32k tokens. */
function longPrompts(now: number): PastCall[] {
  const calls: PastCall[] = [];
  for (let conversation = 0; conversation < 3; conversation++) {
    for (let turn = 0; turn < 14; turn++) {
      const at = now - (3 - conversation) * 4 * 60 * MINUTE + turn * 6 * MINUTE;
      calls.push(call(at, 'claude-sonnet-4-6', 4_000 + turn * 11_000, 600 + turn * 40));
    }
  }
  return calls;
}

/** Ordinary calls, and bursts of the same request sent three times within seconds (a client that resends after its timeout). */
function retries(now: number): PastCall[] {
  const calls = everyday(now).slice(18);
  for (let burst = 0; burst < 6; burst++) {
    const at = now - (6 - burst) * 70 * MINUTE;
    for (let copy = 0; copy < 3; copy++) calls.push(call(at + copy * 3_000, 'gpt-5.4', 12_345 + burst, 400));
  }
  return calls.toSorted((a, b) => a.at - b.at);
}

/** One token used from this machine and three others. */
function sharedToken(now: number): PastCall[] {
  return everyday(now).map((c, i) => ({ ...c, ip: i % 4 === 0 ? THIS_MACHINE : ELSEWHERE[i % 3]! }));
}

const HISTORIES: Readonly<Record<HistoryKind, (now: number) => PastCall[]>> = {
  everyday,
  'long-prompts': longPrompts,
  retries,
  'shared-token': sharedToken,
  none: () => [],
};

export function pastCalls(kind: HistoryKind, now: number): PastCall[] {
  return HISTORIES[kind](now);
}

/** The quota a past call was billed (an error costs nothing). */
export const billed = (c: PastCall, group: string) => (c.type === 5 ? 0 : quotaFor(c.model, group, c.promptTokens, c.completionTokens));
