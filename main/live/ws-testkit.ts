/** For tests and the bench: a live WebSocket client that waits for messages by predicate (no sleeps). */
import WebSocket from 'ws';
import type { LiveServerMessage } from '../contract/live-views';

export interface LiveClient {
  ws: WebSocket;
  /** Every message received so far, oldest first. */
  received: LiveServerMessage[];
  /** The first message from now on (or already received after index `from`) matching `pred`; rejects after `timeoutMs`. */
  next<T extends LiveServerMessage = LiveServerMessage>(pred: (m: LiveServerMessage) => boolean, timeoutMs?: number): Promise<T>;
  /** Calls `fn` for every message as it arrives (for latency measurements). */
  onMessage(fn: (m: LiveServerMessage) => void): void;
  send(message: unknown): void;
  close(): Promise<void>;
}

/** Connects to `/live/v1?ticket=…`; rejects with the HTTP status when the upgrade is refused. */
export function openLive(port: number, ticket: string | null, headers: Record<string, string> = {}, path = '/live/v1'): Promise<LiveClient> {
  const url = `ws://127.0.0.1:${String(port)}${path}${ticket === null ? '' : `?ticket=${encodeURIComponent(ticket)}`}`;
  const ws = new WebSocket(url, { headers, perMessageDeflate: false });
  const received: LiveServerMessage[] = [];
  const waiters: Array<{ pred: (m: LiveServerMessage) => boolean; resolve: (m: LiveServerMessage) => void }> = [];
  const listeners: Array<(m: LiveServerMessage) => void> = [];
  let seen = 0;
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as LiveServerMessage;
    received.push(m);
    for (const l of listeners) l(m);
    const i = waiters.findIndex((w) => w.pred(m));
    if (i >= 0) {
      const [w] = waiters.splice(i, 1);
      seen = received.length;
      w!.resolve(m);
    }
  });
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${String(res.statusCode)}`), { status: res.statusCode })));
    ws.once('error', reject);
    ws.once('open', () => {
      resolve({
        ws, received,
        next(pred, timeoutMs = 5000) {
          const already = received.slice(seen).find(pred);
          if (already) {
            seen = received.indexOf(already, seen) + 1;
            return Promise.resolve(already as never);
          }
          return new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error('no matching live message in time')), timeoutMs);
            waiters.push({ pred, resolve: (m) => { clearTimeout(timer); res(m as never); } });
          });
        },
        onMessage: (fn) => { listeners.push(fn); },
        send: (message) => ws.send(JSON.stringify(message)),
        close: () => new Promise((r) => {
          if (ws.readyState === ws.CLOSED) return r();
          ws.once('close', () => r());
          ws.close();
        }),
      });
    });
  });
}
