/**
 * The payments part of the API contract (issue 16): products (managers), selling at the front
 * desk (Checkout Session or Payment Link as a QR, or cash/terminal by hand), a member's
 * memberships, packs and payments, the sync with Stripe, mismatches and reports.
 */
import { z } from 'zod';
import { PaymentsPolicySchema } from '../../engine/payments/policy';
import { MANAGERS, op, STAFF_ONLY } from './op';
import { Id, IsoDate, MemberId } from './schemas';
import type * as P from './payments-views';

const DESK = ['manager', 'front_desk'] as const;
/** Our own operation id (the client makes one per sale; a retry sends the same). */
const OpId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 letters, digits, - or _');

export const paymentsContract = {
  'payments/products': op<P.ProductView[]>()({ input: z.object({}).strict(), access: STAFF_ONLY, summary: 'Membership plans, class packs and drop-ins.' }),
  'payments/create-product': op<P.ProductView>()({
    input: z.object({
      kind: z.enum(['membership', 'pack', 'drop_in']),
      name: z.string().trim().min(1).max(120),
      amountMinor: z.number().int().min(50, 'at least 0.50').max(10_000_000),
      currency: z.string().regex(/^[a-z]{3}$/).optional(),
      credits: z.number().int().min(1).max(500).optional(),
      intervalMonths: z.number().int().min(1).max(12).optional(),
    }).strict(),
    access: MANAGERS,
    summary: 'Define a product; its Stripe Product and Price are created (idempotently) at the first sale or sync.',
  }),
  'payments/sell': op<P.SellResult>()({
    input: z.object({ opId: OpId, memberId: MemberId, productId: Id, method: z.enum(['checkout', 'payment_link', 'cash', 'terminal']) }).strict(),
    access: DESK,
    ownedBy: 'memberId',
    summary: 'Sell at the front desk: a Checkout Session or Payment Link (shown as a QR; queued when offline) or cash/terminal recorded by hand.',
  }),
  'payments/member': op<P.MemberPaymentsView>()({
    input: z.object({ memberId: MemberId }).strict(), access: STAFF_ONLY, ownedBy: 'memberId',
    summary: "A member's contact, memberships (with access under the grace policy), pack balances and payments.",
  }),
  'payments/set-contact': op<P.MemberPaymentsView>()({
    input: z.object({
      memberId: MemberId, email: z.string().email().max(200).nullable().optional(), phone: z.string().regex(/^\+?[0-9 ()-]{5,30}$/).nullable().optional(),
      consentEmail: z.boolean().optional(), consentSms: z.boolean().optional(),
    }).strict(),
    access: STAFF_ONLY, ownedBy: 'memberId', summary: "Change a member's email, phone and consents.",
  }),
  'payments/freeze': op<P.MemberPaymentsView>()({
    input: z.object({ membershipId: Id, until: IsoDate.nullable() }).strict(),
    access: DESK, summary: 'Freeze a membership until a return date (null: unfreeze now).',
  }),
  'payments/sync': op<P.SyncView>()({ input: z.object({}).strict(), access: DESK, summary: 'Send queued sales to Stripe and reconcile from the events cursor.' }),
  'payments/sync-status': op<P.SyncStatusView>()({
    input: z.object({}).strict(), access: DESK,
    summary: 'The last sync with Stripe (when, its error or warning), the events cursor and whether it is older than the 30 days Stripe keeps events.',
  }),
  'payments/mismatches': op<P.MismatchView[]>()({ input: z.object({ openOnly: z.boolean().default(true) }).strict(), access: MANAGERS, summary: 'Disagreements between Stripe and the studio.' }),
  'payments/resolve-mismatch': op<P.MismatchView>()({
    input: z.object({ mismatchId: Id, resolution: z.string().trim().min(3).max(500) }).strict(), access: MANAGERS,
    summary: 'Record how a manager resolved a mismatch (the studio never resolves one itself).',
  }),
  'payments/report': op<P.PaymentsReport>()({ input: z.object({}).strict(), access: MANAGERS, summary: 'Revenue by product and month, memberships, churn and freezes, outstanding balances.' }),
  'payments/report-csv': op<{ fileName: string; csv: string }>()({ input: z.object({ table: z.enum(['revenue', 'outstanding']) }).strict(), access: MANAGERS, summary: 'A report table as CSV.' }),
  'payments/policy': op<z.infer<typeof PaymentsPolicySchema>>()({ input: z.object({}).strict(), access: STAFF_ONLY, summary: 'The grace and credit policy.' }),
  'payments/set-policy': op<z.infer<typeof PaymentsPolicySchema>>()({ input: z.object({ policy: PaymentsPolicySchema }).strict(), access: MANAGERS, summary: 'Change the grace and credit policy.' }),
};
