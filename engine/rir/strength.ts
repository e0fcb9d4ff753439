/**
 * Strength ratios between exercises, for the ln 1RM prior of a lift a member has never done.
 *
 * A member's 1RM on exercise e is modelled as `ln 1RM_e = s + lnRatio(e) + w_e`, where `s` is the
 * member's strength on the reference lift (barbell bench press, 1RM in kg), `lnRatio` the log of the
 * table below and `w_e` a member-specific deviation (sd `LN_RATIO_SD`). The ratios are rough
 * coaching rules of thumb (e.g. back squat ≈ 1.3 × bench, deadlift ≈ 1.6 ×, overhead press ≈ 0.65 ×,
 * loads per dumbbell ≈ 0.4 × the barbell figure), not published figures: the wide sd says so, and
 * the member's first sets on the lift correct it.
 *
 * Cold start: `s` ~ N(ln 60 kg, 0.5²). domain.md: a gym app's users bench ≈ 77 kg at the median
 * (second-hand, mixed sex); new gym members sit lower, and the wide sd covers 25–145 kg at ±1.75 sd.
 */
import type { Equipment, Exercise, Pattern } from '../types';

/** 1RM of the pattern done with a barbell (or its usual implement), relative to the barbell bench press. */
const PATTERN_RATIO: Record<Pattern, number> = {
  squat: 1.3, hinge: 1.6, lunge: 0.6, horizontal_push: 1.0, vertical_push: 0.65,
  horizontal_pull: 0.9, vertical_pull: 0.9, elbow_flexion: 0.45, elbow_extension: 0.4,
  shoulder_raise: 0.2, chest_fly: 0.35, rear_delt: 0.2, knee_extension: 0.9, knee_flexion: 0.6,
  hip_extension: 1.3, hip_abduction: 0.9, hip_adduction: 0.9, calf_raise: 1.2, core_flexion: 0.5,
  core_stability: 0.3, core_rotation: 0.3, shrug: 1.4, carry: 0.8, conditioning: 0.5, mobility: 0.3,
  other: 0.6,
};

/** Load on the equipment relative to a barbell (dumbbells and kettlebells: per hand). */
const EQUIPMENT_RATIO: Record<Equipment, number> = {
  barbell: 1.0, smith_machine: 1.0, ez_bar: 0.95, machine: 1.0, cable: 0.8, dumbbell: 0.4,
  kettlebell: 0.35, bands: 0.4, body_only: 0.4, pullup_bar: 0.4, medicine_ball: 0.15,
  exercise_ball: 0.3, foam_roll: 0.3, other: 0.8,
};

/** Prior mean of ln 1RM (kg) of the reference lift, barbell bench press. */
export const REFERENCE_LN_ONE_RM = Math.log(60);
/** Prior sd of the reference ln 1RM for a member nothing is known about. */
export const REFERENCE_LN_ONE_RM_SD = 0.5;
/** Sd of a member's deviation from the ratio table on one exercise (log scale). */
export const LN_RATIO_SD = 0.3;

/** ln(1RM of `exercise` / 1RM of barbell bench press), from the tables above. */
export function lnStrengthRatio(exercise: Exercise): number {
  let ratio = PATTERN_RATIO[exercise.pattern] * EQUIPMENT_RATIO[exercise.equipment];
  // Leg press and hack squat machines load far more than a barbell squat.
  if (exercise.pattern === 'squat' && exercise.equipment === 'machine') ratio *= 2;
  return Math.log(ratio);
}
