/**
 * All content chunks arriving within this window means something held the stream back and let it
 * go at once (a proxy that buffers). Token streams spread over tens to hundreds of milliseconds.
 */
export const BUFFERED_WINDOW_MS = 15;
export const MIN_CHUNKS_TO_JUDGE = 4;

/**
 * Arrivals are the times the network reads carrying content happened (not when the SDK handed the
 * chunks over, which a paused process spreads out).
 * - `incremental`: the chunks came spread out, even without the time the doctor's own event loop
 *   was stalled in between (a stall between two reads can spread a burst; the rest is the network's).
 * - `buffered`: they came together, and the doctor's event loop was free just before, so they really arrived at once.
 * - `inconclusive`: they were read together right after the loop had been stalled, or were spread
 *   only by such stalls; they may have arrived either way.
 * - `too-few`: fewer than four content chunks, nothing to judge.
 */
export type Delivery = 'incremental' | 'buffered' | 'inconclusive' | 'too-few';

export interface StreamTiming {
  /** ms from request start to the first content chunk. */
  ttftMs: number | null;
  contentChunks: number;
  /** ms between the first and the last content chunk as read. */
  spreadMs: number;
  /** Longest pause between two content chunks. */
  maxGapMs: number;
  /** How long before the first content chunk was read the doctor may not have looked at the network. */
  stallBeforeMs: number;
  /** How much of the spread the doctor's event loop was stalled. */
  stallWithinMs: number;
  delivery: Delivery;
}

/** Timing of content chunks (ms after the request started), and whether they came incrementally. */
export function analyseStreamTiming(arrivalsMs: readonly number[], stallBeforeFirstMs = 0, stallWithinMs = 0): StreamTiming {
  const first = arrivalsMs[0];
  const last = arrivalsMs[arrivalsMs.length - 1];
  let maxGapMs = 0;
  for (let i = 1; i < arrivalsMs.length; i++) maxGapMs = Math.max(maxGapMs, (arrivalsMs[i] ?? 0) - (arrivalsMs[i - 1] ?? 0));
  const spreadMs = first === undefined || last === undefined ? 0 : last - first;
  const delivery: Delivery =
    arrivalsMs.length < MIN_CHUNKS_TO_JUDGE
      ? 'too-few'
      : spreadMs - stallWithinMs >= BUFFERED_WINDOW_MS
        ? 'incremental'
        : spreadMs + stallBeforeFirstMs < BUFFERED_WINDOW_MS
          ? 'buffered'
          : 'inconclusive';
  return {
    ttftMs: first === undefined ? null : Math.round(first),
    contentChunks: arrivalsMs.length,
    spreadMs: Math.round(spreadMs),
    maxGapMs: Math.round(maxGapMs),
    stallBeforeMs: Math.round(stallBeforeFirstMs),
    stallWithinMs: Math.round(stallWithinMs),
    delivery,
  };
}
