/**
 * Prescription table: sets, reps, rest and target RIR by goal, slot role and mechanic.
 *
 * | goal            | what                          | sets (beg/int/adv) | reps  | rest s |
 * |-----------------|-------------------------------|--------------------|-------|--------|
 * | strength        | main lifts                    | 3 / 4 / 5          | 3–5   | 180    |
 * | strength        | assistance and accessories    | 3                  | 6–8   | 120    |
 * | hypertrophy     | compound, main slot           | 3 / 4 / 4          | 6–10  | 120    |
 * | hypertrophy     | compound, other slots         | 3                  | 6–10  | 120    |
 * | hypertrophy     | isolation                     | 3                  | 10–15 | 75     |
 * | general_fitness | everything                    | 3                  | 8–12  | 90     |
 * | endurance       | compound                      | 3                  | 15–20 | 60     |
 * | endurance       | isolation                     | 2                  | 15–20 | 45     |
 * Static holds (force `static`, e.g. planks) count reps as seconds: 20–40 s (endurance 30–60 s),
 * rest at most 60 s.
 *
 * Sources: ACSM position stand "Progression models in resistance training for healthy adults"
 * (2009, MSSE 41(3):687–708): strength 1–6 RM loads with 3–5 min rest for core lifts, hypertrophy
 * 6–12 RM with 1–2 min rest, endurance 15–25 reps with < 90 s rest, novices 1–3 sets.
 * Schoenfeld et al. 2017 (JSCR 31(12):3508) and 2021 (Sports 9(2):32, "Loading recommendations
 * for muscle strength, hypertrophy, and local endurance: a re-examination of the repetition
 * continuum"): hypertrophy is similar across a wide rep range taken close to failure, so
 * isolation work uses the safer 10–15 band.
 *
 * Target RIR falls across the working weeks from 3 (domain.md: RIR 3 → 0 over 4–5 weeks, then
 * a deload; Helms et al. 2018 RIR-based loading): strength 3 → 1, hypertrophy 3 → 1 on compounds
 * and 3 → 0 on isolation, general fitness 3 → 2, endurance 3 → 2.
 */
import type { Exercise, Goal, Level, Muscle } from '../types';
import type { SlotRole } from './splits';

export interface Dose {
  sets: number;
  repMin: number;
  repMax: number;
  restS: number;
  /** Reps are seconds held (static exercises). */
  isHold: boolean;
}

const BY_LEVEL = (beg: number, int: number, adv: number) => (level: Level): number =>
  level === 'beginner' ? beg : level === 'intermediate' ? int : adv;

/** The week-1 dose for an exercise in a slot (see the table above). */
export function baseDose(goal: Goal, role: SlotRole, exercise: Exercise, level: Level): Dose {
  const compound = exercise.mechanic === 'compound';
  let dose: Dose;
  if (goal === 'strength') {
    dose = role === 'main'
      ? { sets: BY_LEVEL(3, 4, 5)(level), repMin: 3, repMax: 5, restS: 180, isHold: false }
      : { sets: 3, repMin: 6, repMax: 8, restS: 120, isHold: false };
  } else if (goal === 'hypertrophy') {
    dose = compound
      ? { sets: role === 'main' ? BY_LEVEL(3, 4, 4)(level) : 3, repMin: 6, repMax: 10, restS: 120, isHold: false }
      : { sets: 3, repMin: 10, repMax: 15, restS: 75, isHold: false };
  } else if (goal === 'general_fitness') {
    dose = { sets: 3, repMin: 8, repMax: 12, restS: 90, isHold: false };
  } else {
    dose = compound
      ? { sets: 3, repMin: 15, repMax: 20, restS: 60, isHold: false }
      : { sets: 2, repMin: 15, repMax: 20, restS: 45, isHold: false };
  }
  if (exercise.force === 'static') {
    const [lo, hi] = goal === 'endurance' ? [30, 60] : [20, 40];
    dose = { ...dose, repMin: lo, repMax: hi, restS: Math.min(dose.restS, 60), isHold: true };
  }
  return dose;
}

/** RIR at the start of every block. */
export const START_RIR = 3;

/** Final working-week RIR by goal and mechanic (see the header). */
export function endRir(goal: Goal, isolation: boolean): number {
  if (goal === 'strength') return 1;
  if (goal === 'hypertrophy') return isolation ? 0 : 1;
  return 2;
}

/**
 * Target RIR of working week `week` (1-based) of `workingWeeks`: a linear fall from 3 to the
 * goal's end value, rounded to whole reps. Non-increasing in `week`. One working week → 3.
 */
export function rirForWeek(goal: Goal, isolation: boolean, week: number, workingWeeks: number): number {
  if (workingWeeks <= 1) return START_RIR;
  const end = endRir(goal, isolation);
  const t = (week - 1) / (workingWeeks - 1);
  return Math.round(START_RIR - (START_RIR - end) * t);
}

/**
 * Deload week (blocks of ≥ 3 weeks end with one): about 55 % of the sets (50–60 %), RIR 4,
 * 90 % of the last working week's load. Sources: domain.md (mesocycles end in a lighter week);
 * Bell et al. 2023 (Sports Medicine – Open, Delphi consensus on deloading: cut volume by reducing
 * sets, lower intensity of effort).
 */
export const DELOAD = { setFraction: 0.55, rir: 4, loadFraction: 0.9, minWeeks: 3 } as const;

/** Deload sets: round(sets × 0.55), at least 1. */
export function deloadSets(sets: number): number {
  return Math.max(1, Math.round(sets * DELOAD.setFraction));
}

/**
 * Weekly hard-set targets per primary muscle (sets/week). Hypertrophy 10–20 follows the
 * dose-response meta-analysis of Schoenfeld, Ogborn & Krieger 2017 (J Sports Sci 35(11):1073):
 * ≥ 10 sets/week beat fewer. Strength, general fitness and endurance need less volume
 * (ACSM 2009: 1–3 sets per exercise suffice for novices).
 */
export const WEEKLY_SET_TARGETS: Readonly<Record<Goal, { min: number; max: number }>> = {
  strength: { min: 6, max: 15 },
  hypertrophy: { min: 10, max: 20 },
  general_fitness: { min: 6, max: 12 },
  endurance: { min: 6, max: 12 },
};

/** The muscle groups whose weekly sets the planner balances. */
export const TRACKED_MUSCLES: readonly Muscle[] = [
  'chest', 'lats', 'middle_back', 'shoulders', 'quadriceps', 'hamstrings', 'glutes',
  'biceps', 'triceps', 'calves', 'abdominals',
];

/** Seconds per rep of work (domain brief: ≈ 3 s/rep). */
export const SECONDS_PER_REP = 3;
/** Setting up an exercise (moving to the station, loading). */
export const SETUP_S = 60;
/** Extra warm-up ramp before a loaded main lift. */
export const WARMUP_S = 180;

/**
 * Estimated seconds for one exercise: setup (+ warm-up for loaded main lifts)
 * + sets × (work + rest), work = mid-range reps × 3 s (holds: mid-range seconds).
 */
export function exerciseSeconds(dose: Dose, sets: number, warmUp: boolean): number {
  const mid = (dose.repMin + dose.repMax) / 2;
  const work = dose.isHold ? mid : mid * SECONDS_PER_REP;
  return SETUP_S + (warmUp ? WARMUP_S : 0) + sets * (work + dose.restS);
}
