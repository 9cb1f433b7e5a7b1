import * as z from 'zod/mini';

/**
 * One entry of `GET /api/log/token`, as new-api writes it (QQhuxuhui/new-api@ccd535ef8, a fork
 * carrying QuantumNous/new-api's history: model/log.go `type Log`). `request_id` exists since
 * QuantumNous/new-api PR #2825 (merged 2026-02-04); `ip` is filled only when the user turned on IP
 * recording; `content` is free text. Everything here is the gateway's text: hostile until escaped.
 * Each field the doctor reads, with the JSON type it must have when present; other fields pass.
 */
const ENTRY_FIELDS = {
  id: 'number',
  created_at: 'number',
  type: 'number',
  model_name: 'string',
  quota: 'number',
  prompt_tokens: 'number',
  completion_tokens: 'number',
  use_time: 'number',
  is_stream: 'boolean',
  group: 'string',
  ip: 'string',
  request_id: 'string',
  token_name: 'string',
  content: 'string',
} as const;
/** The fields an entry must have. */
const REQUIRED = ['created_at', 'type'] as const satisfies readonly (keyof typeof ENTRY_FIELDS)[];

type FieldType<K extends keyof typeof ENTRY_FIELDS> = { number: number; string: string; boolean: boolean }[(typeof ENTRY_FIELDS)[K]];
type RawEntry = { [K in keyof typeof ENTRY_FIELDS]?: FieldType<K> } & { [K in (typeof REQUIRED)[number]]: FieldType<K> };

/**
 * An entry as the fields say, or undefined. Checked by hand rather than with a zod schema: the log
 * holds up to 1,000 entries, and a fresh CLI process spent 13–18 ms validating them with one (zod's
 * code still cold), against ~1 ms for this loop (10 runs each). A number must be finite.
 */
function rawEntry(raw: unknown): RawEntry | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const record = raw as Record<string, unknown>;
  for (const field of REQUIRED) if (record[field] === undefined) return undefined;
  for (const [field, type] of Object.entries(ENTRY_FIELDS)) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) return undefined;
  }
  return record as RawEntry;
}

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
    const e = rawEntry(raw);
    const at = e ? e.created_at * 1000 : Number.NaN;
    if (!e || !Number.isFinite(at) || at <= 0) {
      unreadable++;
      continue;
    }
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
