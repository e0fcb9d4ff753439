/**
 * Migration 0013_retained_payments and erasure (privacy): a database from before the migration,
 * with a member, a paid class pack and a pending sale, is opened by this release; erasing the
 * member then removes the member, their contact, credits and sales, and keeps each sale as a
 * financial record without the member (amount, product, method, dates, receipt number), still
 * counted in the revenue report.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from './open';
import { getMember } from './members';
import { creditEntriesOf, getContact, getSale, listRetainedPayments, revenueByProductMonth } from './payments';
import { eraseMember, memberData } from './privacy';
import { migrationsUpTo as cutMigrations, useTempDirs } from './migration-testkit';

const tempDir = useTempDirs('studio-retained-');

describe('migration _retained_payments and erasing a member with payments', () => {
  it('keeps the payments of the release before it, and erasure keeps them without the member', () => {
    const path = join(tempDir(), 'studio.db');
    const old = openDatabase(path, { migrationsFolder: cutMigrations(tempDir(), '_retained_payments') });
    const run = (q: string) => old.sqlite.prepare(q).run();
    run("INSERT INTO members (name, goal, level, days_per_week, session_minutes, equipment, excluded_muscles, excluded_patterns, excluded_exercise_ids, preferred_unit) VALUES ('Sara', 'strength', 'beginner', 3, 60, '[]', '[]', '[]', '[]', 'kg')");
    run("INSERT INTO staff (name, role) VALUES ('Desk', 'front_desk')");
    run("INSERT INTO member_contacts (member_id, email, phone, consent_email) VALUES (1, 'sara@example.org', '+49 30 1234567', 1)");
    run("INSERT INTO payment_products (kind, name, amount_minor, currency, credits) VALUES ('pack', '10-class pack', 9000, 'eur', 10)");
    run("INSERT INTO payment_sales (op_id, member_id, product_id, method, amount_minor, currency, status, recorded_by, created_at, paid_at, receipt_no) VALUES ('op-cash-1', 1, 1, 'cash', 9000, 'eur', 'paid', 1, '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', 'R-000001')");
    run("INSERT INTO payment_sales (op_id, member_id, product_id, method, amount_minor, currency, status, created_at) VALUES ('op-queued-2', 1, 1, 'checkout', 9000, 'eur', 'queued', '2026-12-01T10:00:00Z')");
    run("INSERT INTO credit_entries (member_id, sale_id, reason, delta, at) VALUES (1, 1, 'purchase', 10, '2026-11-20T10:00:00Z')");
    const before = old.schemaVersion;
    old.close();

    const store = openDatabase(path);
    expect(store.schemaVersion).toBeGreaterThan(before);
    expect(getSale(store.db, 1)!.receiptNo).toBe('R-000001');
    expect(memberData(store.db, 1)!.payments.sales).toHaveLength(2);
    const revenue = revenueByProductMonth(store.db);
    expect(revenue).toEqual([{ month: '2026-11', productId: 1, productName: '10-class pack', currency: 'eur', amountMinor: 9000, sales: 1 }]);

    const erased = eraseMember(store.db, 1, '2026-12-04T12:00:00.000Z');
    expect(erased.paymentsKept).toBe(2);
    expect(getMember(store.db, 1)).toBeNull();
    expect(getContact(store.db, 1)).toBeNull();
    expect(getSale(store.db, 1)).toBeNull();
    expect(creditEntriesOf(store.db, 1)).toHaveLength(0);
    const kept = listRetainedPayments(store.db);
    expect(kept.map((k) => [k.saleId, k.productName, k.method, k.amountMinor, k.currency, k.status, k.receiptNo, k.paidAt, k.recordedBy])).toEqual([
      [2, '10-class pack', 'checkout', 9000, 'eur', 'queued', null, null, null],
      [1, '10-class pack', 'cash', 9000, 'eur', 'paid', 'R-000001', '2026-11-20T10:00:00Z', 1],
    ]);
    // Nothing that names the member is kept.
    expect(JSON.stringify(kept)).not.toMatch(/Sara|sara@example|1234567/);
    expect(Object.keys(kept[0]!)).not.toContain('memberId');
    // The revenue report still counts the erased member's paid sale.
    expect(revenueByProductMonth(store.db)).toEqual(revenue);
    store.close();
  });
});
