import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { RequestRecord } from '../../src/sandbox/sandboxState';

/** The sandbox gateway in a process of its own (dist/sandbox.js): it shares nothing with the doctor. */
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

interface Line {
  request?: RequestRecord;
  synced?: true;
  origin?: string;
  baseUrl?: string;
  key?: string;
}

export function startSandboxProcess(scenario = 'healthy', extra: string[] = []): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [path.join(DIST, 'sandbox.js'), '--scenario', scenario, '--exit-with-stdin', ...extra], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const requests: RequestRecord[] = [];
  const syncs: (() => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}: ${stderr}`)));
    lines.on('line', (line) => {
      const message = JSON.parse(line) as Line;
      if (message.request) return void requests.push(message.request);
      if (message.synced) return syncs.shift()?.();
      resolve({
        origin: message.origin!,
        baseUrl: message.baseUrl!,
        key: message.key!,
        requests: () =>
          new Promise((done, fail) => {
            if (child.exitCode !== null || child.signalCode !== null) return fail(new Error(`sandbox exited ${child.exitCode ?? child.signalCode}: ${stderr}`));
            syncs.push(() => done([...requests]));
            child.stdin.write('sync\n');
          }),
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
