/**
 * The payments sync job: while the studio runs (serve or the desktop app), every `PAYMENTS_TICK_MS`
 * it checks `payments/sync-status` as the studio's own job (SYSTEM_CALLER) and runs `payments/sync`
 * when Stripe is configured and either a sale waits (queued offline, or awaiting payment) or the
 * last sync is older than `PAYMENTS_IDLE_SYNC_MS`. So a sale made offline is sent, with its
 * idempotency key, within a minute of the network returning, without anyone pressing a button.
 * A failed sync (still offline) is recorded by the sync itself (`lastError`) and retried next tick.
 * Runs never overlap: a tick while one is running does nothing.
 */
import type { Host } from './host';
import { SYSTEM_CALLER } from './host';
import type { SyncStatusView, SyncView } from '../contract/payments-views';

export const PAYMENTS_TICK_MS = 60_000;
/** With nothing waiting, still catch up on Stripe's events (renewals, failed payments) this often. */
export const PAYMENTS_IDLE_SYNC_MS = 15 * 60_000;

export type PaymentsTickOutcome = 'not_configured' | 'nothing_to_do' | 'synced' | 'failed' | 'busy';

/**
 * Builds the job's step for `host`. The step returns what it did (for tests and logs); it never throws.
 * `now` gives the host's time in ms (the host's clock, so `serve --clock-start` applies).
 */
export function paymentsSyncStep(host: Host, now: () => number = () => host.now().getTime()): () => Promise<PaymentsTickOutcome> {
  let running = false;
  return async () => {
    if (running) return 'busy';
    running = true;
    try {
      const status = await host.call('payments/sync-status', {}, SYSTEM_CALLER);
      if (!status.ok) { console.error(`[studio] payments sync status failed: ${status.error.message}`); return 'failed'; }
      const s = status.value as SyncStatusView;
      if (!s.configured) return 'not_configured';
      const stale = s.lastSyncAt === null || now() - Date.parse(s.lastSyncAt) >= PAYMENTS_IDLE_SYNC_MS;
      if (s.queued === 0 && s.awaitingPayment === 0 && !stale) return 'nothing_to_do';
      const r = await host.call('payments/sync', {}, SYSTEM_CALLER);
      if (!r.ok) { console.error(`[studio] payments sync failed: ${r.error.message}`); return 'failed'; }
      return (r.value as SyncView).online ? 'synced' : 'failed';
    } finally {
      running = false;
    }
  };
}

/** Ticks now and every `tickMs` (0 turns the job off); returns a function that stops it. */
export function startPaymentsSync(host: Host, tickMs = PAYMENTS_TICK_MS): () => void {
  if (tickMs <= 0) return () => {};
  const step = paymentsSyncStep(host);
  void step();
  const timer = setInterval(() => { void step(); }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
