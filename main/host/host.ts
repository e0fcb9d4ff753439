/**
 * The host: opens the database, seeds a fresh install, builds the handler registry and offers
 * one `call` that the transports (IPC, HTTP, CLI) share.
 */
import { readFileSync } from 'node:fs';
import { openDatabase, type StudioDatabase } from '../../db/open';
import { countExercises, upsertExercises } from '../../db/exercises';
import { createStaff, getStaff, listStaff, type StaffRow } from '../../db/staff';
import { BUILTIN_EXERCISES } from '../../engine/exercises/library';
import type { Envelope } from '../contract/errors';
import { allHandlers } from '../handlers/index';
import type { Caller, HandlerContext, Transport } from './context';
import { dispatch, type HandlerMap } from './registry';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export interface Host {
  store: StudioDatabase;
  handlers: HandlerMap;
  version: string;
  /** Runs one operation for a caller; resolves to an envelope, never rejects. */
  call(name: string, input: unknown, caller: Caller, onProgress?: (fraction: number, message: string) => void): Promise<Envelope<unknown>>;
  /** The acting staff member for a local caller: the one asked for, else the first manager. */
  actingStaff(staffId: number | null): StaffRow | null;
  close(): void;
}

/** Loads the built-in library when it is missing or incomplete, and creates a first manager. */
export function seedFreshInstall(store: StudioDatabase): void {
  const builtinCount = store.sqlite.prepare("SELECT count(*) AS c FROM exercises WHERE source = 'builtin'").get() as { c: number };
  if (builtinCount.c < BUILTIN_EXERCISES.length || countExercises(store.db) === 0) upsertExercises(store.db, BUILTIN_EXERCISES);
  if (listStaff(store.db).length === 0) createStaff(store.db, 'Studio Manager', 'manager');
}

export function createHost(dbPath: string, options: { now?: () => Date } = {}): Host {
  const store = openDatabase(dbPath);
  seedFreshInstall(store);
  const handlers = allHandlers();
  const now = options.now ?? (() => new Date());
  return {
    store, handlers, version: pkg.version,
    call(name, input, caller, onProgress) {
      const ctx: HandlerContext = {
        store, caller, now, version: pkg.version,
        progress: (fraction, message) => onProgress?.(Math.max(0, Math.min(1, fraction)), message),
      };
      return dispatch(handlers, name, input, ctx);
    },
    actingStaff(staffId) {
      if (staffId != null) return getStaff(store.db, staffId);
      const all = listStaff(store.db);
      return all.find((s) => s.role === 'manager') ?? all[0] ?? null;
    },
    close: () => store.close(),
  };
}

/** A caller on a local transport acting as `staffId` (or the default staff member). */
export function localCaller(host: Host, transport: Exclude<Transport, 'http-lan'>, staffId: number | null = null): Caller {
  return { transport, staff: host.actingStaff(staffId) };
}
