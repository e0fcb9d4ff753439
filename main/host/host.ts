/**
 * The host: opens the database, seeds a fresh install, builds the handler registry and offers
 * one `call` that the transports (IPC, HTTP, CLI) share.
 */
import { readFileSync } from 'node:fs';
import { openDatabase, type StudioDatabase } from '../../db/open';
import { countExercises, upsertExercises } from '../../db/exercises';
import { firstSignInManager, getStaff } from '../../db/staff';
import { BUILTIN_EXERCISES } from '../../engine/exercises/library';
import type { Envelope } from '../contract/errors';
import { allHandlers } from '../handlers/index';
import type { Caller, HandlerContext } from './context';
import { admissionError, dispatch, type HandlerMap } from './registry';
import { resolveSession, sessionPolicy } from '../auth/sessions';
import { runInWorker, SpareWorker } from './worker';
import { contract } from '../contract/index';
import { createLiveService, type LiveService } from '../live/service';
import { createSyncService, type SyncService } from '../sync/service';
import { CoachService } from '../coach/service';
import { createPaymentsService, stripeConfigFromEnv, type PaymentsService } from '../payments/service';
import type { StripeConfig } from '../payments/stripe-client';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export interface Host {
  store: StudioDatabase;
  handlers: HandlerMap;
  version: string;
  /** The live class monitor's running classes (its WebSocket is attached by the HTTP server). */
  live: LiveService;
  /** Member phones: the studio's HLC, live-refresh watchers, the HTTPS address (main/sync). */
  sync: SyncService;
  /** The studio clock (injectable for tests). */
  now: () => Date;
  /** The coach: models, the inference worker and conversations. */
  coach: CoachService;
  /** The Stripe connection of the payments feature (the webhook route uses it). */
  payments: PaymentsService;
  /**
   * Runs one operation for a caller; resolves to an envelope, never rejects. Operations marked
   * `runsInWorker` run in a worker thread (file databases only) and can be cancelled by `signal`.
   */
  call(name: string, input: unknown, caller: Caller, onProgress?: (fraction: number, message: string) => void, signal?: AbortSignal): Promise<Envelope<unknown>>;
  /**
   * The caller a session token stands for (null or unknown token: signed out, with the
   * problem named). `locked` callers may only unlock, sign out or ask who they are.
   */
  authenticate(token: string | null, meta: { transport: 'http' | 'ipc'; address?: string | null; userAgent?: string | null }): Caller;
  /** Resolves once the spare worker thread (hosts created with `spareWorker`) has booted; at once without one. */
  workerReady(): Promise<void>;
  close(): void;
}

/**
 * Loads the built-in library when it is missing or incomplete. No account is made: the first
 * manager is created by whoever sets the studio up (`auth/create-first`).
 */
export function seedFreshInstall(store: StudioDatabase): void {
  const builtinCount = store.sqlite.prepare("SELECT count(*) AS c FROM exercises WHERE source = 'builtin'").get() as { c: number };
  if (builtinCount.c < BUILTIN_EXERCISES.length || countExercises(store.db) === 0) upsertExercises(store.db, BUILTIN_EXERCISES);
}

/** Time limit of an operation run in a worker. */
export const WORKER_TIMEOUT_MS = 10 * 60_000;

/**
 * `workers: false` runs every operation in this thread; `spareWorker: true` (long-lived hosts:
 * `serve`, Electron) keeps a worker thread booted for the next worker operation (`SpareWorker`).
 * `liveTimers`: run the live monitor's tick, flush and simulator timers (default true; tests and
 * the bench drive them by hand).
 */
export function createHost(dbPath: string, options: { now?: () => Date; workers?: boolean; spareWorker?: boolean; liveTimers?: boolean; coachThreads?: number; stripe?: StripeConfig } = {}): Host {
  const store = openDatabase(dbPath);
  seedFreshInstall(store);
  const handlers = allHandlers();
  const now = options.now ?? (() => new Date());
  const useWorkers = options.workers !== false && store.path !== ':memory:';
  const spare = useWorkers && options.spareWorker === true ? new SpareWorker() : undefined;
  spare?.refill();
  const live = createLiveService(store, { now, timers: options.liveTimers !== false });
  const sync = createSyncService(now);
  const payments = createPaymentsService(options.stripe ?? stripeConfigFromEnv());
  const makeContext = (caller: Caller, onProgress?: (fraction: number, message: string) => void, signal?: AbortSignal): HandlerContext => ({
    store, caller, now, version: pkg.version, live, sync, coach, payments, signal,
    progress: (fraction, message) => onProgress?.(Math.max(0, Math.min(1, fraction)), message),
  });
  // The coach applies confirmed actions through the same registry, as the confirming caller.
  const coach: CoachService = new CoachService({
    store, threads: options.coachThreads,
    call: (name, input, caller) => dispatch(handlers, name, input, makeContext(caller)),
    admission: (name, input, caller) => {
      const refused = admissionError(name, input, { caller, store });
      return refused && !refused.ok ? refused.error.message : null;
    },
  });
  return {
    store, handlers, version: pkg.version, live, sync, now, coach, payments,
    call(name, input, caller, onProgress, signal) {
      const op = Object.hasOwn(contract, name) ? contract[name as keyof typeof contract] : null;
      const useWorker = options.workers !== false && store.path !== ':memory:' && op !== null && 'runsInWorker' in op && op.runsInWorker;
      if (useWorker) {
        // Admit here too, so a refused call or a bad input never starts a thread.
        const refused = admissionError(name, input, { caller, store });
        if (refused) return Promise.resolve(refused);
        return runInWorker({ dbPath: store.path, name, input, caller, now: now().toISOString() }, { onProgress, signal, timeoutMs: WORKER_TIMEOUT_MS, ...(spare ? { spare } : {}) });
      }
      return dispatch(handlers, name, input, makeContext(caller, onProgress, signal));
    },
    authenticate(token, meta) {
      const base: Caller = { transport: meta.transport, staff: null, session: null, address: meta.address ?? null, userAgent: meta.userAgent ?? null };
      if (!token) return base;
      const resolved = resolveSession(store.db, token, now(), sessionPolicy(store.db));
      if (!resolved.ok) return { ...base, sessionProblem: resolved.problem };
      const s = resolved.session;
      return {
        ...base,
        staff: { id: s.staffId, name: s.staffName, role: s.staffRole },
        session: { id: s.id, locked: resolved.locked, expiresAt: s.expiresAt, mustChangePassword: s.mustChangePassword },
      };
    },
    workerReady: () => spare?.ready ?? Promise.resolve(),
    close: () => {
      spare?.dispose();
      live.close();
      void coach.close();
      store.close();
    },
  };
}

/**
 * The caller of the `studio` command: it acts as `staffId`, or as the first manager who can sign
 * in. Whoever runs it can read the database file directly, so it asks for no password; it is
 * refused where a session is needed (sign-in itself aside). Throws when there is no such staff.
 */
export function cliCaller(host: Host, staffId: number | null = null): Caller {
  const staff = staffId !== null ? getStaff(host.store.db, staffId) : firstSignInManager(host.store.db);
  if (!staff) {
    throw new Error(staffId !== null ? `there is no staff member ${staffId}` : 'there is no manager account yet: create one with `studio staff create-first`');
  }
  return { transport: 'cli', staff, session: null };
}

/** The studio's own scheduled jobs (weekly analysis, daily backup): recorded with no actor. */
export const SYSTEM_CALLER: Caller = { transport: 'system', staff: null, session: null };
