/**
 * The live state of one class for the monitor screen. In a browser: a one-time ticket
 * (`live/ticket`), then the WebSocket; when it drops, it reconnects (1 s, 2 s, 4 s … at most
 * 10 s) and subscribes again, getting the whole state back. In the desktop window (no HTTP
 * server behind it) it asks `live/state` every second instead.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LiveServerMessage, LiveView } from '../../../../main/contract/index';
import { api, isDesktop } from '../../api';
import { applyLiveMessage } from './live-state';

export type Connection = 'connecting' | 'live' | 'reconnecting' | 'polling' | 'failed';

export interface LiveFeed {
  view: LiveView | null;
  connection: Connection;
  error: string | null;
  /** How many times the socket has (re)connected and received the whole state. */
  connects: number;
  /** Replaces the view with a fresher one the caller already has (an operation's answer). */
  set(view: LiveView): void;
}

export function useLive(occurrenceId: number): LiveFeed {
  const [view, setView] = useState<LiveView | null>(null);
  const [connection, setConnection] = useState<Connection>(isDesktop ? 'polling' : 'connecting');
  const [error, setError] = useState<string | null>(null);
  const [connects, setConnects] = useState(0);
  const stopped = useRef(false);

  useEffect(() => {
    stopped.current = false;
    setView(null);
    if (isDesktop) return poll(occurrenceId, setView, setError, stopped);
    let ws: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let attempt = 0;
    const connect = async () => {
      try {
        const ticket = await api.live.ticket({ purpose: 'monitor' });
        if (stopped.current) return;
        const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
        let subscribed = false;
        ws = new WebSocket(`${scheme}://${window.location.host}${ticket.path}?ticket=${encodeURIComponent(ticket.ticket)}`);
        ws.onopen = () => ws?.send(JSON.stringify({ type: 'subscribe', occurrenceId }));
        // For the e2e test of reconnecting: closes this tab's socket as a dropped network would.
        (window as unknown as { __dropLive?: () => void }).__dropLive = () => ws?.close();
        ws.onmessage = (e: MessageEvent<string>) => {
          const m = JSON.parse(e.data) as LiveServerMessage;
          if (m.type === 'snapshot' && !subscribed) {
            subscribed = true;
            setConnects((n) => n + 1);
          }
          if (m.type === 'snapshot') {
            attempt = 0;
            setConnection('live');
            setError(null);
          }
          if (m.type === 'error') setError(m.message);
          setView((v) => applyLiveMessage(v, m, occurrenceId));
        };
        ws.onclose = () => { if (!stopped.current) later(); };
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
        later();
      }
    };
    const later = () => {
      setConnection('reconnecting');
      attempt += 1;
      retry = setTimeout(() => { void connect(); }, Math.min(10_000, 1000 * 2 ** (attempt - 1)));
    };
    void connect();
    return () => {
      stopped.current = true;
      if (retry) clearTimeout(retry);
      ws?.close();
    };
  }, [occurrenceId]);

  const set = useCallback((v: LiveView) => setView(v), []);
  return { view, connection, error, connects, set };
}

function poll(occurrenceId: number, setView: (v: LiveView) => void, setError: (e: string | null) => void, stopped: { current: boolean }): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const once = async () => {
    try {
      setView(await api.live.state({ occurrenceId }));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
    if (!stopped.current) timer = setTimeout(() => { void once(); }, 1000);
  };
  void once();
  return () => { stopped.current = true; if (timer) clearTimeout(timer); };
}
