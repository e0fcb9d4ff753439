/**
 * Tables of memberships, class packs and payments through Stripe (issue 16). Money is integer
 * minor units (cents) with an ISO currency code beside it; instants are ISO-8601 UTC text;
 * membership dates are club-local calendar dates (YYYY-MM-DD). Re-exported by `schema.ts`.
 *
 * A sale is written here first (the outbox) and only then sent to Stripe, with the idempotency
 * key `sale-<op_id>`, so a sale made offline is a row in status `queued` and a retried request
 * can never create a second Checkout Session. Credits are a ledger: a paid pack adds `credits`,
 * a booking takes one from the pack it names, a refund returns it to the same pack.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { members, staff } from './schema';
import { classBookings } from './classes-schema';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

export const PRODUCT_KINDS = ['membership', 'pack', 'drop_in'] as const;
export const SALE_METHODS = ['checkout', 'payment_link', 'cash', 'terminal'] as const;
/**
 * queued: written here, not yet accepted by Stripe (offline, or the send failed);
 * awaiting_payment: Stripe holds the Checkout Session / Payment Link, the member has not paid;
 * paid: confirmed by Stripe (an event or the object) or recorded by hand (cash, terminal);
 * expired: the session expired unpaid; mismatch: Stripe and the studio disagree (see payment_mismatches).
 */
export const SALE_STATUSES = ['queued', 'awaiting_payment', 'paid', 'expired', 'mismatch'] as const;
export const MEMBERSHIP_STATUSES = ['active', 'frozen', 'past_due', 'cancelled'] as const;
export const CREDIT_REASONS = ['purchase', 'booking', 'refund'] as const;

/** Contact details and consents of a member, and their Stripe Customer once created. */
export const memberContacts = sqliteTable('member_contacts', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  email: text('email'),
  phone: text('phone'),
  consentEmail: integer('consent_email', { mode: 'boolean' }).notNull().default(false),
  consentSms: integer('consent_sms', { mode: 'boolean' }).notNull().default(false),
  stripeCustomerId: text('stripe_customer_id'),
  updatedAt: text('updated_at').notNull().default(now),
});

/** What the club sells: membership plans (recurring), class packs and drop-ins (one-off). */
export const paymentProducts = sqliteTable('payment_products', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: PRODUCT_KINDS }).notNull(),
  name: text('name').notNull(),
  amountMinor: integer('amount_minor').notNull(),
  currency: text('currency').notNull(),
  /** Class credits a pack or drop-in gives (drop-in: 1); null for a membership. */
  credits: integer('credits'),
  /** Billing interval of a membership, in months. */
  intervalMonths: integer('interval_months'),
  stripeProductId: text('stripe_product_id'),
  stripePriceId: text('stripe_price_id'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull().default(now),
});

/** One sale: the outbox row, the payment once confirmed, and the receipt. */
export const paymentSales = sqliteTable('payment_sales', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Our own operation id; the Stripe idempotency key and `metadata.op_id` derive from it. */
  opId: text('op_id').notNull(),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  productId: integer('product_id').notNull().references(() => paymentProducts.id),
  method: text('method', { enum: SALE_METHODS }).notNull(),
  amountMinor: integer('amount_minor').notNull(),
  currency: text('currency').notNull(),
  status: text('status', { enum: SALE_STATUSES }).notNull(),
  stripeObjectId: text('stripe_object_id'),
  payUrl: text('pay_url'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  recordedBy: integer('recorded_by').references(() => staff.id),
  createdAt: text('created_at').notNull(),
  paidAt: text('paid_at'),
  receiptNo: text('receipt_no'),
}, (t) => [
  uniqueIndex('payment_sales_op').on(t.opId),
  index('payment_sales_member').on(t.memberId, t.status),
  index('payment_sales_status').on(t.status, t.createdAt),
  uniqueIndex('payment_sales_stripe_object').on(t.stripeObjectId),
]);

/** A member's membership of a plan. */
export const memberships = sqliteTable('memberships', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  productId: integer('product_id').notNull().references(() => paymentProducts.id),
  saleId: integer('sale_id').references(() => paymentSales.id),
  status: text('status', { enum: MEMBERSHIP_STATUSES }).notNull(),
  startDate: text('start_date').notNull(),
  renewalDate: text('renewal_date').notNull(),
  /** While frozen: the date the membership returns to active. */
  frozenUntil: text('frozen_until'),
  stripeSubscriptionId: text('stripe_subscription_id'),
  cancelledAt: text('cancelled_at'),
  createdAt: text('created_at').notNull().default(now),
}, (t) => [index('memberships_member').on(t.memberId, t.status)]);

