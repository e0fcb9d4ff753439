/** Rows of payments as the contract's views (issue 16). */
import { membershipAccess } from '../../../engine/payments/ledger';
import type { PaymentsPolicy } from '../../../engine/payments/policy';
import { getContact, membershipsOf, packsOf, salesOfMember, type ProductRow, type SaleRow } from '../../../db/payments';
import type { Db } from '../../../db/open';
import type { MemberPaymentsView, ProductView, SaleView } from '../../contract/payments-views';

export const STATUS_TEXT: Record<SaleRow['status'], string> = {
  queued: 'pending: not sent to Stripe yet (offline or retrying)',
  awaiting_payment: 'waiting for the member to pay',
  paid: 'paid',
  expired: 'expired unpaid',
  mismatch: 'flagged for a manager (Stripe and the studio disagree)',
};

export function productView(p: ProductRow): ProductView {
  return { id: p.id, kind: p.kind, name: p.name, amountMinor: p.amountMinor, currency: p.currency, credits: p.credits, intervalMonths: p.intervalMonths, active: p.active, linkedToStripe: p.stripePriceId !== null };
}

export function saleView(s: SaleRow & { productName: string }): SaleView {
  return {
    id: s.id, opId: s.opId, memberId: s.memberId, productId: s.productId, productName: s.productName, method: s.method, amountMinor: s.amountMinor, currency: s.currency,
    status: s.status, statusText: STATUS_TEXT[s.status], payUrl: s.payUrl, receiptNo: s.receiptNo, recordedBy: s.recordedBy, createdAt: s.createdAt, paidAt: s.paidAt, lastError: s.lastError,
  };
}

export function memberPaymentsView(db: Db, memberId: number, today: string, p: PaymentsPolicy): MemberPaymentsView {
  const c = getContact(db, memberId);
  const packs = packsOf(db, memberId);
  const sales = salesOfMember(db, memberId);
  return {
    memberId,
    contact: { email: c?.email ?? null, phone: c?.phone ?? null, consentEmail: c?.consentEmail ?? false, consentSms: c?.consentSms ?? false },
    memberships: membershipsOf(db, memberId).map((m) => {
      const a = membershipAccess(m, today, p);
      return { id: m.id, planName: m.planName, status: m.status, startDate: m.startDate, renewalDate: m.renewalDate, frozenUntil: m.frozenUntil, access: a.ok, why: a.ok ? null : a.why };
    }),
    packs: packs.map((x) => ({ saleId: x.saleId, productName: x.productName, saleStatus: x.saleStatus, balance: x.balance })),
    credits: packs.filter((x) => x.saleStatus === 'paid').reduce((a, x) => a + x.balance, 0),
    pending: sales.filter((s) => s.status === 'queued' || s.status === 'awaiting_payment').length,
    sales: sales.map(saleView),
  };
}
