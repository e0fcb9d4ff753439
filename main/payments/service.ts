/**
 * The payments service of a host (issue 16): the Stripe client when the club configured a key
 * (`STRIPE_SECRET_KEY`; `STRIPE_API_BASE` or `serve --stripe-api URL` to point it elsewhere,
 * e.g. the local test server), and the one sync step: send the outbox, then reconcile. Without
 * a key every sale is recorded and queued, and cash and terminal sales work as usual.
 */
import type Stripe from 'stripe';
import type { StudioDatabase } from '../../db/open';
import { getMember } from '../../db/members';
import { createStripe, type StripeConfig } from './stripe-client';
import { flushOutbox, type FlushReport } from './outbox';
import { reconcile, type SyncReport } from './reconciler';

export interface PaymentsService {
  stripe: Stripe | null;
  config: StripeConfig | null;
  /** Sends queued sales and reconciles; `online: false` when Stripe could not be reached. */
  sync(store: StudioDatabase, now: () => Date): Promise<{ online: boolean; flush: FlushReport | null; reconcile: SyncReport | null; error: string | null }>;
}

export function stripeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StripeConfig | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  return { apiKey: env.STRIPE_SECRET_KEY, apiBase: env.STRIPE_API_BASE || undefined, webhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined };
}

export function createPaymentsService(config: StripeConfig | null): PaymentsService {
  const stripe = config ? createStripe(config) : null;
  let running: Promise<Awaited<ReturnType<PaymentsService['sync']>>> | null = null;
  return {
    stripe, config,
    sync(store, now) {
      if (!stripe) return Promise.resolve({ online: false, flush: null, reconcile: null, error: 'Stripe is not configured (STRIPE_SECRET_KEY)' });
      // One sync at a time: a second caller waits for the running one.
      running ??= (async () => {
        const flush = await flushOutbox(store.db, stripe, { now, memberName: (id) => getMember(store.db, id)?.name ?? `member ${id}` });
        if (flush.offline) return { online: false, flush, reconcile: null, error: flush.lastError };
        try {
          return { online: true, flush, reconcile: await reconcile(store.db, stripe, { now }), error: null };
        } catch (e) {
          return { online: false, flush, reconcile: null, error: (e as Error).message };
        }
      })().finally(() => { running = null; });
      return running;
    },
  };
}
