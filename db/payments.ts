/**
 * Queries and mutations of memberships, packs and payments (issue 16). Callers wrap writes that
 * belong together in `db.transaction`; the reconciler writes an event id and its effect in one.
 * Money is integer minor units with its currency.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from './open';
import {
  bookingCredits, creditEntries, memberContacts, members, memberships, paymentMismatches, paymentProducts, paymentSales, paymentSync, retainedPayments, stripeEvents,
} from './schema';

export type ProductRow = typeof paymentProducts.$inferSelect;
export type SaleRow = typeof paymentSales.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;
export type MismatchRow = typeof paymentMismatches.$inferSelect;
export type ContactRow = typeof memberContacts.$inferSelect;
export type BookingCreditRow = typeof bookingCredits.$inferSelect;
export type SyncRow = typeof paymentSync.$inferSelect;

// ─── Contacts ───────────────────────────────────────────────────────────────────────────────

export function getContact(db: Db, memberId: number): ContactRow | null {
  return db.select().from(memberContacts).where(eq(memberContacts.memberId, memberId)).get() ?? null;
}

export function putContact(db: Db, memberId: number, patch: Partial<Omit<ContactRow, 'memberId' | 'updatedAt'>>): ContactRow {
  const row = { ...patch, updatedAt: new Date().toISOString() };
  return db.insert(memberContacts).values({ memberId, ...row }).onConflictDoUpdate({ target: memberContacts.memberId, set: row }).returning().get();
}

// ─── Products ───────────────────────────────────────────────────────────────────────────────

export function insertProduct(db: Db, row: Omit<typeof paymentProducts.$inferInsert, 'id' | 'createdAt'>): ProductRow {
  return db.insert(paymentProducts).values(row).returning().get();
}

export function updateProduct(db: Db, id: number, patch: Partial<typeof paymentProducts.$inferInsert>): void {
  db.update(paymentProducts).set(patch).where(eq(paymentProducts.id, id)).run();
}

export function getProduct(db: Db, id: number): ProductRow | null {
  return db.select().from(paymentProducts).where(eq(paymentProducts.id, id)).get() ?? null;
}

export function listProducts(db: Db): ProductRow[] {
  return db.select().from(paymentProducts).orderBy(asc(paymentProducts.kind), asc(paymentProducts.name)).all();
}

// ─── Sales (the outbox) ─────────────────────────────────────────────────────────────────────

export function insertSale(db: Db, row: Omit<typeof paymentSales.$inferInsert, 'id'>): SaleRow {
  return db.insert(paymentSales).values(row).returning().get();
}

export function updateSale(db: Db, id: number, patch: Partial<typeof paymentSales.$inferInsert>): void {
  db.update(paymentSales).set(patch).where(eq(paymentSales.id, id)).run();
}

export function getSale(db: Db, id: number): SaleRow | null {
  return db.select().from(paymentSales).where(eq(paymentSales.id, id)).get() ?? null;
}

export function saleByOpId(db: Db, opId: string): SaleRow | null {
  return db.select().from(paymentSales).where(eq(paymentSales.opId, opId)).get() ?? null;
}

export function saleByStripeObject(db: Db, objectId: string): SaleRow | null {
  return db.select().from(paymentSales).where(eq(paymentSales.stripeObjectId, objectId)).get() ?? null;
}

export function salesWithStatus(db: Db, statuses: SaleRow['status'][]): SaleRow[] {
  return db.select().from(paymentSales).where(inArray(paymentSales.status, statuses)).orderBy(asc(paymentSales.id)).all();
}

export function salesOfMember(db: Db, memberId: number): Array<SaleRow & { productName: string; productKind: ProductRow['kind'] }> {
  return db.select({ s: paymentSales, name: paymentProducts.name, kind: paymentProducts.kind }).from(paymentSales)
    .innerJoin(paymentProducts, eq(paymentProducts.id, paymentSales.productId))
    .where(eq(paymentSales.memberId, memberId)).orderBy(desc(paymentSales.id)).all()
    .map((r) => ({ ...r.s, productName: r.name, productKind: r.kind }));
}

export function allSales(db: Db): SaleRow[] {
  return db.select().from(paymentSales).orderBy(asc(paymentSales.id)).all();
}

// ─── Credits ────────────────────────────────────────────────────────────────────────────────

/** Adds a ledger entry; false when the unique indexes say it exists already (no double credit). */
export function insertCredit(db: Db, row: Omit<typeof creditEntries.$inferInsert, 'id'>): boolean {
  return db.insert(creditEntries).values(row).onConflictDoNothing().run().changes === 1;
}

