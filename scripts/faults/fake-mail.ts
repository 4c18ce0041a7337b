// A fake resend API for the fault tests that can be taken down: 'up' (delivers), 'error' (answers 503, as resend does
// when it has trouble) or 'refuse' (no longer listens: connections are refused). Like resend it keeps an idempotency
// cache: a send with a key that was already delivered is answered with the first answer and not delivered again.
import { createServer, type Server } from 'node:http';
import type net from 'node:net';

export type MailMode = 'up' | 'error' | 'refuse';

export type FakeMail = {
  url: string;
  mode: () => MailMode;
  setMode: (mode: MailMode) => Promise<void>;
  /** Deliveries per idempotency key; `sends` counts every accepted send with that key (more than 1: sent again). */
  deliveries: Map<string, { sends: number; id: string; to: unknown }>;
  /** Sends answered from the idempotency cache (not delivered again), sends answered 503, sends without a key. */
  stats: { replays: number; refusedWithError: number; withoutKey: number };
  close: () => Promise<void>;
};

export async function startFakeMail(): Promise<FakeMail> {
  let mode: MailMode = 'up';
  let counter = 0;
  const deliveries: FakeMail['deliveries'] = new Map();
  const stats = { replays: 0, refusedWithError: 0, withoutKey: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (mode === 'error') {
        stats.refusedWithError++;
        return send(503, { name: 'application_error', message: 'Service temporarily unavailable (fault test)', statusCode: 503 });
      }
      const key = req.headers['idempotency-key'];
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { to?: unknown };
      if (typeof key !== 'string' || key === '') {
        stats.withoutKey++;
        deliveries.set(`(no key ${++counter})`, { sends: 1, id: `fake-${counter}`, to: body.to });
        return send(200, { id: `fake-${counter}` });
      }
      const known = deliveries.get(key);
      if (known) {
        known.sends++;
        stats.replays++;
        return send(200, { id: known.id });
      }
      const id = `fake-${++counter}`;
      deliveries.set(key, { sends: 1, id, to: body.to });
      send(200, { id });
    });
  });
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const listen = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return {
    url: `http://127.0.0.1:${port}`,
    mode: () => mode,
    async setMode(next) {
      if (next === mode) return;
      if (next === 'refuse') await stop();
      else if (mode === 'refuse') await listen();
      mode = next;
    },
    deliveries,
    stats,
    close: () => (mode === 'refuse' ? Promise.resolve() : stop()),
  };
}
