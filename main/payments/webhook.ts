/**
 * The optional webhook endpoint (issue 16), for a club that runs a public relay: the raw body is
 * verified with `stripe.webhooks.constructEvent` (signature, secret and timestamp tolerance) and
 * the event goes down the same exactly-once path as the events list. The cursor is not moved: a
 * webhook may arrive ahead of events the list has not shown yet.
 */
import type Stripe from 'stripe';
import type { Db } from '../../db/open';
import { applyFact, eventParts } from './apply';

export type WebhookResult = { ok: true; eventId: string; applied: boolean } | { ok: false; reason: 'bad_signature'; message: string };

export function acceptWebhook(db: Db, stripe: Stripe, raw: Buffer | string, signature: string | undefined, secret: string, now: () => Date, toleranceS = 300): WebhookResult {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(raw, signature ?? '', secret, toleranceS);
  } catch (e) {
    return { ok: false, reason: 'bad_signature', message: (e as Error).message };
  }
  const { key, obj } = eventParts(event, 'webhook');
  return { ok: true, eventId: event.id, applied: applyFact(db, key, obj, now(), false) };
}
