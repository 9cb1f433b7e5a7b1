import { createServer as createHttp, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export type FaultHandler = (req: IncomingMessage, res: ServerResponse) => boolean | void;

export interface LoopbackServer {
  origin: string;
  /** Every request as it arrived, with the credential headers it carried. */
  hits: { method: string; path: string; authorization?: string; apiKey?: string }[];
  close(): Promise<void>;
}

async function listen(server: Server, scheme: 'http' | 'https', hits: LoopbackServer['hits']): Promise<LoopbackServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  return {
    origin: `${scheme}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

/** A loopback server that answers every request with `handler`. */
export function startFixture(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LoopbackServer> {
  const hits: LoopbackServer['hits'] = [];
  const server = createHttp((req, res) => {
    hits.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, apiKey: header(req, 'x-api-key') });
    handler(req, res);
  });
  return listen(server, 'http', hits);
}

/** A loopback HTTPS server with the self-signed test certificate (test/fixtures/tls). */
export function startTlsFixture(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LoopbackServer> {
  const dir = path.resolve(__dirname, '../../../test/fixtures/tls');
  const hits: LoopbackServer['hits'] = [];
  const server = createHttps({ key: readFileSync(path.join(dir, 'self-signed.key')), cert: readFileSync(path.join(dir, 'self-signed.crt')) }, (req, res) => {
    hits.push({ method: req.method ?? '', path: req.url ?? '' });
    handler(req, res);
  });
  return listen(server, 'https', hits);
}

/**
 * A loopback proxy in front of `target` (a sandbox origin) that lets `fault` answer a request
 * itself (return true); everything else is passed through unchanged.
 */
export function startFaultProxy(target: string, fault: FaultHandler): Promise<LoopbackServer> {
  const upstream = new URL(target);
  return startFixture((req, res) => {
    if (fault(req, res)) return;
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
}

/** True for requests that carry a token (the anonymous probes carry none). */
export const withToken = (req: IncomingMessage) => typeof req.headers.authorization === 'string';
