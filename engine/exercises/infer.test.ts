import { describe, expect, it } from 'vitest';
import type { Muscle } from '../types';
import { inferEquipment, inferMechanic, inferPattern, type PatternInput } from './infer';

const input = (name: string, primary: Muscle, over: Partial<PatternInput> = {}): PatternInput => ({
  name, category: 'strength', primaryMuscles: [primary], force: 'push', mechanic: 'compound', ...over,
});

describe('inferPattern', () => {
  it.each([
    ['Leg Curl', 'hamstrings', 'knee_flexion', 'leg-curl'],
    ['Barbell Curl', 'biceps', 'elbow_flexion', 'biceps-curl'],
    ['Upright Barbell Row', 'shoulders', 'shoulder_raise', 'upright-row'],
    ['Seated Cable Rows', 'middle_back', 'horizontal_pull', 'seated-row'],
    ['Calf Press On The Leg Press Machine', 'calves', 'calf_raise', 'calf-raise'],
    ['Leg Press', 'quadriceps', 'squat', 'leg-press'],
    ['Close-Grip Barbell Bench Press', 'triceps', 'horizontal_push', 'close-grip-press'],
    ['Incline Dumbbell Press', 'chest', 'horizontal_push', 'incline-press'],
    ['Standing Military Press', 'shoulders', 'vertical_push', 'overhead-press'],
    ['Front Squat (Clean Grip)', 'quadriceps', 'squat', 'squat'],
    ['Split Squat with Dumbbells', 'quadriceps', 'lunge', 'split-squat'],
    ['Bench Dips', 'triceps', 'elbow_extension', 'triceps-dip'],
    ['Reverse Machine Flyes', 'shoulders', 'rear_delt', 'reverse-fly'],
  ] as const)('%s → %s / %s', (name, muscle, pattern, group) => {
    expect(inferPattern(input(name, muscle))).toEqual({ pattern, substitutionGroup: group });
  });

  it('lets the category decide for stretching, cardio and plyometrics', () => {
    expect(inferPattern(input('Seated Row Stretch', 'lats', { category: 'stretching' })))
      .toEqual({ pattern: 'mobility', substitutionGroup: 'stretch-lats' });
    expect(inferPattern(input('Rowing, Stationary', 'quadriceps', { category: 'cardio' })).pattern).toBe('conditioning');
    expect(inferPattern(input('Box Jump', 'hamstrings', { category: 'plyometrics' })).pattern).toBe('conditioning');
  });

  it('falls back to the primary muscle, force and mechanic', () => {
    expect(inferPattern(input('Mystery Move', 'lats', { force: 'pull' }))).toEqual({ pattern: 'vertical_pull', substitutionGroup: 'vertical-pull' });
    expect(inferPattern(input('Mystery Move', 'quadriceps', { mechanic: 'isolation' })).pattern).toBe('knee_extension');
    expect(inferPattern(input('Mystery Move', 'neck')).pattern).toBe('other');
  });
});

describe('inferMechanic', () => {
  it('is compound with a secondary muscle or a multi-joint name, else isolation', () => {
    expect(inferMechanic('Neck Roll', ['traps'])).toBe('compound');
    expect(inferMechanic('Jogging, Treadmill', [])).toBe('compound');
    expect(inferMechanic('Calf Stretch', [])).toBe('isolation');
  });
});

describe('inferEquipment', () => {
  it('reads missing equipment from the name, else other', () => {
    expect(inferEquipment('Bodyweight Walking Lunge', null)).toBe('body_only');
    expect(inferEquipment('Walking, Treadmill', null)).toBe('machine');
    expect(inferEquipment('The Straddle', null)).toBe('other');
  });

  it('refines a vague source value by the name', () => {
    expect(inferEquipment('Smith Machine Squat', 'machine')).toBe('smith_machine');
    expect(inferEquipment('Close-Grip EZ Bar Curl', 'barbell')).toBe('ez_bar');
    expect(inferEquipment('Chin-Up', 'body_only')).toBe('pullup_bar');
    expect(inferEquipment('Barbell Squat', 'barbell')).toBe('barbell');
  });
});
