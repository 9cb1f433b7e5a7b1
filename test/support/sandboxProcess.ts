import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { RequestRecord } from '../../src/sandbox/sandboxState';

/**
 * The sandbox gateway in a process of its own (dist/sandbox.js): it shares nothing with the doctor.
 * The gateways of a test process (a mocha worker, and so every file it runs) share one such process
 * (`--host`): a Node start costs ~45 ms of CPU, and some files start dozens; each gateway still has
 * its own port, state and records.
 */
export interface SandboxProcess {
  origin: string;
  baseUrl: string;
  key: string;
  /**
   * The requests it has answered so far, every one of them: the gateway prints each request's line
   * when the response closes, which can be after the client has read the answer, so this asks the
   * gateway to finish what is in flight first (src/sandbox/main.ts, `sync`).
   */
  requests(): Promise<RequestRecord[]>;
  stop(): Promise<void>;
}

export const DIST = path.resolve(__dirname, '../../../dist');

interface Answer {
  id: number;
  request?: RequestRecord;
  synced?: true;
  stopped?: true;
  error?: string;
  origin?: string;
  baseUrl?: string;
  key?: string;
}

interface Host {
  child: ChildProcessWithoutNullStreams;
  /** Each live gateway's answers, by id. */
  listeners: Map<number, (answer: Answer) => void>;
  nextId: number;
  stderr: string;
}

let running: Host | undefined;

/** This test process's host process, started when first needed; it keeps the test process alive only while a gateway is. */
function host(): Host {
  if (running && running.child.exitCode === null && running.child.signalCode === null) return running;
  const child = spawn(process.execPath, [path.join(DIST, 'sandbox.js'), '--host'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const started: Host = { child, listeners: new Map(), nextId: 1, stderr: '' };
  child.stderr.on('data', (d) => (started.stderr += d));
  // A write to a host that has just died fails (EPIPE) before its exit is seen: the exit reports it.
  child.stdin.on('error', () => {});
  createInterface({ input: child.stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as Answer;
    started.listeners.get(answer.id)?.(answer);
  });
  child.once('exit', (code, signal) => {
    const ended: Answer = { id: 0, error: `sandbox host exited ${code ?? signal}: ${started.stderr}` };
    for (const listener of started.listeners.values()) listener(ended);
  });
  running = started;
  return started;
}

function holdOpen(h: Host): void {
  const hold = h.listeners.size > 0;
  for (const handle of [h.child, h.child.stdin, h.child.stdout, h.child.stderr] as { ref(): void; unref(): void }[]) {
    if (hold) handle.ref();
    else handle.unref();
  }
}

export function startSandboxProcess(scenario = 'healthy', extra: string[] = []): Promise<SandboxProcess> {
  const h = host();
  const id = h.nextId++;
  const requests: RequestRecord[] = [];
  const waiting: { synced: (() => void)[]; stopped: (() => void)[] } = { synced: [], stopped: [] };
  let ended: string | undefined;
  const send = (command: object) => h.child.stdin.write(`${JSON.stringify(command)}\n`);
  return new Promise((resolve, reject) => {
    h.listeners.set(id, (answer) => {
      if (answer.request) return void requests.push(answer.request);
      if (answer.synced) return waiting.synced.shift()?.();
      if (answer.stopped) {
        h.listeners.delete(id);
        holdOpen(h);
        for (const done of waiting.stopped.splice(0)) done();
        return;
      }
      if (answer.error !== undefined) {
        ended = answer.error;
        h.listeners.delete(id);
        holdOpen(h);
        for (const done of [...waiting.synced.splice(0), ...waiting.stopped.splice(0)]) done();
        return reject(new Error(answer.error));
      }
      resolve({
        origin: answer.origin!,
        baseUrl: answer.baseUrl!,
        key: answer.key!,
        requests: () =>
          new Promise((done, fail) => {
            if (ended !== undefined || !h.listeners.has(id)) return fail(new Error(`sandbox stopped${ended ? `: ${ended}` : ''}`));
            waiting.synced.push(() => (ended === undefined ? done([...requests]) : fail(new Error(ended))));
            send({ sync: id });
          }),
        stop: () =>
          new Promise<void>((done) => {
            if (!h.listeners.has(id)) return done();
            waiting.stopped.push(done);
            send({ stop: id });
          }),
      });
    });
    holdOpen(h);
    send({ start: id, args: ['--scenario', scenario, ...extra] });
  });
}
