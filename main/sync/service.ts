/**
 * The host's sync state: the studio's hybrid logical clock (node `studio`), the phone settings
 * (`phones.settings` in `settings`: whether the member app and sync API are served at all), and
 * listeners for the staff member page's live refresh (server-sent events, `events.ts`).
 */
import type { Db } from '../../db/open';
import { putSetting } from '../../db/settings';
import { fastSetting } from '../../db/sync';
import { HybridClock } from '../../engine/sync/hlc';

export const PHONE_SETTINGS_KEY = 'phones.settings';
export interface PhoneSettings {
  /** Serve the member app and the sync API (pairing, push, pull). Off by default. */
  enabled: boolean;
}

export function phoneSettings(db: Db): PhoneSettings {
  const stored = fastSetting(db, PHONE_SETTINGS_KEY) as Partial<PhoneSettings> | null;
  return { enabled: stored?.enabled === true };
}
export function putPhoneSettings(db: Db, s: PhoneSettings, staffId: number | null): PhoneSettings {
  putSetting(db, PHONE_SETTINGS_KEY, s, staffId);
  return s;
}

export interface SyncService {
  clock: HybridClock;
  /** Tells the member page watchers of `memberId` that something changed. */
  notify(memberId: number): void;
  /** Calls `fn` on every change of `memberId`; returns the unsubscribe. */
  watch(memberId: number, fn: () => void): () => void;
  watchers(): number;
  /** How the studio is reached on HTTPS, set by the server that serves it (for pairing). */
  https: { urls: string[]; fingerprint: string; caCert: string } | null;
  /** The plain-HTTP addresses phones can use, set by the server (LAN first). */
  addresses: string[];
}

export function createSyncService(now: () => Date): SyncService {
  const listeners = new Map<number, Set<() => void>>();
  return {
    clock: new HybridClock('studio', () => now().getTime()),
    https: null,
    addresses: [],
    notify(memberId) {
      for (const fn of listeners.get(memberId) ?? []) {
        try { fn(); } catch { /* a closed stream */ }
      }
    },
    watch(memberId, fn) {
      const set = listeners.get(memberId) ?? new Set();
      set.add(fn);
      listeners.set(memberId, set);
      return () => { set.delete(fn); if (set.size === 0) listeners.delete(memberId); };
    },
    watchers: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}
