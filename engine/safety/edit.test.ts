import { describe, expect, it } from 'vitest';
import { manualEditViolations } from './index';
import type { Prescribed } from '../progression/types';

const squat: Prescribed = { exerciseId: 'barbell-back-squat', sets: 3, repMin: 5, repMax: 8, loadKg: 100, restS: 120, targetRir: 2 };

describe('manualEditViolations', () => {
  it('allows an edit within the rules, and any cut in load', () => {
    expect(manualEditViolations(squat, { ...squat, loadKg: 110, sets: 4 })).toEqual([]);
    expect(manualEditViolations(squat, { ...squat, loadKg: 40, restS: 30 })).toEqual([]);
  });
  it('names the rule a refused edit breaks', () => {
    expect(manualEditViolations(squat, { ...squat, loadKg: 110.5 }).map((o) => o.constraint)).toEqual(['maxLoadIncreaseFraction']);
    expect(manualEditViolations(squat, { ...squat, restS: 15 }).map((o) => o.constraint)).toEqual(['minRestS']);
    expect(manualEditViolations(squat, { ...squat, repMin: 3, repMax: 8 }).map((o) => o.constraint)).toEqual(['minRepsFraction']);
    expect(manualEditViolations(squat, { ...squat, loadKg: 1000, restS: 0 }).map((o) => o.constraint)).toEqual(['maxLoadIncreaseFraction', 'minRestS']);
    expect(manualEditViolations({ ...squat, loadKg: null }, { ...squat, loadKg: 20 })[0]?.reason).toMatch(/capped at 2.5 kg/);
  });
  it('checks a swapped exercise against itself: its load is free, the rest floor is not', () => {
    const press = { ...squat, exerciseId: 'barbell-overhead-press', loadKg: 300 };
    expect(manualEditViolations(squat, press)).toEqual([]);
    expect(manualEditViolations(squat, { ...press, restS: 10 }).map((o) => o.constraint)).toEqual(['minRestS']);
  });
  it('rejects a prescription out of range', () => {
    expect(() => manualEditViolations(squat, { ...squat, loadKg: -1 })).toThrow(/after.loadKg/);
  });
});
