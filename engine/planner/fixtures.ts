/**
 * Test fixtures: a small inline exercise library and member/history builders, so planner tests
 * do not depend on the built-in library. Synthetic data only.
 */
import type { Equipment, Exercise, Level, Mechanic, MemberProfile, Muscle, Pattern, SetRecord } from '../types';

interface ExOpts {
  level?: Level;
  mechanic?: Mechanic;
  force?: Exercise['force'];
  group?: string;
  category?: string;
}

/** One fixture exercise. */
export function ex(id: string, pattern: Pattern, equipment: Equipment, primary: Muscle[], opts: ExOpts = {}): Exercise {
  return {
    id, name: id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' '), aliases: [],
    primaryMuscles: primary, secondaryMuscles: [], equipment, level: opts.level ?? 'beginner',
    mechanic: opts.mechanic ?? 'compound', force: opts.force ?? 'push', pattern,
    substitutionGroup: opts.group ?? id, category: opts.category ?? 'strength', source: 'builtin', sourceId: null,
    instructions: [],
  };
}

const iso = { mechanic: 'isolation' } as const;

/** About 40 exercises: every slot pattern with barbell, dumbbell, machine/cable and body-weight options. */
export const FIXTURE_LIBRARY: readonly Exercise[] = [
  ex('barbell-back-squat', 'squat', 'barbell', ['quadriceps'], { group: 'squat' }),
  ex('goblet-squat', 'squat', 'dumbbell', ['quadriceps'], { group: 'squat' }),
  ex('leg-press', 'squat', 'machine', ['quadriceps'], { group: 'leg-press' }),
  ex('bodyweight-squat', 'squat', 'body_only', ['quadriceps'], { group: 'squat' }),
  ex('pistol-squat', 'squat', 'body_only', ['quadriceps'], { level: 'advanced' }),
  ex('barbell-deadlift', 'hinge', 'barbell', ['hamstrings', 'glutes'], { force: 'pull' }),
  ex('dumbbell-romanian-deadlift', 'hinge', 'dumbbell', ['hamstrings'], { force: 'pull' }),
  ex('hip-thrust', 'hip_extension', 'barbell', ['glutes']),
  ex('glute-bridge', 'hip_extension', 'body_only', ['glutes']),
  ex('dumbbell-lunge', 'lunge', 'dumbbell', ['quadriceps']),
  ex('bodyweight-lunge', 'lunge', 'body_only', ['quadriceps']),
  ex('barbell-bench-press', 'horizontal_push', 'barbell', ['chest'], { group: 'bench' }),
  ex('dumbbell-bench-press', 'horizontal_push', 'dumbbell', ['chest'], { group: 'bench' }),
  ex('machine-chest-press', 'horizontal_push', 'machine', ['chest'], { group: 'bench' }),
  ex('push-up', 'horizontal_push', 'body_only', ['chest']),
  ex('barbell-overhead-press', 'vertical_push', 'barbell', ['shoulders'], { group: 'ohp' }),
  ex('dumbbell-shoulder-press', 'vertical_push', 'dumbbell', ['shoulders'], { group: 'ohp' }),
  ex('pike-push-up', 'vertical_push', 'body_only', ['shoulders'], { level: 'intermediate' }),
  ex('barbell-row', 'horizontal_pull', 'barbell', ['middle_back', 'lats'], { force: 'pull', group: 'row' }),
  ex('dumbbell-row', 'horizontal_pull', 'dumbbell', ['middle_back', 'lats'], { force: 'pull', group: 'row' }),
  ex('cable-row', 'horizontal_pull', 'cable', ['middle_back', 'lats'], { force: 'pull', group: 'seated-row' }),
  ex('inverted-row', 'horizontal_pull', 'pullup_bar', ['middle_back', 'lats'], { force: 'pull' }),
  ex('lat-pulldown', 'vertical_pull', 'cable', ['lats'], { force: 'pull' }),
  ex('pull-up', 'vertical_pull', 'pullup_bar', ['lats'], { force: 'pull', level: 'intermediate' }),
  ex('barbell-curl', 'elbow_flexion', 'barbell', ['biceps'], { ...iso, force: 'pull' }),
  ex('dumbbell-curl', 'elbow_flexion', 'dumbbell', ['biceps'], { ...iso, force: 'pull' }),
  ex('cable-pushdown', 'elbow_extension', 'cable', ['triceps'], iso),
  ex('dumbbell-overhead-extension', 'elbow_extension', 'dumbbell', ['triceps'], iso),
  ex('bench-dip', 'elbow_extension', 'body_only', ['triceps']),
  ex('dumbbell-lateral-raise', 'shoulder_raise', 'dumbbell', ['shoulders'], iso),
  ex('cable-lateral-raise', 'shoulder_raise', 'cable', ['shoulders'], iso),
  ex('dumbbell-fly', 'chest_fly', 'dumbbell', ['chest'], iso),
  ex('reverse-fly', 'rear_delt', 'dumbbell', ['shoulders'], { ...iso, force: 'pull' }),
  ex('leg-extension', 'knee_extension', 'machine', ['quadriceps'], iso),
  ex('leg-curl', 'knee_flexion', 'machine', ['hamstrings'], { ...iso, force: 'pull' }),
  ex('standing-calf-raise', 'calf_raise', 'machine', ['calves'], iso),
  ex('bodyweight-calf-raise', 'calf_raise', 'body_only', ['calves'], iso),
  ex('dumbbell-shrug', 'shrug', 'dumbbell', ['traps'], { ...iso, force: 'pull' }),
  ex('plank', 'core_stability', 'body_only', ['abdominals'], { ...iso, force: 'static' }),
  ex('crunch', 'core_flexion', 'body_only', ['abdominals'], { ...iso, force: 'pull' }),
  ex('cable-woodchop', 'core_rotation', 'cable', ['abdominals'], { ...iso, force: 'pull' }),
  ex('jump-squat', 'squat', 'body_only', ['quadriceps'], { category: 'plyometrics' }),
];

/** A member with sensible defaults; override any field. */
export function member(overrides: Partial<MemberProfile> = {}): MemberProfile {
  return {
    id: 7, name: 'Test Member', goal: 'hypertrophy', level: 'intermediate', daysPerWeek: 3, sessionMinutes: 60,
    equipment: ['barbell', 'dumbbell', 'cable', 'machine', 'pullup_bar'], excludedMuscles: [], excludedPatterns: [],
    excludedExerciseIds: [], preferredUnit: 'kg', bodyMassKg: 80, ...overrides,
  };
}

/** `count` weekly sessions of one set each, the newest `daysBeforeNow` days before `now`. */
export function sessions(exerciseId: string, now: string, daysBeforeNow: number, count: number, loadKg: number, reps: number, rir: number | null): SetRecord[] {
  const nowMs = Date.parse(now);
  const out: SetRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const at = new Date(nowMs - (daysBeforeNow + 7 * i) * 86_400_000).toISOString();
    out.push({ exerciseId, performedAt: at, loadKg, reps, rir, rpe: null });
  }
  return out;
}
