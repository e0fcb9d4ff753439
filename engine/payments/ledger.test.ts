import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseCredit, membershipAccess, refundsCredit, type PackFacts } from './ledger';
import { DEFAULT_PAYMENTS_POLICY as P, readPaymentsPolicy } from './policy';
import { cursorExpired, decide, membershipStatusOf } from './reconcile';

describe('grace policy', () => {
  const m = (status: 'active' | 'frozen' | 'past_due' | 'cancelled', frozenUntil: string | null = null) => ({ id: 1, status, renewalDate: '2026-12-01', frozenUntil });
  it('past due keeps access for pastDueGraceDays after the renewal date, not a day more', () => {
    expect(membershipAccess(m('past_due'), '2026-12-03', P).ok).toBe(true);
    expect(membershipAccess(m('past_due'), '2026-12-04', P)).toEqual({ ok: false, why: expect.stringContaining('3-day grace ended on 2026-12-04') });
    expect(membershipAccess(m('past_due'), '2026-12-01', { ...P, pastDueGraceDays: 0 }).ok).toBe(false);
  });
  it('frozen until the return date; cancelled never; active always', () => {
    expect(membershipAccess(m('frozen', '2026-12-10'), '2026-12-09', P).ok).toBe(false);
    expect(membershipAccess(m('frozen', '2026-12-10'), '2026-12-10', P).ok).toBe(true);
    expect(membershipAccess(m('cancelled'), '2026-11-01', P).ok).toBe(false);
    expect(membershipAccess(m('active'), '2030-01-01', P).ok).toBe(true);
  });
  it('an invalid stored policy reads as the default', () => {
    expect(readPaymentsPolicy({ pastDueGraceDays: 99 })).toEqual(P);
  });
});

describe('choosing a credit', () => {
  const pack = (saleId: number, saleStatus: PackFacts['saleStatus'], balance: number, paidAt: string | null = '2026-12-01T10:00:00Z'): PackFacts => ({ saleId, saleStatus, balance, paidAt });
  it('a usable membership first, then the oldest confirmed pack with credits', () => {
    const packs = [pack(2, 'paid', 3, '2026-12-02T00:00:00Z'), pack(1, 'paid', 0), pack(3, 'paid', 5, '2026-11-30T00:00:00Z')];
    expect(chooseCredit([], packs, '2026-12-05', P)).toEqual({ ok: true, credit: { source: 'pack', saleId: 3 } });
    expect(chooseCredit([{ id: 9, status: 'active', renewalDate: '2027-01-01', frozenUntil: null }], packs, '2026-12-05', P))
      .toEqual({ ok: true, credit: { source: 'membership', membershipId: 9 } });
  });
  it('a pending pack is not usable, and the refusal says so', () => {
    const r = chooseCredit([], [pack(1, 'awaiting_payment', 0, null), pack(2, 'queued', 0, null)], '2026-12-05', P);
    expect(r).toEqual({ ok: false, why: expect.stringContaining('2 pack sales are waiting for payment') });
  });
  it('never picks a pack that is unconfirmed or empty (property)', () => {
    const status = fc.constantFrom('queued', 'awaiting_payment', 'paid', 'expired', 'mismatch') as fc.Arbitrary<PackFacts['saleStatus']>;
    fc.assert(fc.property(fc.array(fc.record({ saleId: fc.nat(1000), saleStatus: status, balance: fc.integer({ min: 0, max: 10 }), paidAt: fc.constant('2026-12-01') }), { maxLength: 8 }), (packs) => {
      const r = chooseCredit([], packs, '2026-12-05', P);
      const usable = packs.filter((x) => x.saleStatus === 'paid' && x.balance > 0);
      expect(r.ok).toBe(usable.length > 0);
      if (r.ok && r.credit.source === 'pack') expect(usable.map((x) => x.saleId)).toContain(r.credit.saleId);
    }), { seed: 16, numRuns: 300 });
  });
});

describe('refunds follow the policy', () => {
  it('on-time, waitlist and studio cancels refund; late cancel and no-show forfeit by default', () => {
    expect(['cancelled_on_time', 'cancelled_waitlist', 'cancelled_by_studio'].map((h) => refundsCredit(h as never, P))).toEqual([true, true, true]);
    expect(refundsCredit('late_cancelled', P)).toBe(false);
    expect(refundsCredit('no_show', P)).toBe(false);
    expect(refundsCredit('late_cancelled', { ...P, lateCancelForfeits: false })).toBe(true);
    expect(refundsCredit('no_show', { ...P, noShowForfeits: false })).toBe(true);
  });
});

describe('reconciliation decisions', () => {
  const sale = { id: 5, status: 'awaiting_payment' as const, amountMinor: 9000, currency: 'eur', method: 'checkout' as const };
  const paid = { kind: 'payment_completed' as const, objectId: 'cs_1', opId: 'op', amountMinor: 9000, currency: 'eur', paid: true };
  it('a completed payment marks the sale paid once; again is nothing', () => {
    expect(decide(paid, sale)).toEqual({ action: 'mark_paid', saleId: 5 });
    expect(decide(paid, { ...sale, status: 'paid' }).action).toBe('nothing');
  });
  it('disagreements are mismatches, never resolved', () => {
    expect(decide(paid, null)).toMatchObject({ action: 'mismatch', kind: 'paid_in_stripe_not_here' });
    expect(decide({ ...paid, amountMinor: 100 }, sale)).toMatchObject({ action: 'mismatch', kind: 'amount_differs', saleId: 5 });
    expect(decide({ kind: 'payment_expired', objectId: 'cs_1', opId: 'op' }, { ...sale, status: 'paid' })).toMatchObject({ action: 'mismatch', kind: 'recorded_here_failed_there' });
    expect(decide(paid, { ...sale, status: 'expired' })).toMatchObject({ action: 'mismatch', kind: 'paid_in_stripe_not_here' });
  });
  it('an expired session expires an awaiting sale; unpaid completion waits', () => {
    expect(decide({ kind: 'payment_expired', objectId: 'cs_1', opId: 'op' }, sale)).toEqual({ action: 'mark_expired', saleId: 5 });
    expect(decide({ ...paid, paid: false }, sale).action).toBe('nothing');
  });
  it('subscription statuses map onto membership statuses', () => {
    expect(['active', 'trialing', 'past_due', 'unpaid', 'canceled'].map(membershipStatusOf)).toEqual(['active', 'active', 'past_due', 'past_due', 'cancelled']);
  });
  it('the cursor expires after 30 days', () => {
    const now = Date.parse('2026-12-31T00:00:00Z');
    expect(cursorExpired(now / 1000 - 29 * 86400, now)).toBe(false);
    expect(cursorExpired(now / 1000 - 31 * 86400, now)).toBe(true);
    expect(cursorExpired(null, now)).toBe(false);
  });
});
