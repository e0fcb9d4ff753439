/**
 * Payments at the host (issue 16): products, selling at the front desk, a member's payments,
 * the sync with Stripe, mismatches, reports and the policy. Selling writes the sale first and
 * then tries to send it at once; offline it stays queued and the next sync sends it.
 */
import QRCode from 'qrcode';
import { stringify } from 'csv-stringify/sync';
import { recordAudit } from '../../../db/audit';
import { getMember } from '../../../db/members';
import {
  allMemberships, getMembership, getSale, getSync, salesWithStatus, insertProduct, listMismatches, listProducts, outstandingSales, putContact, resolveMismatch, revenueByProductMonth,
  salesOfMember, updateMembership,
} from '../../../db/payments';
import type { Db } from '../../../db/open';
import { utcToClubLocal } from '../../../engine/classes/club-time';
import { cursorExpired } from '../../../engine/payments/reconcile';
import { StudioError } from '../../contract/errors';
import type { PaymentsReport } from '../../contract/payments-views';
import { auditActor, actorOf, type HandlerContext } from '../../host/context';
import type { PartialHandlers } from '../../host/registry';
import { loadPaymentsPolicy, savePaymentsPolicy } from '../../payments/credits';
import { recordSale, SaleError } from '../../payments/sales';
import { clubNames } from '../classes/views';
import { memberPaymentsView, productView, saleView } from './views';

const today = (ctx: HandlerContext) => utcToClubLocal(ctx.now().getTime(), clubNames(ctx.store.db).timezone).date;

function requireMember(db: Db, memberId: number) {
  if (!getMember(db, memberId)) throw new StudioError('not_found', `there is no member with id ${memberId}`, 'memberId');
}

function report(db: Db, now: Date): PaymentsReport {
  const ms = allMemberships(db);
  const month = now.toISOString().slice(0, 7);
  const cancelledThisMonth = ms.filter((m) => m.status === 'cancelled' && (m.cancelledAt ?? '').startsWith(month)).length;
  const activeMemberships = ms.filter((m) => m.status === 'active').length;
  const base = activeMemberships + cancelledThisMonth;
  return {
    revenue: revenueByProductMonth(db).map((r) => ({ month: r.month, productName: r.productName, currency: r.currency, amountMinor: r.amountMinor, sales: r.sales })),
    activeMemberships, frozen: ms.filter((m) => m.status === 'frozen').length, pastDue: ms.filter((m) => m.status === 'past_due').length, cancelledThisMonth,
    churnPct: base === 0 ? 0 : Math.round((cancelledThisMonth / base) * 1000) / 10,
    outstanding: outstandingSales(db).map((s) => ({ saleId: s.id, memberName: s.memberName, productId: s.productId, amountMinor: s.amountMinor, currency: s.currency, status: s.status, createdAt: s.createdAt })),
  };
}

