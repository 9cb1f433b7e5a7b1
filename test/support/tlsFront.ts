// An https gateway on 127.0.0.1: a TLS front with the self-signed test certificate
// (test/fixtures/tls, for 127.0.0.1) that passes every request to a plain-http sandbox. A client
// trusts it only with NODE_EXTRA_CA_CERTS pointing at that certificate.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import * as path from 'node:path';

export const TEST_CERTIFICATE = path.resolve(__dirname, '../../../test/fixtures/tls/self-signed.crt');
const TEST_KEY = path.resolve(__dirname, '../../../test/fixtures/tls/self-signed.key');

export interface TlsFront {
  origin: string;
  /** Requests that got through the handshake. */
  requests: number;
  close(): Promise<void>;
}

export function startTlsFront(target: string): Promise<TlsFront> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const front: TlsFront = { origin: '', requests: 0, close: async () => {} };
  const server = createServer({ key: readFileSync(TEST_KEY), cert: readFileSync(TEST_CERTIFICATE) }, (req, res) => {
    front.requests++;
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      front.origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      front.close = () =>
        new Promise<void>((done) => {
          for (const s of sockets) s.destroy();
          server.close(() => done());
        });
      resolve(front);
    }),
  );
}
