/**
 * Recording a sale (issue 16). Online methods (checkout, payment_link) are written as `queued`
 * and sent by the outbox; cash and card-terminal sales are paid at once and record who took
 * them. The operation id makes the call itself idempotent: the same op id returns the same sale.
 */
import { getProduct, getSale, insertSale, saleByOpId, type SaleRow } from '../../db/payments';
import type { Db } from '../../db/open';
import { settleSale } from './apply';

export interface NewSale { opId: string; memberId: number; productId: number; method: SaleRow['method']; recordedBy: number | null }

export class SaleError extends Error {
  constructor(readonly reason: 'not_found' | 'conflict', message: string, readonly field: string) { super(message); }
}

export function recordSale(db: Db, s: NewSale, now: Date): SaleRow {
  return db.transaction((tx) => {
    const existing = saleByOpId(tx, s.opId);
    if (existing) {
      if (existing.memberId !== s.memberId || existing.productId !== s.productId || existing.method !== s.method) {
        throw new SaleError('conflict', `operation ${s.opId} was already used for another sale`, 'opId');
      }
      return existing;
    }
    const product = getProduct(tx, s.productId);
    if (!product) throw new SaleError('not_found', `there is no product with id ${s.productId}`, 'productId');
    if (!product.active) throw new SaleError('conflict', `${product.name} is no longer sold`, 'productId');
    if (product.kind === 'membership' && s.method === 'payment_link') throw new SaleError('conflict', 'a membership is sold through a Checkout Session (a subscription), not a payment link', 'method');
    const manual = s.method === 'cash' || s.method === 'terminal';
    const sale = insertSale(tx, {
      opId: s.opId, memberId: s.memberId, productId: product.id, method: s.method, amountMinor: product.amountMinor, currency: product.currency,
      status: 'queued', recordedBy: s.recordedBy, createdAt: now.toISOString(),
    });
    if (manual) settleSale(tx, sale, now.toISOString(), null);
    return getSale(tx, sale.id)!;
  });
}