export const paymentsHandlers: PartialHandlers = {
  'payments/products': (_i, ctx) => listProducts(ctx.store.db).map(productView),

  'payments/create-product': (input, ctx) => {
    if (input.kind === 'membership' && input.credits !== undefined) throw new StudioError('invalid_input', 'a membership has no credits; it books without limit', 'credits');
    if (input.kind !== 'membership' && input.intervalMonths !== undefined) throw new StudioError('invalid_input', 'only a membership renews', 'intervalMonths');
    const db = ctx.store.db;
    const p = insertProduct(db, {
      kind: input.kind, name: input.name, amountMinor: input.amountMinor, currency: input.currency ?? loadPaymentsPolicy(db).currency,
      credits: input.kind === 'membership' ? null : input.kind === 'drop_in' ? 1 : input.credits ?? 10, intervalMonths: input.kind === 'membership' ? input.intervalMonths ?? 1 : null,
      stripeProductId: null, stripePriceId: null, active: true,
    });
    recordAudit(db, { ...auditActor(ctx), action: 'payments.product', entity: 'payment_product', entityId: p.id, after: productView(p) });
    return productView(p);
  },

  'payments/sell': async (input, ctx) => {
    const db = ctx.store.db;
    requireMember(db, input.memberId);
    let sale;
    try {
      sale = recordSale(db, { ...input, recordedBy: actorOf(ctx) }, ctx.now());
    } catch (e) {
      if (e instanceof SaleError) throw new StudioError(e.reason, e.message, e.field);
      throw e;
    }
    recordAudit(db, { ...auditActor(ctx), action: 'payments.sell', entity: 'payment_sale', entityId: sale.id, after: { method: sale.method, status: sale.status, amountMinor: sale.amountMinor }, subjectMemberId: sale.memberId });
    let online = false;
    if (sale.status === 'queued' && ctx.payments?.stripe) online = (await ctx.payments.sync(ctx.store, ctx.now)).online;
    const view = saleView({ ...getSale(db, sale.id)!, productName: salesOfMember(db, sale.memberId).find((s) => s.id === sale.id)!.productName });
    const qrSvg = view.payUrl ? await QRCode.toString(view.payUrl, { type: 'svg', margin: 1 }) : null;
    const message = view.status === 'paid' ? `${view.productName}: paid (${view.method}), receipt ${view.receiptNo}`
      : view.status === 'awaiting_payment' ? `${view.productName}: the member scans the QR code to pay`
      : `${view.productName}: ${view.statusText}`;
    return { sale: view, qrSvg, online, message };
  },

  'payments/member': ({ memberId }, ctx) => {
    requireMember(ctx.store.db, memberId);
    return memberPaymentsView(ctx.store.db, memberId, today(ctx), loadPaymentsPolicy(ctx.store.db));
  },

  'payments/set-contact': ({ memberId, ...patch }, ctx) => {
    const db = ctx.store.db;
    requireMember(db, memberId);
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    putContact(db, memberId, clean);
    recordAudit(db, { ...auditActor(ctx), action: 'payments.contact', entity: 'member', entityId: memberId, after: Object.keys(clean), subjectMemberId: memberId });
    return memberPaymentsView(db, memberId, today(ctx), loadPaymentsPolicy(db));
  },

  'payments/freeze': ({ membershipId, until }, ctx) => {
    const db = ctx.store.db;
    const m = getMembership(db, membershipId);
    if (!m) throw new StudioError('not_found', `there is no membership with id ${membershipId}`, 'membershipId');
    if (m.status === 'cancelled') throw new StudioError('conflict', 'the membership is cancelled', 'membershipId');
    if (until !== null && until <= today(ctx)) throw new StudioError('invalid_input', 'the return date must be after today', 'until');
    updateMembership(db, m.id, until === null ? { status: 'active', frozenUntil: null } : { status: 'frozen', frozenUntil: until });
    recordAudit(db, { ...auditActor(ctx), action: 'payments.freeze', entity: 'membership', entityId: m.id, before: { status: m.status }, after: { until }, subjectMemberId: m.memberId });
    return memberPaymentsView(db, m.memberId, today(ctx), loadPaymentsPolicy(db));
  },

  'payments/sync': async (_i, ctx) => {
    if (!ctx.payments) throw new StudioError('conflict', 'payments are not available here', undefined);
    const r = await ctx.payments.sync(ctx.store, ctx.now);
    return {
      online: r.online, sent: r.flush?.sent ?? 0, stillQueued: r.flush?.stillQueued ?? 0, eventsApplied: r.reconcile?.applied ?? 0, duplicates: r.reconcile?.duplicates ?? 0,
      objectsChecked: r.reconcile?.objectsChecked ?? 0, warning: r.reconcile?.warning ?? null, error: r.error, openMismatches: listMismatches(ctx.store.db, true).length,
    };
  },

  'payments/sync-status': (_i, ctx) => {
    const db = ctx.store.db;
    const s = getSync(db);
    const cursorAt = s.cursorCreated !== null ? new Date(s.cursorCreated * 1000).toISOString() : null;
    return {
      configured: Boolean(ctx.payments?.stripe), lastSyncAt: s.lastSyncAt, lastError: s.lastError, cursorAt,
      cursorWarning: s.cursorEventId && cursorExpired(s.cursorCreated, ctx.now().getTime())
        ? `the last Stripe event applied is from ${cursorAt!.slice(0, 10)}, longer ago than Stripe keeps events (30 days): the next sync lists the Checkout Sessions since then instead`
        : null,
      queued: salesWithStatus(db, ['queued']).length, awaitingPayment: salesWithStatus(db, ['awaiting_payment']).length, openMismatches: listMismatches(db, true).length,
    };
  },

  'payments/mismatches': ({ openOnly }, ctx) => listMismatches(ctx.store.db, openOnly).map((m) => ({ id: m.id, kind: m.kind, saleId: m.saleId, stripeObjectId: m.stripeObjectId, message: m.message, createdAt: m.createdAt, resolvedAt: m.resolvedAt, resolution: m.resolution })),

  'payments/resolve-mismatch': ({ mismatchId, resolution }, ctx) => {
    const db = ctx.store.db;
    if (!resolveMismatch(db, mismatchId, actorOf(ctx), resolution, ctx.now().toISOString())) throw new StudioError('not_found', `there is no open mismatch with id ${mismatchId}`, 'mismatchId');
    recordAudit(db, { ...auditActor(ctx), action: 'payments.resolve', entity: 'payment_mismatch', entityId: mismatchId, after: { resolution } });
    const m = listMismatches(db, false).find((x) => x.id === mismatchId)!;
    return { id: m.id, kind: m.kind, saleId: m.saleId, stripeObjectId: m.stripeObjectId, message: m.message, createdAt: m.createdAt, resolvedAt: m.resolvedAt, resolution: m.resolution };
  },

  'payments/report': (_i, ctx) => report(ctx.store.db, ctx.now()),

  'payments/report-csv': ({ table }, ctx) => {
    const r = report(ctx.store.db, ctx.now());
    const rows = table === 'revenue'
      ? r.revenue.map((x) => ({ month: x.month, product: x.productName, currency: x.currency, amount: (x.amountMinor / 100).toFixed(2), sales: x.sales }))
      : r.outstanding.map((x) => ({ sale: x.saleId, member: x.memberName, currency: x.currency, amount: (x.amountMinor / 100).toFixed(2), status: x.status, created: x.createdAt }));
    return { fileName: `${table}-${ctx.now().toISOString().slice(0, 10)}.csv`, csv: stringify(rows, { header: true, columns: rows[0] ? Object.keys(rows[0]) : [table === 'revenue' ? 'month' : 'sale'] }) };
  },

  'payments/policy': (_i, ctx) => loadPaymentsPolicy(ctx.store.db),
  'payments/set-policy': ({ policy }, ctx) => {
    savePaymentsPolicy(ctx.store.db, policy, actorOf(ctx));
    recordAudit(ctx.store.db, { ...auditActor(ctx), action: 'payments.policy', entity: 'setting', entityId: 0, after: policy });
    return loadPaymentsPolicy(ctx.store.db);
  },
};
