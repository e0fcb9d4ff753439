/**
 * The live WebSocket (`ws`), on the studio's HTTP server at `/live/v1?ticket=…`. The upgrade is
 * checked like an API call: the `Host` must be one the server answers to (DNS rebinding), the
 * `Origin` must be the studio itself (no other site's page may connect), and the one-time
 * ticket from `live/ticket` names the staff member and the purpose. Monitors subscribe to
 * classes and get the snapshot, then tiles and alerts as they happen; sources send samples.
 * A monitor that reconnects subscribes again and gets the whole state (it is kept in the host).
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { parseHeartRateMeasurementBase64 } from '../../engine/live/hrm';
import { EngineInputError } from '../../engine/errors';
import { StudioError } from '../contract/errors';
import type { LiveServerMessage } from '../contract/live-views';
import type { Host } from '../host/host';
import { hostProblem, originProblem } from '../http/boundary';
import { ClientMessage, MAX_CLIENT_MESSAGE_BYTES } from './protocol';
import type { TicketHolder } from './tickets';

export const LIVE_PATH = '/live/v1';
/** Most classes one connection may watch. */
const MAX_SUBSCRIPTIONS = 20;
/** Past this much unsent data, tile updates to a slow monitor are dropped (alerts never are). */
const SLOW_CLIENT_BYTES = 1 << 20;

function refuse(socket: Duplex, status: number, text: string, message: string): void {
  const body = JSON.stringify({ ok: false, error: { reason: status === 401 ? 'unauthorized' : 'forbidden', message } });
  socket.end(`HTTP/1.1 ${String(status)} ${text}\r\ncontent-type: application/json\r\ncontent-length: ${String(Buffer.byteLength(body))}\r\nconnection: close\r\n\r\n${body}`);
}

export interface LiveHub { close(): void; connections(): number }

export function attachLiveHub(server: Server, host: Host, hosts: () => Set<string>, scheme: 'http' | 'https' = 'http'): LiveHub {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES, perMessageDeflate: false });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://studio.invalid');
    } catch {
      return refuse(socket, 400, 'Bad Request', 'the request path is not a URL');
    }
    const hostBad = hostProblem(req.headers.host, hosts());
    if (hostBad) return refuse(socket, 403, 'Forbidden', hostBad);
    if (url.pathname !== LIVE_PATH) return refuse(socket, 404, 'Not Found', `there is no WebSocket at ${url.pathname.slice(0, 100)}`);
    const originBad = originProblem(req.headers, req.headers.host ?? '', scheme);
    if (originBad) return refuse(socket, 403, 'Forbidden', originBad);
    const holder = host.live.tickets.redeem(url.searchParams.get('ticket'));
    if (!holder) return refuse(socket, 401, 'Unauthorized', 'no valid ticket: ask live/ticket for one (each works once, for 30 s)');
    wss.handleUpgrade(req, socket, head, (ws) => connect(ws, holder));
  });

  function connect(ws: WebSocket, holder: TicketHolder): void {
    const subscriptions = new Map<number, () => void>();
    const send = (m: LiveServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      if (m.type === 'tile' && ws.bufferedAmount > SLOW_CLIENT_BYTES) return;
      ws.send(JSON.stringify(m));
    };
    let alive = true;
    ws.on('pong', () => { alive = true; });
    const heartbeat = setInterval(() => {
      if (!alive) return ws.terminate();
      alive = false;
      ws.ping();
    }, 30_000);
    heartbeat.unref?.();
    send({ type: 'hello', purpose: holder.purpose, staffId: holder.staffId });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      try {
        if (isBinary) throw new StudioError('invalid_input', 'send JSON text messages');
        handle(parse(data), holder, subscriptions, send);
      } catch (err) {
        const e = err instanceof StudioError ? err
          : err instanceof EngineInputError ? new StudioError('invalid_input', err.message, err.field)
            : new StudioError('internal', 'the message could not be handled');
        if (e.reason === 'internal') console.error('[studio] live message failed:', err);
        send({ type: 'error', reason: e.reason, message: e.message });
      }
    });
    ws.on('close', () => {
      clearInterval(heartbeat);
      for (const stop of subscriptions.values()) stop();
      subscriptions.clear();
    });
  }

  function parse(data: RawData): ClientMessage {
    let json: unknown;
    try {
      json = JSON.parse(data.toString());
    } catch {
      throw new StudioError('invalid_input', 'the message is not JSON');
    }
    const parsed = ClientMessage.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new StudioError('invalid_input', `${issue.path.join('.') || 'message'}: ${issue.message}`, issue.path.join('.') || undefined);
    }
    return parsed.data;
  }

  function handle(m: ClientMessage, holder: TicketHolder, subs: Map<number, () => void>, send: (m: LiveServerMessage) => void): void {
    if (m.type === 'sample') {
      if (holder.purpose !== 'source') throw new StudioError('forbidden', 'this connection watches classes; open one with a "source" ticket to send heart rates');
      const bpm = m.bpm ?? parseHeartRateMeasurementBase64(m.hrm!).bpm;
      const result = host.live.ingest(m.occurrenceId, { memberId: m.memberId, bpm });
      if (!result.ok) send({ type: 'rejected', occurrenceId: m.occurrenceId, memberId: m.memberId, reason: result.reason, message: result.message });
      return;
    }
    if (holder.purpose !== 'monitor') throw new StudioError('forbidden', 'this connection sends heart rates; open one with a "monitor" ticket to watch a class');
    if (m.type === 'unsubscribe') {
      subs.get(m.occurrenceId)?.();
      subs.delete(m.occurrenceId);
      return;
    }
    subs.get(m.occurrenceId)?.();
    if (!subs.has(m.occurrenceId) && subs.size >= MAX_SUBSCRIPTIONS) throw new StudioError('invalid_input', `watch at most ${String(MAX_SUBSCRIPTIONS)} classes on one connection`);
    const { snapshot, unsubscribe } = host.live.subscribe(m.occurrenceId, send);
    subs.set(m.occurrenceId, unsubscribe);
    send({ type: 'snapshot', live: snapshot });
  }

  return {
    connections: () => wss.clients.size,
    close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
