/**
 * What the progression handlers read from storage, in the engine's shapes: a member's
 * sessions per exercise (one session = one exercise on one day) and their check-ins.
 */
import type { CheckIn, ExerciseSession } from '../../../engine/progression/types';
import { memberSetRecords } from '../../../db/history';
import type { Db } from '../../../db/open';
import { memberCheckIns, type CheckInRow } from '../../../db/progression';

/** The member's logged sessions, oldest first (warm-ups excluded). */
export function memberSessions(db: Db, memberId: number): ExerciseSession[] {
  const out = new Map<string, ExerciseSession>();
  for (const s of memberSetRecords(db, memberId)) {
    const key = `${s.exerciseId}|${s.performedAt.slice(0, 10)}`;
    let session = out.get(key);
    if (!session) {
      session = { performedAt: s.performedAt, exerciseId: s.exerciseId, sets: [] };
      out.set(key, session);
    }
    session.sets.push({ loadKg: s.loadKg, reps: s.reps, rir: s.rir, rpe: s.rpe, targetReps: null, form: null });
  }
  return [...out.values()];
}

export function toCheckIn(r: CheckInRow): CheckIn {
  return {
    at: r.at, sleep: r.sleep, fatigue: r.fatigue, soreness: r.soreness, energy: r.energy,
    painReported: r.painReported, illness: r.illness, ...(r.painNote ? { painNote: r.painNote } : {}),
  };
}

export function memberCheckInList(db: Db, memberId: number): CheckIn[] {
  return memberCheckIns(db, memberId).map(toCheckIn);
}

/** True when `now`'s hour is within 2 h of the member's median session start hour. */
export function familiarTimeOfDay(sessions: readonly ExerciseSession[], now: Date): boolean {
  const hours = sessions.map((s) => new Date(s.performedAt).getUTCHours()).sort((a, b) => a - b);
  if (hours.length < 3) return false;
  const median = hours[Math.floor(hours.length / 2)]!;
  const h = now.getUTCHours();
  return Math.min(Math.abs(h - median), 24 - Math.abs(h - median)) <= 2;
}
