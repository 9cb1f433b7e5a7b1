import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { connect } from 'node:net';
import { freePort } from './freePort';

/**
 * How the proxy treats an event stream:
 * - `streaming`: a plain reverse proxy; it honours the gateway's `X-Accel-Buffering: no`.
 * - `buffering`: gzip on for text/event-stream with that header ignored: nginx holds the stream
 *   back until the response ends (confirmed with `curl -N --compressed`; without gzip nginx streams
 *   even with proxy_buffering on).
 */
export type NginxMode = 'streaming' | 'buffering';

export interface Nginx {
  origin: string;
  stop(): Promise<void>;
}

export function nginxBinary(): string | undefined {
  for (const candidate of ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() || undefined : undefined;
}

const MODE_DIRECTIVES: Record<NginxMode, string> = {
  streaming: '',
  buffering: 'proxy_ignore_headers X-Accel-Buffering; gzip on; gzip_types text/event-stream; gzip_min_length 0; gzip_proxied any;',
};

/** A real nginx on a free loopback port in front of `upstream` (an http://127.0.0.1:port origin). */
export async function startNginx(upstream: string, mode: NginxMode): Promise<Nginx> {
  const binary = nginxBinary();
  if (!binary) throw new Error('nginx is not installed (apt-get install -y nginx; .ci/run installs it)');
  const dir = mkdtempSync(path.join(tmpdir(), `crazyrouter-nginx-${mode}-`));
  mkdirSync(path.join(dir, 'logs'));
  const port = await freePort();
  const root = process.getuid?.() === 0;
  const conf = [
    root ? 'user root;' : '',
    'worker_processes 1;',
    `error_log ${dir}/logs/error.log;`,
    `pid ${dir}/nginx.pid;`,
    'events { worker_connections 128; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    `    location / { proxy_pass ${upstream}; proxy_http_version 1.1; proxy_set_header Connection ""; ${MODE_DIRECTIVES[mode]} }`,
    '  }',
    '}',
  ].join('\n');
  writeFileSync(path.join(dir, 'nginx.conf'), conf);
  const child: ChildProcess = spawn(binary, ['-c', path.join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  await waitForPort(
    port,
    child,
    () => `${stderr}${existsSync(path.join(dir, 'logs/error.log')) ? readFileSync(path.join(dir, 'logs/error.log'), 'utf8') : ''}`,
  );
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGQUIT');
        setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
      }),
  };
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port}: ${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
