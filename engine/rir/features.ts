/**
 * Exercise features for the population part: the mean lnK of an exercise, where
 * k is the slope of RTF = k · (1RM / load − 1), is `intercept + weights · features(exercise)`
 * unless the population has a refit per-exercise value (`exerciseLnK`).
 *
 * Feature names are `pattern:<p>`, `equipment:<e>`, `mechanic:<m>`, `force:<f>`, or an
 * interaction `a&b` (product of two indicators), e.g. `pattern:squat&equipment:machine`
 * (leg press, hack squat). Unknown names give 0, so a model stays usable when the vocabulary grows.
 */
import type { Exercise } from '../types';
import { EQUIPMENT, PATTERNS } from '../exercises/vocabulary';
import type { PopulationModel } from './types';

/** One indicator feature of an exercise (1 or 0); `a&b` multiplies indicators. */
function featureValue(exercise: Exercise, name: string): number {
  if (name.includes('&')) {
    return name.split('&').reduce((p, part) => p * featureValue(exercise, part), 1);
  }
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon);
  const value = name.slice(colon + 1);
  switch (kind) {
    case 'pattern': return exercise.pattern === value ? 1 : 0;
    case 'equipment': return exercise.equipment === value ? 1 : 0;
    case 'mechanic': return exercise.mechanic === value ? 1 : 0;
    case 'force': return exercise.force === value ? 1 : 0;
    default: return 0;
  }
}

/** The feature vector of `exercise` in the order of `featureNames` (0/1 indicators). */
export function exerciseFeatures(exercise: Exercise, featureNames: readonly string[]): number[] {
  return featureNames.map((name) => featureValue(exercise, name));
}

/**
 * Feature names of the default population: every pattern and equipment (but `other`),
 * isolation, and the lower-body-machine interaction that carries Hoeger's leg-press figure.
 */
export const DEFAULT_FEATURE_NAMES: readonly string[] = Object.freeze([
  ...PATTERNS.filter((p) => p !== 'other').map((p) => `pattern:${p}`),
  ...EQUIPMENT.filter((e) => e !== 'other').map((e) => `equipment:${e}`),
  'mechanic:isolation',
  'pattern:squat&equipment:machine',
]);

/**
 * The population mean lnK of an exercise: `exerciseLnK[id]` when the refit had enough data,
 * else `intercept + weights · features`. This is the TypeScript reference of the ONNX export.
 */
export function populationLnK(pop: PopulationModel, exercise: Exercise): number {
  const own = pop.exerciseLnK[exercise.id];
  if (own !== undefined && Number.isFinite(own)) return own;
  return linearLnK(pop, exercise);
}

/** `intercept + weights · features(exercise)`, ignoring per-exercise overrides. */
export function linearLnK(pop: PopulationModel, exercise: Exercise): number {
  let lnK = pop.intercept;
  for (let i = 0; i < pop.featureNames.length; i++) {
    const w = pop.weights[i] ?? 0;
    if (w !== 0) lnK += w * featureValue(exercise, pop.featureNames[i] ?? '');
  }
  return lnK;
}
