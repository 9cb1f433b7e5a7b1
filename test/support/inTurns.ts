// For a test file whose tests each wait on a slow child process (a CLI run of a second or more,
// mostly spent waiting): its suite starts every run at once, a few at a time, and each test awaits
// its own, so the file is not the suite's long pole. Each run keeps its own timeouts.
import { suiteSetup, test } from 'mocha';

/** Runs the tasks given to it at most `running` at a time, in the order given. */
export function inTurns(running: number): <T>(task: () => Promise<T>) => Promise<T> {
  const waiting: (() => void)[] = [];
  let active = 0;
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < running) active++;
    else await new Promise<void>((go) => waiting.push(go));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/**
 * Each key's run, started once, `running` at a time: `start` begins them all (from `suiteSetup`),
 * `of` is the run a test judges (started then, if `start` did not).
 */
export class EarlyRuns<Case, Outcome> {
  private readonly outcomes = new Map<Case, Promise<Outcome>>();
  private readonly turn: ReturnType<typeof inTurns>;

  constructor(
    private readonly run: (c: Case) => Promise<Outcome>,
    running: number,
  ) {
    this.turn = inTurns(running);
  }

  start(cases: Iterable<Case>): void {
    for (const c of cases) void this.of(c).catch(() => undefined); // the test that awaits it fails
  }

  of(c: Case): Promise<Outcome> {
    let outcome = this.outcomes.get(c);
    if (!outcome) this.outcomes.set(c, (outcome = this.turn(() => this.run(c))));
    return outcome;
  }
}

/**
 * Tests whose bodies wait on child processes and servers of their own: every body starts when the
 * suite starts, `running` at a time, and each test reports its own body's outcome (its assertions
 * included). Call it inside the suite; use it like mocha's `test`.
 */
export function concurrentTests(running: number): (title: string, body: () => Promise<void>) => void {
  const bodies = new Map<string, () => Promise<void>>();
  const runs = new EarlyRuns<string, void>((title) => bodies.get(title)!(), running);
  suiteSetup(() => runs.start(bodies.keys()));
  return (title, body) => {
    if (bodies.has(title)) throw new Error(`two tests named "${title}"`);
    bodies.set(title, body);
    test(title, () => runs.of(title));
  };
}
