/**
 * Watches this process's event loop while a stream arrives. A timer that should fire every
 * `periodMs` records when it really ran; if it did not run for a while before a burst of chunks
 * was read, the burst may be the doctor's own stall (busy loop, or a CPU shared with other
 * programs), not the network's: chunks that arrived one by one were read together.
 */
export class LoopWatch {
  private readonly ticks: number[] = [];
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly periodMs = 2) {}

  start(): this {
    this.ticks.push(performance.now());
    this.timer = setInterval(() => this.ticks.push(performance.now()), this.periodMs);
    this.timer.unref?.();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /**
   * How long before `at` (a `performance.now()` time) the loop may not have looked at the network:
   * from the tick before the last one. A burst read at `at` arrived after that: libuv runs due
   * timers and then polls sockets in the same iteration, so when the whole process was paused
   * (a CPU shared with other programs), the last tick fires late, just before the burst is read,
   * and only the tick before it marks the last poll that found nothing. 1 to 2 periods on a free loop.
   */
  unobservedBefore(at: number): number {
    let low = 0;
    let high = this.ticks.length - 1;
    if (high < 0 || this.ticks[0]! > at) return 0;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.ticks[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return at - this.ticks[Math.max(0, low - 1)]!;
  }

  /**
   * How much of the stretch from `from` to `to` the loop was not running (beyond its period): the
   * part of a spread of arrivals that the doctor's own pauses may have made, not the network.
   */
  stalledWithin(from: number, to: number): number {
    let stalled = 0;
    for (let i = 1; i < this.ticks.length; i++) {
      const start = Math.max(from, this.ticks[i - 1]! + this.periodMs);
      const end = Math.min(to, this.ticks[i]!);
      if (end > start) stalled += end - start;
    }
    return stalled;
  }

  /** The longest time the loop did not run while watched. */
  longestStall(until = performance.now()): number {
    let longest = 0;
    for (let i = 1; i < this.ticks.length; i++) longest = Math.max(longest, this.ticks[i]! - this.ticks[i - 1]!);
    const last = this.ticks.at(-1);
    return Math.max(longest, last === undefined ? 0 : until - last) - this.periodMs;
  }
}
