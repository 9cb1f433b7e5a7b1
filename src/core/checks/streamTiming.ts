/** Below this spread, four or more content chunks arrived "at once": something buffered the stream. */
export const BUFFERED_SPREAD_MS = 15;
export const MIN_CHUNKS_TO_JUDGE = 4;

export interface StreamTiming {
  /** ms from request start to the first content chunk. */
  ttftMs: number | null;
  contentChunks: number;
  /** ms between the first and the last content chunk. */
  spreadMs: number;
  /** Longest pause between two content chunks. */
  maxGapMs: number;
  buffered: boolean;
  judgeable: boolean;
}

/** Timing of content chunks (ms after the request started), and whether they came incrementally. */
export function analyseStreamTiming(arrivalsMs: readonly number[]): StreamTiming {
  const first = arrivalsMs[0];
  const last = arrivalsMs[arrivalsMs.length - 1];
  let maxGapMs = 0;
  for (let i = 1; i < arrivalsMs.length; i++) maxGapMs = Math.max(maxGapMs, (arrivalsMs[i] ?? 0) - (arrivalsMs[i - 1] ?? 0));
  const spreadMs = first === undefined || last === undefined ? 0 : last - first;
  const judgeable = arrivalsMs.length >= MIN_CHUNKS_TO_JUDGE;
  return {
    ttftMs: first === undefined ? null : Math.round(first),
    contentChunks: arrivalsMs.length,
    spreadMs: Math.round(spreadMs),
    maxGapMs: Math.round(maxGapMs),
    buffered: judgeable && spreadMs < BUFFERED_SPREAD_MS,
    judgeable,
  };
}