/**
 * The credit ledger: +credits per paid pack sale (reason purchase, once per sale), −1 per booking
 * (reason booking, once per booking), +1 per refunded booking (reason refund, once per booking).
 * The partial unique indexes make a double credit impossible, not just unlikely.
 */
export const creditEntries = sqliteTable('credit_entries', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  saleId: integer('sale_id').notNull().references(() => paymentSales.id),
  bookingId: integer('booking_id').references(() => classBookings.id, { onDelete: 'cascade' }),
  reason: text('reason', { enum: CREDIT_REASONS }).notNull(),
  delta: integer('delta').notNull(),
  at: text('at').notNull(),
}, (t) => [
  index('credit_entries_member').on(t.memberId, t.saleId),
  uniqueIndex('credit_entries_one_purchase').on(t.saleId).where(sql`reason = 'purchase'`),
  uniqueIndex('credit_entries_one_per_booking').on(t.bookingId, t.reason).where(sql`booking_id IS NOT NULL`),
]);

/** Which credit a booking used: a pack sale or a membership; `state` follows cancellation policy. */
export const bookingCredits = sqliteTable('booking_credits', {
  bookingId: integer('booking_id').primaryKey().references(() => classBookings.id, { onDelete: 'cascade' }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  source: text('source', { enum: ['pack', 'membership'] }).notNull(),
  saleId: integer('sale_id').references(() => paymentSales.id),
  membershipId: integer('membership_id').references(() => memberships.id),
  /** held | refunded | forfeited */
  state: text('state').notNull(),
});

/** Stripe events already applied: the id is written in the same transaction as its effect. */
export const stripeEvents = sqliteTable('stripe_events', {
  id: text('id').primaryKey(),
  type: text('type').notNull(),
  created: integer('created').notNull(),
  /** events | webhook | objects */
  via: text('via').notNull(),
  effect: text('effect').notNull(),
  processedAt: text('processed_at').notNull(),
});

/** The reconciliation cursor (one row): the newest event applied, and the last sync. */
export const paymentSync = sqliteTable('payment_sync', {
  id: integer('id').primaryKey(),
  cursorEventId: text('cursor_event_id'),
  /** Unix seconds of the cursor event (Stripe keeps events for 30 days). */
  cursorCreated: integer('cursor_created'),
  lastSyncAt: text('last_sync_at'),
  lastError: text('last_error'),
});

/** Disagreements between Stripe and the studio, for a manager; never resolved automatically. */
export const paymentMismatches = sqliteTable('payment_mismatches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** paid_in_stripe_not_here | recorded_here_failed_there | amount_differs | cursor_expired */
  kind: text('kind').notNull(),
  saleId: integer('sale_id').references(() => paymentSales.id, { onDelete: 'set null' }),
  stripeObjectId: text('stripe_object_id'),
  message: text('message').notNull(),
  createdAt: text('created_at').notNull(),
  resolvedAt: text('resolved_at'),
  resolvedBy: integer('resolved_by').references(() => staff.id),
  resolution: text('resolution'),
}, (t) => [uniqueIndex('payment_mismatches_once').on(t.kind, t.stripeObjectId)]);

/**
 * Payment records kept after a member is erased (privacy): a sale is a financial record the club
 * must keep (bookkeeping law, typically 6–10 years), so erasure copies each of the member's sales
 * here without the member (no member id, name or contact) and then deletes the member's rows.
 * What is kept: product, method, amount and currency, status, dates, receipt number, the Stripe
 * object id (which the club's Stripe account holds anyway) and the staff member who took it.
 */
export const retainedPayments = sqliteTable('retained_payments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The erased sale's id (receipts and mismatches name it); no foreign key: the row is gone. */
  saleId: integer('sale_id').notNull(),
  opId: text('op_id').notNull(),
  productId: integer('product_id').notNull().references(() => paymentProducts.id),
  productName: text('product_name').notNull(),
  method: text('method', { enum: SALE_METHODS }).notNull(),
  amountMinor: integer('amount_minor').notNull(),
  currency: text('currency').notNull(),
  status: text('status', { enum: SALE_STATUSES }).notNull(),
  stripeObjectId: text('stripe_object_id'),
  receiptNo: text('receipt_no'),
  recordedBy: integer('recorded_by').references(() => staff.id),
  createdAt: text('created_at').notNull(),
  paidAt: text('paid_at'),
  erasedAt: text('erased_at').notNull(),
}, (t) => [uniqueIndex('retained_payments_sale').on(t.saleId), index('retained_payments_paid').on(t.status, t.paidAt)]);
