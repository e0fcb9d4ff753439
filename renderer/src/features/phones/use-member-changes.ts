/**
 * A counter that moves whenever a phone synced something for the member: server-sent events
 * (`/events/v1/members/<id>` with a one-time `live/ticket`) in a browser, reopened with a new
 * ticket when it drops; in the desktop window (no HTTP server behind it) `phones/devices` every
 * second, moving when its change sequence does.
 */
import { useEffect, useState } from 'react';
import { api, isDesktop } from '../../api';

export function useMemberChanges(memberId: number): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let stopped = false;
    if (isDesktop) {
      let seq = -1;
      const t = setInterval(() => {
        void api.phones.devices({ memberId }).then((v) => { if (seq !== -1 && v.seq !== seq) setVersion((n) => n + 1); seq = v.seq; }).catch(() => undefined);
      }, 1000);
      return () => clearInterval(t);
    }
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const open = async () => {
      try {
        const ticket = await api.live.ticket({ purpose: 'monitor' });
        if (stopped) return;
        source = new EventSource(`/events/v1/members/${memberId}?ticket=${encodeURIComponent(ticket.ticket)}`);
        source.onmessage = (e: MessageEvent<string>) => { if (!(JSON.parse(e.data) as { hello?: boolean }).hello) setVersion((n) => n + 1); };
        source.onerror = () => { source?.close(); if (!stopped) retry = setTimeout(() => void open(), 2000); };
      } catch {
        if (!stopped) retry = setTimeout(() => void open(), 5000);
      }
    };
    void open();
    return () => { stopped = true; source?.close(); if (retry) clearTimeout(retry); };
  }, [memberId]);
  return version;
}
