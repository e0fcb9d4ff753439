/**
 * The studio's Stripe client (issue 16): the real `stripe` SDK with our settings. No automatic
 * SDK retries (their back-off would stall the front desk): a failed create stays in the outbox
 * and the next flush retries it with the same idempotency key, so Stripe never creates twice.
 * `apiBase` points the SDK at another server (the local test server; `--stripe-api`).
 */
import Stripe from 'stripe';

export interface StripeConfig {
  /** A secret or restricted key (`sk_test_…` in test mode). */
  apiKey: string;
  /** e.g. `http://127.0.0.1:12111` for the test server; default: api.stripe.com. */
  apiBase?: string;
  /** Per-request timeout, ms (default 20 s). */
  timeoutMs?: number;
  /** The webhook endpoint's signing secret (`whsec_…`), when a relay forwards webhooks. */
  webhookSecret?: string;
}

export function createStripe(cfg: StripeConfig): Stripe {
  const base = cfg.apiBase ? new URL(cfg.apiBase) : null;
  return new Stripe(cfg.apiKey, {
    maxNetworkRetries: 0,
    timeout: cfg.timeoutMs ?? 20_000,
    telemetry: false,
    ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === 'https:' ? 443 : 80)), protocol: base.protocol.replace(':', '') as 'http' | 'https' } : {}),
  });
}

/** Whether an error means "we could not reach Stripe or it failed on its side" (retry later) rather than a refusal. */
export function isTransient(e: unknown): boolean {
  if (!(e instanceof Stripe.errors.StripeError)) return true;
  if (e instanceof Stripe.errors.StripeConnectionError || e instanceof Stripe.errors.StripeAPIError || e instanceof Stripe.errors.StripeRateLimitError) return true;
  return (e.statusCode ?? 500) >= 500 || e.statusCode === 409;
}
