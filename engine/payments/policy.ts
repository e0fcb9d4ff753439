/**
 * The payments policy of a club (issue 16), stored as the setting `payments.policy` and
 * validated here on read: how long a past-due membership keeps access, whether a booking needs
 * a credit, and what a late cancel or a no-show costs. Pure.
 */
import { z } from 'zod';

export const PaymentsPolicySchema = z.object({
  /** A past-due membership still books for this many days after its renewal date. */
  pastDueGraceDays: z.number().int().min(0, 'must be 0–30 days').max(30, 'must be 0–30 days'),
  /** Booking is refused without a membership or pack credit (off: a club that does not sell here). */
  requireCredit: z.boolean(),
  /** A late cancel keeps the pack credit spent (false: it is returned like an on-time cancel). */
  lateCancelForfeits: z.boolean(),
  /** A no-show keeps the pack credit spent. */
  noShowForfeits: z.boolean(),
  /** The currency of new products (ISO 4217, lower case as Stripe writes it). */
  currency: z.string().regex(/^[a-z]{3}$/, 'a 3-letter currency code'),
}).strict();

export type PaymentsPolicy = z.infer<typeof PaymentsPolicySchema>;

/** Our defaults: 3 days of grace, credits not required, late cancels and no-shows forfeit. */
export const DEFAULT_PAYMENTS_POLICY: PaymentsPolicy = {
  pastDueGraceDays: 3, requireCredit: false, lateCancelForfeits: true, noShowForfeits: true, currency: 'eur',
};

export function readPaymentsPolicy(stored: unknown): PaymentsPolicy {
  const parsed = PaymentsPolicySchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_PAYMENTS_POLICY;
}
