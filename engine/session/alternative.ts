/**
 * An easier alternative when form breaks down on an exercise (issue 3 part 4).
 *
 * Eligible candidates (all must hold):
 * 1. same movement pattern;
 * 2. same substitution group, or similar primary muscles: Jaccard |A ∩ B| / |A ∪ B| ≥ 0.5;
 * 3. equipment the member has (`body_only` needs none and is always available);
 * 4. strictly easier, comparing (level, equipment demand, mechanic) in that order:
 *    - level: beginner < intermediate < advanced;
 *    - equipment demand (balance and technique the load asks for): machine 0 < smith machine,
 *      cable 1 < dumbbell, kettlebell, bands, body weight and the rest 2 < barbell, EZ bar 3;
 *    - mechanic: isolation < compound.
 *    So a lower level is always easier; at the same level, more guided equipment is easier;
 *    at the same level and equipment demand, isolation is easier than compound. Never harder.
 * 5. not the exercise itself, nor in `excludedIds`.
 * Ranking: same substitution group first; then higher muscle similarity; then, when the
 * original takes an external load, candidates that also take one (body weight and bands
 * last); then most guided (lowest difficulty tuple) first; then id, for a stable order.
 */
import type { Equipment, Exercise, Level, Mechanic } from '../types';

/** Smallest primary-muscle Jaccard similarity for a candidate outside the substitution group. */
export const MIN_MUSCLE_SIMILARITY = 0.5;

const LEVEL_RANK: Readonly<Record<Level, number>> = { beginner: 0, intermediate: 1, advanced: 2 };
const MECHANIC_RANK: Readonly<Record<Mechanic, number>> = { isolation: 0, compound: 1 };
const GUIDED: ReadonlySet<Equipment> = new Set<Equipment>(['smith_machine', 'cable']);
const FREE_BAR: ReadonlySet<Equipment> = new Set<Equipment>(['barbell', 'ez_bar']);
const UNLOADED: ReadonlySet<Equipment> = new Set<Equipment>(['body_only', 'bands', 'foam_roll', 'exercise_ball', 'pullup_bar', 'other']);

/** Balance and technique demand of the equipment, 0 (machine) to 3 (barbell), see the module note. */
export function equipmentDemand(equipment: Equipment): number {
  if (equipment === 'machine') return 0;
  if (GUIDED.has(equipment)) return 1;
  return FREE_BAR.has(equipment) ? 3 : 2;
}

/** (level, equipment demand, mechanic): lexicographically smaller is easier. */
export function difficulty(e: Exercise): [number, number, number] {
  return [LEVEL_RANK[e.level], equipmentDemand(e.equipment), MECHANIC_RANK[e.mechanic]];
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when `candidate` is strictly easier than `original` (see the module note). */
export function isEasier(candidate: Exercise, original: Exercise): boolean {
  return compareTuples(difficulty(candidate), difficulty(original)) < 0;
}

/** Jaccard similarity of two muscle lists, 0–1 (0 when both are empty). */
export function jaccard<T>(a: readonly T[], b: readonly T[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter += 1;
  const union = sa.size + sb.size - inter;
  return union === 0 ? 0 : inter / union;
}

export interface EasierAlternative {
  exercise: Exercise;
  sameGroup: boolean;
  /** Jaccard similarity of primary muscles, 0–1. */
  muscleSimilarity: number;
  reason: string;
}

function whyEasier(c: Exercise, o: Exercise): string {
  if (LEVEL_RANK[c.level] < LEVEL_RANK[o.level]) return `${c.level} instead of ${o.level} level`;
  if (equipmentDemand(c.equipment) < equipmentDemand(o.equipment)) return `${c.equipment.replace('_', ' ')} instead of ${o.equipment.replace('_', ' ')} (less balance and technique to control)`;
  return `an isolation movement instead of a compound one`;
}

function describe(c: Exercise, o: Exercise, sameGroup: boolean, sim: number): EasierAlternative {
  const link = sameGroup ? `same substitution group (${o.substitutionGroup})` : `similar primary muscles (Jaccard ${sim.toFixed(2)})`;
  return {
    exercise: c, sameGroup, muscleSimilarity: sim,
    reason: `${c.name} for ${o.name}: ${link}, same movement pattern (${o.pattern}), available equipment, and easier: ${whyEasier(c, o)}.`,
  };
}

/**
 * Every eligible easier alternative to `exercise`, best first (see the module note).
 * @param library the exercises to choose from (e.g. BUILTIN_EXERCISES).
 * @param availableEquipment what the member can use now.
 * @param excludedIds exercises not to offer (e.g. the member's exclusions, ones already tried).
 */
export function easierAlternatives(exercise: Exercise, library: readonly Exercise[], availableEquipment: readonly Equipment[], excludedIds: readonly string[] = []): EasierAlternative[] {
  const available = new Set<Equipment>([...availableEquipment, 'body_only']);
  const excluded = new Set(excludedIds);
  const loaded = !UNLOADED.has(exercise.equipment);
  const out: { alt: EasierAlternative; key: number[] }[] = [];
  for (const c of library) {
    if (c.id === exercise.id || excluded.has(c.id) || c.pattern !== exercise.pattern) continue;
    if (!available.has(c.equipment) || !isEasier(c, exercise)) continue;
    const sameGroup = c.substitutionGroup === exercise.substitutionGroup;
    const sim = jaccard(c.primaryMuscles, exercise.primaryMuscles);
    if (!sameGroup && sim < MIN_MUSCLE_SIMILARITY) continue;
    const unloadedPenalty = loaded && UNLOADED.has(c.equipment) ? 1 : 0;
    out.push({ alt: describe(c, exercise, sameGroup, sim), key: [sameGroup ? 0 : 1, -sim, unloadedPenalty, ...difficulty(c)] });
  }
  out.sort((a, b) => compareTuples(a.key, b.key) || (a.alt.exercise.id < b.alt.exercise.id ? -1 : a.alt.exercise.id > b.alt.exercise.id ? 1 : 0));
  return out.map((x) => x.alt);
}

/** The best easier alternative to `exercise`, or null when none is eligible. */
export function easierAlternative(exercise: Exercise, library: readonly Exercise[], availableEquipment: readonly Equipment[], excludedIds: readonly string[] = []): EasierAlternative | null {
  return easierAlternatives(exercise, library, availableEquipment, excludedIds)[0] ?? null;
}
