// How long the command takes to start: `--version` (nothing but the bundle's own start-up) and
// `--mcp` until its server says it is ready (the MCP SDK loaded on demand). The first shows that
// the MCP SDK and undici cost a normal run nothing; the second what they cost when asked for.
import { spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, 'cli.js');

/** Milliseconds from spawn to exit of `crazyrouter-doctor --version`. */
export function versionStartMs(): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`--version failed: ${run.stderr}`);
  return performance.now() - started;
}

/** Milliseconds from spawn to the MCP server's "ready" line on standard error. */
export function mcpReadyMs(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, '--mcp'], { stdio: ['pipe', 'ignore', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += String(d);
      if (!stderr.includes('MCP server ready')) return;
      const ms = performance.now() - started;
      child.stdin.end();
      child.once('exit', () => resolve(ms));
    });
    child.once('error', reject);
  });
}
