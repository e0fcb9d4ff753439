/**
 * Adherence of phone-logged sets to the plan: per prescription `done` (every planned set logged
 * with reps at least the bottom of the range and, when a load was prescribed, at least 97.5 % of
 * it), `partial` (some sets, or short on reps or load) or `skipped` (none, in a plan session the
 * member trained or whose week is over). Loads kg. Pure.
 */
export interface PrescribedSets { id: number; sets: number; repMin: number; repMax: number; loadKg: number | null }
export interface LoggedSet { prescriptionId: number | null; loadKg: number; reps: number }
export type AdherenceStatus = 'done' | 'partial' | 'skipped';

export interface PrescriptionAdherence {
  prescriptionId: number;
  status: AdherenceStatus;
  setsLogged: number;
  setsPlanned: number;
  /** Mean logged reps minus the bottom of the range (null: nothing logged). */
  repsVsPlan: number | null;
  /** Mean logged load over the prescribed load (null: nothing logged or no load prescribed). */
  loadRatio: number | null;
}

const LOAD_TOLERANCE = 0.975;

export function prescriptionAdherence(p: PrescribedSets, logged: readonly LoggedSet[]): PrescriptionAdherence {
  const mine = logged.filter((l) => l.prescriptionId === p.id);
  const base = { prescriptionId: p.id, setsLogged: mine.length, setsPlanned: p.sets };
  if (mine.length === 0) return { ...base, status: 'skipped', repsVsPlan: null, loadRatio: null };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const repsVsPlan = mean(mine.map((l) => l.reps)) - p.repMin;
  const loadRatio = p.loadKg ? mean(mine.map((l) => l.loadKg)) / p.loadKg : null;
  const counted = mine.slice(0, p.sets);
  const full = mine.length >= p.sets && counted.every((l) => l.reps >= p.repMin && (!p.loadKg || l.loadKg >= p.loadKg * LOAD_TOLERANCE));
  return { ...base, status: full ? 'done' : 'partial', repsVsPlan, loadRatio };
}

export interface AdherenceCounts { done: number; partial: number; skipped: number }

export function countAdherence(rows: readonly PrescriptionAdherence[]): AdherenceCounts {
  const c: AdherenceCounts = { done: 0, partial: 0, skipped: 0 };
  for (const r of rows) c[r.status]++;
  return c;
}
