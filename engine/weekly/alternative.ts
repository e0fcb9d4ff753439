/**
 * An easier alternative to an exercise, for poor form (issue 3: "same substitution group or
 * similar muscles, the same movement pattern, available equipment, and is easier").
 * Easier = a lower level, or the same level on a guided machine or cable when the original is a
 * free weight. Ranked by: same substitution group, then shared primary muscles, then lower level,
 * then library order. Returns null when nothing fits. Pure.
 */
import type { Equipment, Exercise, Level } from '../types';

const LEVEL_RANK: Readonly<Record<Level, number>> = { beginner: 0, intermediate: 1, advanced: 2 };
const GUIDED: ReadonlySet<Equipment> = new Set(['machine', 'cable', 'smith_machine']);
const FREE: ReadonlySet<Equipment> = new Set(['barbell', 'dumbbell', 'kettlebell', 'ez_bar']);
const NEEDS_NOTHING: ReadonlySet<Equipment> = new Set(['body_only']);

export function easierAlternative(exerciseId: string, library: readonly Exercise[], equipment: readonly Equipment[]): Exercise | null {
  const from = library.find((e) => e.id === exerciseId);
  if (from === undefined) return null;
  const have = new Set(equipment);
  const score = (e: Exercise): number | null => {
    if (e.id === from.id || e.pattern !== from.pattern) return null;
    if (!NEEDS_NOTHING.has(e.equipment) && !have.has(e.equipment)) return null;
    const shared = e.primaryMuscles.filter((m) => from.primaryMuscles.includes(m)).length;
    const sameGroup = e.substitutionGroup === from.substitutionGroup;
    if (!sameGroup && shared === 0) return null;
    const levelGap = LEVEL_RANK[from.level] - LEVEL_RANK[e.level];
    const guided = levelGap === 0 && FREE.has(from.equipment) && GUIDED.has(e.equipment);
    if (levelGap <= 0 && !guided) return null;
    return (sameGroup ? 100 : 0) + shared * 10 + levelGap;
  };
  let best: Exercise | null = null;
  let bestScore = -1;
  for (const e of library) {
    const s = score(e);
    if (s !== null && s > bestScore) { best = e; bestScore = s; }
  }
  return best;
}
