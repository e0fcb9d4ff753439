/**
 * What the crash-test writer writes for one sequence number `seq`, as pure data, so the writer
 * and the checker agree on it: a plan draft (its name and notes carry `seq`), one workout with
 * its set logs, and one audit entry (`entity` = CRASH_AUDIT_ENTITY, `entityId` = `seq`).
 * The sizes vary with `seq` (1–3 weeks, 2 sessions a week, 1–3 prescriptions a session, 2–5
 * sets), so a check that only counted a fixed shape would not pass by accident.
 * Units: loads in kg, rest and durations in s, times ISO-8601 UTC.
 */
import type { Exercise, PlanDraft } from '../../engine/types';
import type { SetInsert, WorkoutInsert } from '../history';
import type { MemberInsert } from '../members';

/** The member every crash-test row belongs to (found by name, created when missing). */
export const CRASH_MEMBER_NAME = 'Crash Test Writer';
/** Built-in exercise ids the prescriptions and set logs refer to (they must exist: foreign keys). */
export const CRASH_EXERCISE_IDS = ['barbell-bench-press', 'dumbbell-bench-press', 'barbell-back-squat'] as const;
export const CRASH_PLAN_PREFIX = 'crash plan ';
export const CRASH_WORKOUT_PREFIX = 'crash workout ';
export const CRASH_SET_SOURCE = 'crash-test';
export const CRASH_AUDIT_ENTITY = 'crash_seq';
export const CRASH_AUDIT_ACTION = 'crash.commit';

/**
 * How the writer groups a seq's three parts into transactions: `atomic` (one transaction, the
 * real thing), `split` (three; a kill can leave a seq half-written) or `report-early` (one, but
 * `committed` is printed before it runs; a kill can lose a reported seq).
 */
export type WriterMode = 'atomic' | 'split' | 'report-early';

/** Row counts one complete `seq` has in each part. */
export interface CrashShape {
  plans: 1;
  weeks: number;
  sessions: number;
  prescriptions: number;
  workouts: 1;
  sets: number;
  audits: 1;
}

const SESSIONS_PER_WEEK = 2;
const weeksOf = (seq: number) => 1 + (seq % 3);
const prescriptionsOf = (seq: number, week: number, day: number) => 1 + ((seq + week + day) % 3);
const setsOf = (seq: number) => 2 + (seq % 4);

/** The row counts a complete `seq` must have. */
export function crashShape(seq: number): CrashShape {
  let prescriptions = 0;
  for (let w = 1; w <= weeksOf(seq); w++) {
    for (let d = 1; d <= SESSIONS_PER_WEEK; d++) prescriptions += prescriptionsOf(seq, w, d);
  }
  return { plans: 1, weeks: weeksOf(seq), sessions: weeksOf(seq) * SESSIONS_PER_WEEK, prescriptions, workouts: 1, sets: setsOf(seq), audits: 1 };
}

/** The crash member's profile (what `createMember` needs). */
export function crashMember(): MemberInsert {
  return {
    name: CRASH_MEMBER_NAME, goal: 'strength', level: 'intermediate', daysPerWeek: SESSIONS_PER_WEEK, sessionMinutes: 60,
    equipment: ['barbell', 'dumbbell'], excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [],
    preferredUnit: 'kg', notes: 'rows written by the crash test (db/crash)',
  };
}

/** The plan name that carries `seq`; `crashSeqOfName` reads it back. */
export const crashPlanName = (seq: number) => `${CRASH_PLAN_PREFIX}${seq}`;
export const crashWorkoutName = (seq: number) => `${CRASH_WORKOUT_PREFIX}${seq}`;

/** A small plan draft for `seq` with the sizes of `crashShape(seq)`. */
export function crashPlanDraft(seq: number, memberId: number, exercises: readonly Exercise[]): PlanDraft {
  const weeks = Array.from({ length: weeksOf(seq) }, (_, i) => {
    const week = i + 1;
    return {
      week, isDeload: false, targetRir: 2,
      sessions: Array.from({ length: SESSIONS_PER_WEEK }, (_, j) => {
        const day = j + 1;
        return {
          day, name: `seq ${seq} w${week} d${day}`, estimatedMinutes: 45,
          prescriptions: Array.from({ length: prescriptionsOf(seq, week, day) }, (_, k) => {
            const ex = exercises[(seq + k) % exercises.length]!;
            return {
              exerciseId: ex.id, exerciseName: ex.name, order: k + 1, sets: 3, repMin: 6, repMax: 10, targetRir: 2,
              loadKg: 40 + (seq % 50), restS: 120, isCalibration: false, reason: `crash test seq ${seq}`, e1rmKg: null,
            };
          }),
        };
      }),
    };
  });
  return {
    memberId, goal: 'strength', level: 'intermediate', split: 'full_body', daysPerWeek: SESSIONS_PER_WEEK, sessionMinutes: 60,
    weeks, notes: [`crash test seq ${seq}`],
  };
}

/** One workout for `seq` with `crashShape(seq).sets` set logs (what `insertWorkouts` takes). */
export function crashWorkout(seq: number, memberId: number, exercises: readonly Exercise[]): { workout: WorkoutInsert; sets: SetInsert[] } {
  const at = new Date(Date.UTC(2024, 0, 1) + seq * 60_000).toISOString();
  const ex = exercises[seq % exercises.length]!;
  const sets = Array.from({ length: setsOf(seq) }, (_, i): SetInsert => ({
    exerciseId: ex.id, exerciseName: ex.name, setIndex: i + 1, setKind: 'working', loadKg: 40 + (seq % 50), reps: 5 + (i % 3),
    rir: 2, rpe: 8, distanceM: null, durationS: null, performedAt: at, notes: '',
  }));
  return {
    workout: { memberId, startedAt: at, name: crashWorkoutName(seq), durationS: 3600, notes: '', source: CRASH_SET_SOURCE, importId: null },
    sets,
  };
}