/** The member's pack sales (packs and drop-ins) with their sale status and credit balance. */
export function packsOf(db: Db, memberId: number): Array<{ saleId: number; saleStatus: SaleRow['status']; paidAt: string | null; balance: number; productName: string }> {
  const balance = sql<number>`coalesce((SELECT sum(delta) FROM credit_entries c WHERE c.sale_id = ${paymentSales.id}), 0)`;
  return db.select({ saleId: paymentSales.id, saleStatus: paymentSales.status, paidAt: paymentSales.paidAt, balance, productName: paymentProducts.name })
    .from(paymentSales).innerJoin(paymentProducts, eq(paymentProducts.id, paymentSales.productId))
    .where(and(eq(paymentSales.memberId, memberId), inArray(paymentProducts.kind, ['pack', 'drop_in']))).orderBy(asc(paymentSales.id)).all();
}

export function creditEntriesOf(db: Db, memberId?: number) {
  return db.select().from(creditEntries).where(memberId === undefined ? undefined : eq(creditEntries.memberId, memberId)).orderBy(asc(creditEntries.id)).all();
}

export function putBookingCredit(db: Db, row: typeof bookingCredits.$inferInsert): void {
  db.insert(bookingCredits).values(row).run();
}

export function getBookingCredit(db: Db, bookingId: number): BookingCreditRow | null {
  return db.select().from(bookingCredits).where(eq(bookingCredits.bookingId, bookingId)).get() ?? null;
}

export function setBookingCreditState(db: Db, bookingId: number, state: 'held' | 'refunded' | 'forfeited'): void {
  db.update(bookingCredits).set({ state }).where(eq(bookingCredits.bookingId, bookingId)).run();
}

// ─── Memberships ────────────────────────────────────────────────────────────────────────────

export function insertMembership(db: Db, row: Omit<typeof memberships.$inferInsert, 'id' | 'createdAt'>): MembershipRow {
  return db.insert(memberships).values(row).returning().get();
}

export function updateMembership(db: Db, id: number, patch: Partial<typeof memberships.$inferInsert>): void {
  db.update(memberships).set(patch).where(eq(memberships.id, id)).run();
}

export function getMembership(db: Db, id: number): MembershipRow | null {
  return db.select().from(memberships).where(eq(memberships.id, id)).get() ?? null;
}

export function membershipsOf(db: Db, memberId: number): Array<MembershipRow & { planName: string }> {
  return db.select({ m: memberships, name: paymentProducts.name }).from(memberships)
    .innerJoin(paymentProducts, eq(paymentProducts.id, memberships.productId))
    .where(eq(memberships.memberId, memberId)).orderBy(desc(memberships.id)).all().map((r) => ({ ...r.m, planName: r.name }));
}

export function membershipBySubscription(db: Db, subscriptionId: string): MembershipRow | null {
  return db.select().from(memberships).where(eq(memberships.stripeSubscriptionId, subscriptionId)).get() ?? null;
}

export function allMemberships(db: Db): MembershipRow[] {
  return db.select().from(memberships).all();
}

// ─── Events, cursor, mismatches ─────────────────────────────────────────────────────────────

/** Records an event as applied; false when it was applied before (the caller then does nothing). */
export function recordEvent(db: Db, row: typeof stripeEvents.$inferInsert): boolean {
  return db.insert(stripeEvents).values(row).onConflictDoNothing().run().changes === 1;
}

export function setEventEffect(db: Db, id: string, effect: string): void {
  db.update(stripeEvents).set({ effect }).where(eq(stripeEvents.id, id)).run();
}

export function countEvents(db: Db): number {
  return db.select({ n: sql<number>`count(*)` }).from(stripeEvents).get()?.n ?? 0;
}

export function getSync(db: Db): SyncRow {
  return db.select().from(paymentSync).where(eq(paymentSync.id, 1)).get() ?? { id: 1, cursorEventId: null, cursorCreated: null, lastSyncAt: null, lastError: null };
}

export function putSync(db: Db, patch: Partial<Omit<SyncRow, 'id'>>): void {
  db.insert(paymentSync).values({ id: 1, ...patch }).onConflictDoUpdate({ target: paymentSync.id, set: patch }).run();
}

/** Flags a mismatch once per kind and Stripe object. */
export function insertMismatch(db: Db, row: Omit<typeof paymentMismatches.$inferInsert, 'id' | 'resolvedAt' | 'resolvedBy' | 'resolution'>): boolean {
  return db.insert(paymentMismatches).values(row).onConflictDoNothing().run().changes === 1;
}

export function listMismatches(db: Db, openOnly: boolean): MismatchRow[] {
  return db.select().from(paymentMismatches).where(openOnly ? isNull(paymentMismatches.resolvedAt) : undefined).orderBy(desc(paymentMismatches.id)).all();
}

