import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import type { RequestRecord } from '../../src/sandbox/sandboxState';

/** The sandbox gateway in a process of its own (dist/sandbox.js): it shares nothing with the doctor. */
export interface SandboxProcess {
  origin: string;
  baseUrl: string;
  key: string;
  /** The requests it has answered so far. */
  requests: RequestRecord[];
  stop(): Promise<void>;
}

export const DIST = path.resolve(__dirname, '../../../dist');

export function startSandboxProcess(scenario = 'healthy', extra: string[] = []): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [path.join(DIST, 'sandbox.js'), '--scenario', scenario, '--exit-with-stdin', ...extra], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const requests: RequestRecord[] = [];
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}: ${stderr}`)));
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { request?: RequestRecord; origin?: string; baseUrl?: string; key?: string };
      if (message.request) return void requests.push(message.request);
      resolve({
        origin: message.origin!,
        baseUrl: message.baseUrl!,
        key: message.key!,
        requests,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
