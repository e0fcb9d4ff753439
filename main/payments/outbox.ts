/**
 * The sales outbox (issue 16). Every sale is written to SQLite first (status `queued`), so a sale
 * made offline is already a row with a clear status; `flushOutbox` then sends each queued sale
 * to Stripe with the idempotency key derived from its own operation id. A dropped response, a
 * timeout or a 500 leaves the row queued and the next flush repeats the same request with the
 * same key, which Stripe answers with the object it already made: never a second session.
 * A refusal (4xx) is a mismatch for a manager, not a silent drop.
 */
import type Stripe from 'stripe';
import { idempotencyKey } from '../../engine/payments/reconcile';
import {
  getContact, getProduct, insertMismatch, putContact, salesWithStatus, updateProduct, updateSale, type ProductRow, type SaleRow,
} from '../../db/payments';
import type { Db } from '../../db/open';
import { isTransient } from './stripe-client';

export interface FlushReport { sent: number; stillQueued: number; refused: number; offline: boolean; lastError: string | null }

/** Creates (once) the Stripe Product and Price of one of our products; returns the price id. */
export async function ensureStripePrice(db: Db, stripe: Stripe, product: ProductRow): Promise<string> {
  if (product.stripePriceId) return product.stripePriceId;
  const op = `p${product.id}`;
  const prod = product.stripeProductId
    ? { id: product.stripeProductId }
    : await stripe.products.create({ name: product.name, metadata: { studio_product_id: String(product.id), kind: product.kind } }, { idempotencyKey: idempotencyKey('product', op) });
  updateProduct(db, product.id, { stripeProductId: prod.id });
  const price = await stripe.prices.create({
    product: prod.id, unit_amount: product.amountMinor, currency: product.currency,
    ...(product.kind === 'membership' ? { recurring: { interval: 'month', interval_count: product.intervalMonths ?? 1 } } : {}),
    metadata: { studio_product_id: String(product.id) },
  }, { idempotencyKey: idempotencyKey('price', `${op}-${product.amountMinor}-${product.currency}`) });
  updateProduct(db, product.id, { stripePriceId: price.id });
  return price.id;
}

/** The member's Stripe Customer, created once (only when we hold an email for them). */
export async function ensureCustomer(db: Db, stripe: Stripe, memberId: number, name: string): Promise<string | null> {
  const c = getContact(db, memberId);
  if (!c?.email) return null;
  if (c.stripeCustomerId) return c.stripeCustomerId;
  const cus = await stripe.customers.create({ email: c.email, name, ...(c.phone ? { phone: c.phone } : {}), metadata: { studio_member_id: String(memberId) } },
    { idempotencyKey: idempotencyKey('customer', `m${memberId}`) });
  putContact(db, memberId, { stripeCustomerId: cus.id });
  return cus.id;
}

/** Sends one queued sale; the row records what happened. */
async function send(db: Db, stripe: Stripe, sale: SaleRow, memberName: (id: number) => string, returnUrl: string): Promise<void> {
  const product = getProduct(db, sale.productId)!;
  const price = await ensureStripePrice(db, stripe, product);
  const metadata = { op_id: sale.opId, studio_sale_id: String(sale.id), studio_member_id: String(sale.memberId) };
  const key = idempotencyKey('sale', sale.opId);
  const line_items = [{ price, quantity: 1 }];
  if (sale.method === 'payment_link') {
    const link = await stripe.paymentLinks.create({ line_items, metadata, restrictions: { completed_sessions: { limit: 1 } } }, { idempotencyKey: key });
    updateSale(db, sale.id, { status: 'awaiting_payment', stripeObjectId: link.id, payUrl: link.url, lastError: null });
    return;
  }
  const customer = await ensureCustomer(db, stripe, sale.memberId, memberName(sale.memberId));
  const session = await stripe.checkout.sessions.create({
    mode: product.kind === 'membership' ? 'subscription' : 'payment', line_items, metadata, client_reference_id: sale.opId,
    success_url: `${returnUrl}?paid=${encodeURIComponent(sale.opId)}`, ...(customer ? { customer } : {}),
  }, { idempotencyKey: key });
  updateSale(db, sale.id, { status: 'awaiting_payment', stripeObjectId: session.id, payUrl: session.url, lastError: null });
}

/** Sends every queued online sale, oldest first; stops at the first sign of being offline. */
export async function flushOutbox(db: Db, stripe: Stripe, opts: { now: () => Date; memberName: (id: number) => string; returnUrl?: string }): Promise<FlushReport> {
  const report: FlushReport = { sent: 0, stillQueued: 0, refused: 0, offline: false, lastError: null };
  const queued = salesWithStatus(db, ['queued']).filter((s) => s.method === 'checkout' || s.method === 'payment_link');
  for (const sale of queued) {
    if (report.offline) { report.stillQueued++; continue; }
    updateSale(db, sale.id, { attempts: sale.attempts + 1 });
    try {
      await send(db, stripe, sale, opts.memberName, opts.returnUrl ?? 'https://studio.invalid/paid');
      report.sent++;
    } catch (e) {
      const message = (e as Error).message.slice(0, 500);
      report.lastError = message;
      if (isTransient(e)) {
        updateSale(db, sale.id, { lastError: message });
        report.offline = true;
        report.stillQueued++;
      } else {
        db.transaction((tx) => {
          updateSale(tx, sale.id, { status: 'mismatch', lastError: message });
          insertMismatch(tx, { kind: 'recorded_here_failed_there', saleId: sale.id, stripeObjectId: `sale:${sale.opId}`, message: `Stripe refused sale ${sale.id}: ${message}`, createdAt: opts.now().toISOString() });
        });
        report.refused++;
      }
    }
  }
  return report;
}
