/**
 * The built-in exercise library: common gym exercises written for Trainer Studio
 * (not copied from any source), each with Strong-app aliases, fixed-vocabulary muscles,
 * equipment, movement pattern and substitution group.
 */
import type { Exercise } from '../types';
import { ARM_EXERCISES } from './library/arms';
import { CORE_EXERCISES } from './library/core';
import { HIP_EXERCISES } from './library/hips';
import { LEG_EXERCISES } from './library/legs';
import { PULL_EXERCISES } from './library/pull';
import { PUSH_EXERCISES } from './library/push';

/** Every built-in exercise, in a stable order (push, pull, legs, hips, arms, core). Ids are unique. */
export const BUILTIN_EXERCISES: readonly Exercise[] = Object.freeze([
  ...PUSH_EXERCISES,
  ...PULL_EXERCISES,
  ...LEG_EXERCISES,
  ...HIP_EXERCISES,
  ...ARM_EXERCISES,
  ...CORE_EXERCISES,
]);
