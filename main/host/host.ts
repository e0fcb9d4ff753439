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
import { dispatch, mayCall, type HandlerMap } from './registry';
import { runInWorker } from './worker';
import { contract } from '../contract/index';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export interface Host {
  store: StudioDatabase;
  handlers: HandlerMap;
  version: string;
  /**
   * Runs one operation for a caller; resolves to an envelope, never rejects. Operations marked
   * `runsInWorker` run in a worker thread (file databases only) and can be cancelled by `signal`.
   */
  call(name: string, input: unknown, caller: Caller, onProgress?: (fraction: number, message: string) => void, signal?: AbortSignal): Promise<Envelope<unknown>>;
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

/** Time limit of an operation run in a worker. */
export const WORKER_TIMEOUT_MS = 10 * 60_000;

export function createHost(dbPath: string, options: { now?: () => Date; workers?: boolean } = {}): Host {
  const store = openDatabase(dbPath);
  seedFreshInstall(store);
  const handlers = allHandlers();
  const now = options.now ?? (() => new Date());
  const makeContext = (caller: Caller, onProgress?: (fraction: number, message: string) => void): HandlerContext => ({
    store, caller, now, version: pkg.version,
    progress: (fraction, message) => onProgress?.(Math.max(0, Math.min(1, fraction)), message),
  });
  return {
    store, handlers, version: pkg.version,
    call(name, input, caller, onProgress, signal) {
      const op = Object.hasOwn(contract, name) ? contract[name as keyof typeof contract] : null;
      const useWorker = options.workers !== false && store.path !== ':memory:' && op !== null && 'runsInWorker' in op && op.runsInWorker;
      if (useWorker) {
        // Authorize here too, so a refused call never starts a thread.
        if (!mayCall(op.access, caller)) return dispatch(handlers, name, input, makeContext(caller, onProgress));
        return runInWorker({ dbPath: store.path, name, input, caller, now: now().toISOString() }, { onProgress, signal, timeoutMs: WORKER_TIMEOUT_MS });
      }
      return dispatch(handlers, name, input, makeContext(caller, onProgress));
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
