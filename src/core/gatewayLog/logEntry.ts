import * as z from 'zod/mini';

/**
 * One entry of `GET /api/log/token`, as new-api writes it (QQhuxuhui/new-api@ccd535ef8, a fork
 * carrying QuantumNous/new-api's history: model/log.go `type Log`). `request_id` exists since
 * QuantumNous/new-api PR #2825 (merged 2026-02-04); `ip` is filled only when the user turned on IP
 * recording; `content` is free text. Everything here is the gateway's text: hostile until escaped.
 */
const RawEntrySchema = z.looseObject({
  id: z.optional(z.number()),
  created_at: z.number(),
  type: z.number(),
  model_name: z.optional(z.string()),
  quota: z.optional(z.number()),
  prompt_tokens: z.optional(z.number()),
  completion_tokens: z.optional(z.number()),
  use_time: z.optional(z.number()),
  is_stream: z.optional(z.boolean()),
  group: z.optional(z.string()),
  ip: z.optional(z.string()),
  request_id: z.optional(z.string()),
  token_name: z.optional(z.string()),
  content: z.optional(z.string()),
});

/** model/log.go: LogTypeConsume = 2, LogTypeError = 5 (0 unknown, 1 top-up, 3 manage, 4 system, 6 refund). */
export const LOG_TYPE = { consume: 2, error: 5 } as const;

export interface LogEntry {
  /** The display id (new-api renumbers them 1..N, newest first: not the database id). */
  id?: number;
  /** When the gateway logged it, ms since the epoch (the gateway's clock). */
  at: number;
  type: number;
  model: string;
  quota: number;
  promptTokens: number;
  completionTokens: number;
  group?: string;
  ip?: string;
  requestId?: string;
}

/** The route's envelope: `{success, message, data: [Log, …]}` (controller/log.go GetLogByKey). */
export const TokenLogEnvelopeSchema = z.object({
  success: z.boolean(),
  message: z.optional(z.string()),
  data: z.nullish(z.array(z.unknown())),
});

const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : 0);

/** The entries that read as log entries; the rest are counted, never guessed at. */
export function readEntries(data: readonly unknown[]): { entries: LogEntry[]; unreadable: number } {
  const entries: LogEntry[] = [];
  let unreadable = 0;
  for (const raw of data) {
    const parsed = RawEntrySchema.safeParse(raw);
    const at = parsed.success ? parsed.data.created_at * 1000 : Number.NaN;
    if (!parsed.success || !Number.isFinite(at) || at <= 0) {
      unreadable++;
      continue;
    }
    const e = parsed.data;
    entries.push({
      id: e.id,
      at,
      type: e.type,
      model: e.model_name ?? '',
      quota: Math.max(0, finite(e.quota)),
      promptTokens: Math.max(0, finite(e.prompt_tokens)),
      completionTokens: Math.max(0, finite(e.completion_tokens)),
      group: e.group || undefined,
      ip: e.ip || undefined,
      requestId: e.request_id || undefined,
    });
  }
  return { entries, unreadable };
}
