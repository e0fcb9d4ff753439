/** Staff: trainers, managers and front desk. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from './open';
import { staff } from './schema';

export type StaffRole = 'trainer' | 'manager' | 'front_desk';
export interface StaffRow { id: number; name: string; role: StaffRole }

export function listStaff(db: Db): StaffRow[] {
  return db.select({ id: staff.id, name: staff.name, role: staff.role }).from(staff).orderBy(asc(staff.id)).all();
}

export function getStaff(db: Db, id: number): StaffRow | null {
  return db.select({ id: staff.id, name: staff.name, role: staff.role }).from(staff).where(eq(staff.id, id)).get() ?? null;
}

export function createStaff(db: Db, name: string, role: StaffRole): StaffRow {
  const row = db.insert(staff).values({ name, role }).returning({ id: staff.id }).get();
  return { id: row.id, name, role };
}
