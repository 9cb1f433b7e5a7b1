/**
 * new-api's in-memory rate limiter as its critical limit uses it: per key ("CT" + client IP), a
 * queue of at most `max` request times in whole seconds; a request is let through while the queue
 * is not full, or when its oldest entry is `duration` seconds old (it is then replaced); refused
 * requests are not counted (QQhuxuhui/new-api@ccd535ef8 common/rate-limit.go
 * InMemoryRateLimiter.Request; middleware/rate-limit.go memoryRateLimiter, CriticalRateLimit "CT").
 */
export class CriticalLimiter {
  private readonly queues = new Map<string, number[]>();

  constructor(
    private readonly clock: () => number,
    readonly max = 20,
    readonly durationSeconds = 20 * 60,
  ) {}

  /** Whether a request from `ip` may pass now (and counts it if so). */
  request(ip: string): boolean {
    const key = `CT${ip}`;
    const now = Math.floor(this.clock() / 1000);
    const queue = this.queues.get(key) ?? [];
    this.queues.set(key, queue);
    if (queue.length < this.max) {
      queue.push(now);
      return true;
    }
    if (now - queue[0]! >= this.durationSeconds) {
      queue.shift();
      queue.push(now);
      return true;
    }
    return false;
  }

  /** Requests already in `ip`'s bucket (the dashboard logins of a scenario), at `now` or the clock's now. */
  prefill(ip: string, count: number): void {
    for (let i = 0; i < count; i++) this.request(ip);
  }
}