export function resolveMismatch(db: Db, id: number, staffId: number | null, resolution: string, atIso: string): boolean {
  return db.update(paymentMismatches).set({ resolvedAt: atIso, resolvedBy: staffId, resolution })
    .where(and(eq(paymentMismatches.id, id), isNull(paymentMismatches.resolvedAt))).run().changes === 1;
}

// ─── Reports ────────────────────────────────────────────────────────────────────────────────

type RevenueRow = { month: string; productId: number; productName: string; currency: string; amountMinor: number; sales: number };

/**
 * Paid revenue per product and calendar month (UTC, of `paid_at`), in minor units, counting the
 * payments kept anonymised after a member was erased (`retained_payments`) as well.
 */
export function revenueByProductMonth(db: Db): RevenueRow[] {
  const merged = new Map<string, RevenueRow>();
  for (const r of [...liveRevenue(db), ...retainedRevenue(db)]) {
    const key = `${r.month} ${r.productId} ${r.currency}`;
    const m = merged.get(key);
    if (m) { m.amountMinor += r.amountMinor; m.sales += r.sales; } else merged.set(key, { ...r });
  }
  return [...merged.values()].sort((a, b) => a.month.localeCompare(b.month) || a.productName.localeCompare(b.productName));
}

function retainedRevenue(db: Db): RevenueRow[] {
  return db.select({
    month: sql<string>`substr(${retainedPayments.paidAt}, 1, 7)`, productId: paymentProducts.id, productName: paymentProducts.name,
    currency: retainedPayments.currency, amountMinor: sql<number>`sum(${retainedPayments.amountMinor})`, sales: sql<number>`count(*)`,
  }).from(retainedPayments).innerJoin(paymentProducts, eq(paymentProducts.id, retainedPayments.productId))
    .where(eq(retainedPayments.status, 'paid')).groupBy(sql`1`, paymentProducts.id, retainedPayments.currency).all();
}

function liveRevenue(db: Db): RevenueRow[] {
  return db.select({
    month: sql<string>`substr(${paymentSales.paidAt}, 1, 7)`, productId: paymentProducts.id, productName: paymentProducts.name,
    currency: paymentSales.currency, amountMinor: sql<number>`sum(${paymentSales.amountMinor})`, sales: sql<number>`count(*)`,
  }).from(paymentSales).innerJoin(paymentProducts, eq(paymentProducts.id, paymentSales.productId))
    .where(eq(paymentSales.status, 'paid'))
    .groupBy(sql`1`, paymentProducts.id, paymentSales.currency).orderBy(sql`1`, asc(paymentProducts.name)).all();
}

/** Sales not yet paid (queued or awaiting payment), with the member's name: outstanding balances. */
export function outstandingSales(db: Db): Array<SaleRow & { memberName: string }> {
  return db.select({ s: paymentSales, name: members.name }).from(paymentSales).innerJoin(members, eq(members.id, paymentSales.memberId))
    .where(inArray(paymentSales.status, ['queued', 'awaiting_payment'])).orderBy(asc(paymentSales.createdAt)).all()
    .map((r) => ({ ...r.s, memberName: r.name }));
}

/**
 * Before a member is erased: copies their sales into `retained_payments` without the member
 * (financial records are kept; see the schema). Returns how many were kept. Call inside the
 * erasure's transaction; the member's own rows then go with the member (ON DELETE CASCADE).
 */
export function retainMemberSales(db: Db, memberId: number, atIso: string): number {
  const sales = salesOfMember(db, memberId);
  for (const s of sales) {
    db.insert(retainedPayments).values({
      saleId: s.id, opId: s.opId, productId: s.productId, productName: s.productName, method: s.method, amountMinor: s.amountMinor, currency: s.currency,
      status: s.status, stripeObjectId: s.stripeObjectId, receiptNo: s.receiptNo, recordedBy: s.recordedBy, createdAt: s.createdAt, paidAt: s.paidAt, erasedAt: atIso,
    }).onConflictDoNothing().run();
  }
  return sales.length;
}

export function listRetainedPayments(db: Db): Array<typeof retainedPayments.$inferSelect> {
  return db.select().from(retainedPayments).orderBy(asc(retainedPayments.id)).all();
}

/** Everything payments hold about one member (for the member's data export). */
export function memberPaymentData(db: Db, memberId: number) {
  return {
    contact: getContact(db, memberId),
    sales: db.select().from(paymentSales).where(eq(paymentSales.memberId, memberId)).all(),
    memberships: db.select().from(memberships).where(eq(memberships.memberId, memberId)).all(),
    creditEntries: db.select().from(creditEntries).where(eq(creditEntries.memberId, memberId)).all(),
    bookingCredits: db.select().from(bookingCredits).where(eq(bookingCredits.memberId, memberId)).all(),
  };
}
