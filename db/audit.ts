/** The audit log: who changed what, with the before and after values. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './open';
import { auditLog, staff } from './schema';

export interface AuditInput {
  actorStaffId: number | null;
  action: string;
  entity: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Appends one entry. Call it inside the transaction of the change it records. */
export function recordAudit(db: Db, e: AuditInput): void {
  db.insert(auditLog).values({
    actorStaffId: e.actorStaffId, action: e.action, entity: e.entity, entityId: String(e.entityId),
    before: e.before ?? null, after: e.after ?? null,
  }).run();
}

export interface AuditRow {
  id: number; at: string; action: string; entity: string; entityId: string;
  before: unknown; after: unknown;
  actor: { id: number; name: string; role: 'trainer' | 'manager' | 'front_desk' } | null;
}

export function listAudit(db: Db, filter: { entity?: string; entityId?: string; action?: string; limit: number }): AuditRow[] {
  const conds = [
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
  ].filter((c) => c !== undefined);
  return db.select({
    id: auditLog.id, at: auditLog.at, action: auditLog.action, entity: auditLog.entity,
    entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after,
    actorId: staff.id, actorName: staff.name, actorRole: staff.role,
  }).from(auditLog).leftJoin(staff, eq(staff.id, auditLog.actorStaffId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id)).limit(filter.limit).all()
    .map(({ actorId, actorName, actorRole, ...r }) => ({
      ...r, actor: actorId != null && actorName != null && actorRole != null ? { id: actorId, name: actorName, role: actorRole } : null,
    }));
}

/** An entity's entries newest first, without their before/after JSON (cheap to walk). */
export function auditActions(db: Db, entity: string, limit: number): Array<{ id: number; action: string; hasBefore: boolean }> {
  return db.select({ id: auditLog.id, action: auditLog.action, hasBefore: sql<number>`${auditLog.before} IS NOT NULL` })
    .from(auditLog).where(eq(auditLog.entity, entity)).orderBy(desc(auditLog.id)).limit(limit).all()
    .map((r) => ({ id: r.id, action: r.action, hasBefore: r.hasBefore === 1 }));
}

/** The `before` value of one entry (null when it has none or does not exist). */
export function auditBefore(db: Db, id: number): unknown {
  return db.select({ before: auditLog.before }).from(auditLog).where(eq(auditLog.id, id)).get()?.before ?? null;
}
