/**
 * `POST /stripe/webhook`: the optional webhook route (issue 16), for a club whose relay forwards
 * Stripe's webhooks to the studio. Answers 404 unless `STRIPE_WEBHOOK_SECRET` is set; reads the
 * raw body (1 MB at most) and verifies it with `stripe.webhooks.constructEvent` before anything
 * is applied (400 when the signature, the secret or the timestamp is wrong).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Host } from '../host/host';
import { acceptWebhook } from '../payments/webhook';
import { BODY_LIMIT, readBody } from './body';

export const STRIPE_WEBHOOK_PATH = '/stripe/webhook';

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

export async function handleStripeWebhook(host: Host, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { stripe, config } = host.payments;
  if (!stripe || !config?.webhookSecret) return send(res, 404, { error: 'webhooks are not configured (STRIPE_WEBHOOK_SECRET)' });
  if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
  const raw = await readBody(req, BODY_LIMIT);
  const sig = req.headers['stripe-signature'];
  const r = acceptWebhook(host.store.db, stripe, raw, Array.isArray(sig) ? sig[0] : sig, config.webhookSecret, () => new Date());
  if (!r.ok) return send(res, 400, { error: r.message });
  return send(res, 200, { received: true, applied: r.applied });
}
