/**
 * The member app's state: the IndexedDB store, the sync client, and a background sync loop
 * (at start, when the network comes back, every 15 s and shortly after each change). The UI
 * reads the local state only: it never waits for the network.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ulid } from 'ulid';
import { SyncClient, type LocalState } from '../../../engine/sync/client';
import type { OpKind, OpPayloadInput } from '../../../engine/sync/ops';
import { IdbClientStore, type Pairing } from './idb-store';
import { httpTransport, pair as pairRequest, SyncHttpError } from './transport';

export interface SyncStatus { pending: number; syncing: boolean; lastError: string | null; lastSyncAt: string | null }

export interface MemberApp {
  ready: boolean;
  pairing: Pairing | null;
  state: LocalState | null;
  status: SyncStatus;
  record<K extends OpKind>(kind: K, payload: OpPayloadInput<K>): Promise<void>;
  syncNow(): Promise<void>;
  pair(code: string, deviceName: string): Promise<void>;
  /** Signs out; refuses (with the message) while unsent changes cannot be pushed. */
  unpair(): Promise<string | null>;
}

export function useMember(): MemberApp {
  const [store, setStore] = useState<IdbClientStore | null>(null);
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [state, setState] = useState<LocalState | null>(null);
  const [status, setStatus] = useState<SyncStatus>({ pending: 0, syncing: false, lastError: null, lastSyncAt: null });
  const client = useRef<SyncClient | null>(null);
  const busy = useRef(false);

  const refresh = useCallback(async (s: IdbClientStore) => {
    const [st, pending] = await Promise.all([s.state(), s.countPending()]);
    setState(st);
    setStatus((old) => ({ ...old, pending, lastSyncAt: st.lastSyncAt }));
  }, []);

  const makeClient = useCallback(async (s: IdbClientStore, p: Pairing) => {
    const clock = SyncClient.phoneClock(`m${p.deviceId}`, Date.now, (await s.loadClock()) ?? undefined);
    client.current = new SyncClient(s, httpTransport(p.token), clock, ulid);
  }, []);

  const syncNow = useCallback(async () => {
    if (!store || !client.current || busy.current) return;
    busy.current = true;
    setStatus((o) => ({ ...o, syncing: true }));
    try {
      await client.current.sync();
      setStatus((o) => ({ ...o, lastError: null }));
    } catch (err) {
      const msg = err instanceof SyncHttpError ? err.message : navigator.onLine ? 'the studio cannot be reached' : 'offline: changes wait on this phone';
      setStatus((o) => ({ ...o, lastError: msg }));
    } finally {
      busy.current = false;
      setStatus((o) => ({ ...o, syncing: false }));
      await refresh(store);
    }
  }, [store, refresh]);

  useEffect(() => {
    void (async () => {
      const s = await IdbClientStore.open();
      const p = await s.pairing();
      if (p) await makeClient(s, p);
      setPairing(p);
      setStore(s);
      await refresh(s);
    })();
  }, [makeClient, refresh]);

  useEffect(() => {
    if (!store || !pairing) return;
    void syncNow();
    const online = () => void syncNow();
    window.addEventListener('online', online);
    const timer = setInterval(() => void syncNow(), 15_000);
    return () => { window.removeEventListener('online', online); clearInterval(timer); };
  }, [store, pairing, syncNow]);

  const record = useCallback(async <K extends OpKind>(kind: K, payload: OpPayloadInput<K>) => {
    if (!store || !client.current) return;
    await client.current.record(kind, payload);
    await refresh(store);
    setTimeout(() => void syncNow(), 300);
  }, [store, refresh, syncNow]);

  const pair = useCallback(async (code: string, deviceName: string) => {
    if (!store) return;
    if (client.current) {
      const ready = await client.current.prepareUnpair();
      if (!ready.ok) throw new Error(ready.message);
    }
    const answer = await pairRequest(code, deviceName);
    await store.setPairing(null);
    const p: Pairing = { token: answer.token, deviceId: answer.deviceId, memberId: answer.memberId, memberName: answer.memberName, expiresAt: answer.expiresAt };
    await store.setPairing(p);
    await makeClient(store, p);
    setPairing(p);
    await refresh(store);
  }, [store, makeClient, refresh]);

  const unpair = useCallback(async () => {
    if (!store) return null;
    if (client.current) {
      const ready = await client.current.prepareUnpair();
      if (!ready.ok) { await refresh(store); return ready.message; }
    }
    await store.setPairing(null);
    client.current = null;
    setPairing(null);
    await refresh(store);
    return null;
  }, [store, refresh]);

  return { ready: store !== null, pairing, state, status, record, syncNow, pair, unpair };
}
