// The command as a user runs it: `node dist/cli.js …` in a process of its own.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { DIST } from './sandboxProcess';

export const CLI = path.join(DIST, 'cli.js');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with exactly `env` (the caller starts from process.env where it wants it), 60 s at most. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, cliJs = CLI): Promise<CliOutcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cliJs, ...args], { env, encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}
