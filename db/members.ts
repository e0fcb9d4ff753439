/** Members: profiles and their training totals. */
import { asc, eq, like, sql } from 'drizzle-orm';
import type { Db } from './open';
import { members, plans, setLogs, workoutSessions } from './schema';

export type MemberInsert = typeof members.$inferInsert;
export type MemberRow = typeof members.$inferSelect;

export interface MemberStats {
  setCount: number;
  sessionCount: number;
  firstTrainedAt: string | null;
  lastTrainedAt: string | null;
  planStatus: 'draft' | 'approved' | 'active' | 'archived' | null;
}

export function createMember(db: Db, values: MemberInsert): MemberRow {
  return db.insert(members).values(values).returning().get();
}

export function updateMember(db: Db, id: number, patch: Partial<MemberInsert>): MemberRow | null {
  return db.update(members).set(patch).where(eq(members.id, id)).returning().get() ?? null;
}

export function getMember(db: Db, id: number): MemberRow | null {
  return db.select().from(members).where(eq(members.id, id)).get() ?? null;
}

/** Members whose name is exactly `name` (case-insensitive). */
export function findMembersByName(db: Db, name: string): MemberRow[] {
  return db.select().from(members).where(sql`lower(${members.name}) = lower(${name})`).all();
}

export function listMembers(db: Db, query?: string): MemberRow[] {
  const q = query?.trim();
  return db.select().from(members).where(q ? like(members.name, `%${q}%`) : undefined).orderBy(asc(members.name)).all();
}

export function countMembers(db: Db): number {
  return db.select({ c: sql<number>`count(*)` }).from(members).get()?.c ?? 0;
}

/** Totals per member id, for lists and the member page. */
export function memberStats(db: Db, ids: readonly number[]): Map<number, MemberStats> {
  const out = new Map<number, MemberStats>();
  for (const id of ids) out.set(id, { setCount: 0, sessionCount: 0, firstTrainedAt: null, lastTrainedAt: null, planStatus: null });
  if (ids.length === 0) return out;
  const sets = db.select({
    memberId: setLogs.memberId, n: sql<number>`count(*)`,
    first: sql<string>`min(${setLogs.performedAt})`, last: sql<string>`max(${setLogs.performedAt})`,
  }).from(setLogs).groupBy(setLogs.memberId).all();
  for (const s of sets) {
    const m = out.get(s.memberId);
    if (m) Object.assign(m, { setCount: s.n, firstTrainedAt: s.first, lastTrainedAt: s.last });
  }
  const sessions = db.select({ memberId: workoutSessions.memberId, n: sql<number>`count(*)` })
    .from(workoutSessions).groupBy(workoutSessions.memberId).all();
  for (const s of sessions) { const m = out.get(s.memberId); if (m) m.sessionCount = s.n; }
  const statuses = db.select({ memberId: plans.memberId, status: plans.status }).from(plans)
    .orderBy(asc(plans.id)).all();
  const rank = { archived: 0, draft: 1, approved: 2, active: 3 } as const;
  for (const p of statuses) {
    const m = out.get(p.memberId);
    if (m && (m.planStatus === null || rank[p.status] >= rank[m.planStatus])) m.planStatus = p.status;
  }
  return out;
}
