// A real forward proxy on 127.0.0.1, as a corporate proxy behaves: CONNECT tunnels for https
// targets, absolute-URI forwarding for plain http (RFC 9110 §9.3.6, RFC 9112 §3.2.2), Basic proxy
// authentication (407 with Proxy-Authenticate), and a policy that can refuse tunnels. It dials only
// 127.0.0.1: any other target is answered 502 without a connection attempt.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxyHit {
  /** CONNECT, or the method of a forwarded request. */
  method: string;
  /** host:port for CONNECT, the absolute URI otherwise. */
  target: string;
  /** The Proxy-Authorization header as received (tests check credentials arrived, never print them). */
  proxyAuthorization?: string;
  /** Whether a request was forwarded with a token in it (plain http only; a tunnel is opaque). */
  carriedToken: boolean;
  answered: number;
}

export interface ForwardProxy {
  /** http://127.0.0.1:port, without credentials. */
  origin: string;
  port: number;
  hits: ProxyHit[];
  close(): Promise<void>;
}

export interface ForwardProxyOptions {
  /** Require these Basic credentials; anything else is answered 407. */
  auth?: { user: string; password: string };
  /** Answer every CONNECT with this status instead of opening the tunnel (a policy that forbids it). */
  refuseConnect?: number;
}

const LOOPBACK = '127.0.0.1';

function authorized(header: string | undefined, auth: ForwardProxyOptions['auth']): boolean {
  if (!auth) return true;
  const expected = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
  return header === expected;
}

/** Splits `host:port` (CONNECT's target); only 127.0.0.1 is ever dialled. */
function loopbackTarget(authority: string): { port: number } | undefined {
  const match = /^127\.0\.0\.1:(\d{1,5})$/.exec(authority);
  return match ? { port: Number(match[1]) } : undefined;
}

export function startForwardProxy(options: ForwardProxyOptions = {}): Promise<ForwardProxy> {
  const hits: ProxyHit[] = [];
  const sockets = new Set<Socket>();

  const forward = (req: IncomingMessage, res: ServerResponse) => {
    const hit: ProxyHit = {
      method: req.method ?? '',
      target: req.url ?? '',
      proxyAuthorization: req.headers['proxy-authorization'],
      carriedToken: typeof req.headers.authorization === 'string',
      answered: 0,
    };
    hits.push(hit);
    const answer = (status: number, headers: Record<string, string> = {}) => {
      hit.answered = status;
      res.writeHead(status, { 'content-type': 'text/plain', ...headers });
      res.end(`proxy: ${status}\n`);
    };
    if (!authorized(req.headers['proxy-authorization'], options.auth)) return answer(407, { 'proxy-authenticate': 'Basic realm="loopback test proxy"' });
    if (!URL.canParse(req.url ?? '')) return answer(400);
    const url = new URL(req.url!);
    if (url.protocol !== 'http:' || url.hostname !== LOOPBACK) return answer(502);
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = request({ host: LOOPBACK, port: url.port || 80, method: req.method, path: `${url.pathname}${url.search}`, headers }, (reply) => {
      hit.answered = reply.statusCode ?? 502;
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    upstream.on('error', () => (res.headersSent ? res.destroy() : answer(502)));
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  };

  const server = createServer(forward);
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const hit: ProxyHit = {
      method: 'CONNECT',
      target: req.url ?? '',
      proxyAuthorization: req.headers['proxy-authorization'],
      carriedToken: false,
      answered: 0,
    };
    hits.push(hit);
    const refuse = (status: number, reason: string, extra = '') => {
      hit.answered = status;
      client.end(`HTTP/1.1 ${status} ${reason}\r\n${extra}Content-Length: 0\r\nConnection: close\r\n\r\n`);
    };
    client.on('error', () => client.destroy());
    if (!authorized(req.headers['proxy-authorization'], options.auth))
      return refuse(407, 'Proxy Authentication Required', 'Proxy-Authenticate: Basic realm="loopback test proxy"\r\n');
    if (options.refuseConnect) return refuse(options.refuseConnect, 'Forbidden');
    const target = loopbackTarget(req.url ?? '');
    if (!target) return refuse(502, 'Bad Gateway');
    const upstream = connect(target.port, LOOPBACK, () => {
      hit.answered = 200;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => (hit.answered ? client.destroy() : refuse(502, 'Bad Gateway')));
    client.on('close', () => upstream.destroy());
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  return new Promise((resolve) =>
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://${LOOPBACK}:${port}`,
        port,
        hits,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    }),
  );
}
