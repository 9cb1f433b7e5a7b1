/** The process exit codes of crazyrouter-doctor. */
export const EXIT = { ok: 0, failed: 1, usage: 2, cancelled: 130 } as const;

/** What a run of the command reads and writes: the process's streams and environment, or a test's. */
export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
  /** Aborts the run (Ctrl-C). */
  signal?: AbortSignal;
  /** Called just before the run's first request to a gateway (the command tunes V8 there: launch.ts). */
  beforeFirstRequest?: () => void;
}
