import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EQUIPMENT } from '../exercises/vocabulary';
import {
  KG_PER_LB, formatLoad, isLoadable, kgToLb, lbToKg, loadGrid, roundToLoadable,
} from './index';

describe('kg ↔ lb', () => {
  it('uses the exact definition 1 lb = 0.45359237 kg', () => {
    expect(KG_PER_LB).toBe(0.45359237);
    expect(lbToKg(1)).toBe(0.45359237);
    expect(lbToKg(45)).toBeCloseTo(20.41165665, 8);
    expect(kgToLb(20)).toBeCloseTo(44.0924524, 6);
  });
  it('round-trips', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), (kg) => {
      expect(lbToKg(kgToLb(kg))).toBeCloseTo(kg, 9);
    }));
  });
  it('rejects non-finite input', () => {
    expect(() => kgToLb(Number.NaN)).toThrow(RangeError);
    expect(() => lbToKg(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('formatLoad', () => {
  it('formats kg and lb for people', () => {
    expect(formatLoad(102.5, 'kg')).toBe('102.5 kg');
    expect(formatLoad(100, 'kg')).toBe('100 kg');
    expect(formatLoad(101.25, 'kg')).toBe('101.25 kg');
    expect(formatLoad(lbToKg(135), 'lb')).toBe('135 lb');
    expect(formatLoad(20, 'lb')).toBe('44.1 lb');
    expect(formatLoad(null, 'kg')).toBe('body weight');
  });
});

describe('roundToLoadable', () => {
  it('rounds barbell loads to 2.5 kg with the bar as minimum', () => {
    expect(roundToLoadable(71.4, 'barbell', 'kg', 'down')).toBe(70);
    expect(roundToLoadable(71.4, 'barbell', 'kg', 'up')).toBe(72.5);
    expect(roundToLoadable(71.4, 'barbell', 'kg')).toBe(72.5);
    expect(roundToLoadable(70, 'barbell', 'kg', 'down')).toBe(70);
    expect(roundToLoadable(5, 'barbell', 'kg', 'down')).toBe(20);
    expect(roundToLoadable(0, 'ez_bar', 'kg')).toBe(20);
    expect(roundToLoadable(33.3, 'smith_machine', 'kg', 'down')).toBe(32.5);
  });
  it('rounds barbell loads to 5 lb with a 45 lb bar in lb', () => {
    expect(kgToLb(roundToLoadable(lbToKg(137), 'barbell', 'lb', 'down')!)).toBeCloseTo(135, 9);
    expect(kgToLb(roundToLoadable(lbToKg(137), 'barbell', 'lb', 'up')!)).toBeCloseTo(140, 9);
    expect(kgToLb(roundToLoadable(10, 'barbell', 'lb', 'down')!)).toBeCloseTo(45, 9);
    // a value already on the lb grid does not drop a step through float error
    expect(kgToLb(roundToLoadable(lbToKg(225), 'barbell', 'lb', 'down')!)).toBeCloseTo(225, 9);
  });
  it('uses dumbbell, kettlebell and stack steps', () => {
    expect(roundToLoadable(13.9, 'dumbbell', 'kg', 'down')).toBe(12);
    expect(roundToLoadable(1, 'dumbbell', 'kg', 'down')).toBe(2);
    expect(kgToLb(roundToLoadable(lbToKg(33), 'dumbbell', 'lb', 'down')!)).toBeCloseTo(30, 9);
    expect(roundToLoadable(15, 'kettlebell', 'kg', 'down')).toBe(12);
    expect(roundToLoadable(15, 'kettlebell', 'kg')).toBe(16);
    expect(roundToLoadable(47, 'cable', 'kg', 'down')).toBe(45);
    expect(roundToLoadable(47, 'machine', 'kg', 'up')).toBe(50);
    expect(kgToLb(roundToLoadable(lbToKg(95), 'machine', 'lb', 'down')!)).toBeCloseTo(90, 9);
  });
  it('returns null for body-weight equipment', () => {
    for (const eq of ['body_only', 'bands', 'pullup_bar', 'medicine_ball', 'exercise_ball', 'foam_roll', 'other'] as const) {
      expect(roundToLoadable(50, eq, 'kg')).toBeNull();
      expect(loadGrid(eq, 'lb')).toBeNull();
    }
  });
  it('rejects negative or non-finite loads', () => {
    expect(() => roundToLoadable(-1, 'barbell', 'kg')).toThrow(RangeError);
    expect(() => roundToLoadable(Number.NaN, 'barbell', 'kg')).toThrow(RangeError);
  });
  it('always lands on the grid, at or above the minimum, in the asked direction', () => {
    const eqArb = fc.constantFrom(...EQUIPMENT);
    const unitArb = fc.constantFrom('kg' as const, 'lb' as const);
    const dirArb = fc.constantFrom('nearest' as const, 'down' as const, 'up' as const);
    fc.assert(fc.property(fc.double({ min: 0, max: 500, noNaN: true }), eqArb, unitArb, dirArb, (kg, eq, unit, dir) => {
      const out = roundToLoadable(kg, eq, unit, dir);
      const grid = loadGrid(eq, unit);
      if (grid === null) { expect(out).toBeNull(); return; }
      expect(out).not.toBeNull();
      const v = out!;
      expect(isLoadable(v, eq, unit)).toBe(true);
      const minKg = unit === 'kg' ? grid.minimum : lbToKg(grid.minimum);
      expect(v).toBeGreaterThanOrEqual(minKg - 1e-9);
      const stepKg = unit === 'kg' ? grid.step : lbToKg(grid.step);
      if (dir === 'down' && kg >= minKg) expect(v).toBeLessThanOrEqual(kg + 1e-6);
      if (dir === 'up') expect(v).toBeGreaterThanOrEqual(kg - 1e-6);
      if (kg >= minKg) expect(Math.abs(v - kg)).toBeLessThanOrEqual(stepKg + 1e-6);
    }));
  });
});
