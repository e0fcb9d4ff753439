/** What the payments operations return (issue 16). Money: integer minor units with its currency. */
export interface ProductView { id: number; kind: 'membership' | 'pack' | 'drop_in'; name: string; amountMinor: number; currency: string; credits: number | null; intervalMonths: number | null; active: boolean; linkedToStripe: boolean }
export interface SaleView {
  id: number; opId: string; memberId: number; productId: number; productName: string; method: 'checkout' | 'payment_link' | 'cash' | 'terminal';
  amountMinor: number; currency: string; status: 'queued' | 'awaiting_payment' | 'paid' | 'expired' | 'mismatch';
  /** For people: "pending: not sent yet (offline)", "waiting for the member to pay", "paid". */
  statusText: string; payUrl: string | null; receiptNo: string | null; recordedBy: number | null; createdAt: string; paidAt: string | null; lastError: string | null;
}
export interface SellResult { sale: SaleView; /** The pay URL as an SVG QR code, when there is one. */ qrSvg: string | null; online: boolean; message: string }
export interface MembershipView { id: number; planName: string; status: 'active' | 'frozen' | 'past_due' | 'cancelled'; startDate: string; renewalDate: string; frozenUntil: string | null; access: boolean; why: string | null }
export interface PackView { saleId: number; productName: string; saleStatus: SaleView['status']; balance: number }
export interface MemberPaymentsView {
  memberId: number;
  contact: { email: string | null; phone: string | null; consentEmail: boolean; consentSms: boolean };
  memberships: MembershipView[]; packs: PackView[]; credits: number; pending: number; sales: SaleView[];
}
export interface SyncView { online: boolean; sent: number; stillQueued: number; eventsApplied: number; duplicates: number; objectsChecked: number; warning: string | null; error: string | null; openMismatches: number }
/** The stored state of the sync with Stripe (survives restarts; `payments/sync` returns one run's figures). */
export interface SyncStatusView {
  /** Whether a Stripe key is configured on this host. */
  configured: boolean;
  /** ISO instant of the last successful sync, or null. */
  lastSyncAt: string | null;
  /** The last sync's error or warning (e.g. the cursor fallback), or null. */
  lastError: string | null;
  /** ISO instant of the newest Stripe event applied (the cursor), or null before the first. */
  cursorAt: string | null;
  /** Set when the cursor is older than the 30 days Stripe keeps events: the next sync lists the objects instead. */
  cursorWarning: string | null;
  /** Sales not yet sent to Stripe, and sent but not yet paid. */
  queued: number; awaitingPayment: number; openMismatches: number;
}
export interface MismatchView { id: number; kind: string; saleId: number | null; stripeObjectId: string | null; message: string; createdAt: string; resolvedAt: string | null; resolution: string | null }
export interface PaymentsReport {
  revenue: Array<{ month: string; productName: string; currency: string; amountMinor: number; sales: number }>;
  activeMemberships: number; frozen: number; pastDue: number; cancelledThisMonth: number; churnPct: number;
  outstanding: Array<{ saleId: number; memberName: string; productId: number; amountMinor: number; currency: string; status: string; createdAt: string }>;
}
