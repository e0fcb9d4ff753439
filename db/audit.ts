/**
 * The audit log: who did what, when, how it arrived, with the before and after values.
 *
 * Append-only: this module has no update or delete for it, and migration 0006's triggers make
 * SQLite refuse both. Entries about a member (`subjectMemberId`) have their before/after sealed
 * with that member's key (`db/audit-seal.ts`); erasing the member deletes the key, so those
 * entries stay in the log but their personal content can no longer be read.
 */
import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from './open';
import { auditLog, staff } from './schema';
import { ERASED, memberKey, openPayload, sealPayload } from './audit-seal';

export interface AuditInput {
  actorStaffId: number | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /** How the change arrived: ipc, http, cli or system. */
  via?: string | null;
  /** The member this entry is about; before/after are then sealed with the member's key. */
  subjectMemberId?: number | null;
}

/** Appends one entry. Call it inside the transaction of the change it records. */
export function recordAudit(db: Db, e: AuditInput): void {
  const subject = e.subjectMemberId ?? null;
  const key = subject !== null ? memberKey(db, subject, true) : null;
  const seal = (v: unknown) => (v === undefined || v === null ? null : key ? sealPayload(key, v) : v);
  db.insert(auditLog).values({
    actorStaffId: e.actorStaffId, action: e.action, entity: e.entity, entityId: String(e.entityId),
    before: seal(e.before), after: seal(e.after), via: e.via ?? null, subjectMemberId: subject,
  }).run();
}

export interface AuditRow {
  id: number; at: string; action: string; entity: string; entityId: string;
  before: unknown; after: unknown; via: string | null; subjectMemberId: number | null;
  actor: { id: number; name: string; role: 'trainer' | 'manager' | 'front_desk' } | null;
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  /** An exact action (`plan.approve`) or a prefix ending in `.` or `*` (`auth.`, `schedule.*`). */
  action?: string;
  actorStaffId?: number;
  /** ISO time, inclusive. */
  from?: string;
  /** ISO time, exclusive. */
  to?: string;
  limit: number;
  offset?: number;
}

function conditions(f: Omit<AuditFilter, 'limit' | 'offset'>): SQL | undefined {
  const action = f.action?.replace(/\*$/, '');
  const conds = [
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    action ? (action.endsWith('.') ? like(auditLog.action, `${action.replace(/[%_]/g, '')}%`) : eq(auditLog.action, action)) : undefined,
    f.actorStaffId !== undefined ? eq(auditLog.actorStaffId, f.actorStaffId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
  ].filter((c) => c !== undefined);
  return conds.length ? and(...conds) : undefined;
}

/** Entries newest first, their sealed payloads opened (or `ERASED` once the member was erased). */
export function listAudit(db: Db, filter: AuditFilter): AuditRow[] {
  const keys = new Map<number, Buffer | null>();
  const keyOf = (memberId: number) => {
    if (!keys.has(memberId)) keys.set(memberId, memberKey(db, memberId, false));
    return keys.get(memberId)!;
  };
  return db.select({
    id: auditLog.id, at: auditLog.at, action: auditLog.action, entity: auditLog.entity,
    entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after, via: auditLog.via,
    subjectMemberId: auditLog.subjectMemberId, actorId: staff.id, actorName: staff.name, actorRole: staff.role,
  }).from(auditLog).leftJoin(staff, eq(staff.id, auditLog.actorStaffId))
    .where(conditions(filter))
    .orderBy(desc(auditLog.id)).limit(filter.limit).offset(filter.offset ?? 0).all()
    .map(({ actorId, actorName, actorRole, ...r }) => {
      const key = r.subjectMemberId !== null ? keyOf(r.subjectMemberId) : null;
      const open = (v: unknown) => (r.subjectMemberId === null ? v : openPayload(key, v));
      return {
        ...r, before: open(r.before), after: open(r.after),
        actor: actorId != null && actorName != null && actorRole != null ? { id: actorId, name: actorName, role: actorRole } : null,
      };
    });
}

/** How many entries match a filter (for paging). */
export function countAudit(db: Db, filter: Omit<AuditFilter, 'limit' | 'offset'>): number {
  return db.select({ c: sql<number>`count(*)` }).from(auditLog).where(conditions(filter)).get()?.c ?? 0;
}

/** An entity's entries newest first, without their before/after JSON (cheap to walk). */
export function auditActions(db: Db, entity: string, limit: number): Array<{ id: number; action: string; hasBefore: boolean }> {
  return db.select({ id: auditLog.id, action: auditLog.action, hasBefore: sql<number>`${auditLog.before} IS NOT NULL` })
    .from(auditLog).where(eq(auditLog.entity, entity)).orderBy(desc(auditLog.id)).limit(limit).all()
    .map((r) => ({ id: r.id, action: r.action, hasBefore: r.hasBefore === 1 }));
}

/** The `before` value of one entry (null when it has none or does not exist). */
export function auditBefore(db: Db, id: number): unknown {
  const row = db.select({ before: auditLog.before, subject: auditLog.subjectMemberId }).from(auditLog).where(eq(auditLog.id, id)).get();
  if (!row) return null;
  return row.subject === null ? row.before ?? null : openPayload(memberKey(db, row.subject, false), row.before ?? null);
}

export { ERASED };
