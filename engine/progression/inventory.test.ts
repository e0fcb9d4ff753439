import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EQUIPMENT } from '../exercises/vocabulary';
import { lbToKg } from '../units/convert';
import { DEFAULT_INVENTORY, roundToInventory } from './inventory';
import type { LoadInventory } from './types';

const KG = DEFAULT_INVENTORY('kg');
const LB = DEFAULT_INVENTORY('lb');

/** Independent check: can `kg` be made as bar + 2 × plates? (search over per-side sums in thousandths of the unit) */
function barAchievable(kg: number, inv: LoadInventory): boolean {
  const toUnit = (v: number) => Math.round((inv.unit === 'kg' ? v : v / 0.45359237) * 1000);
  const side = (toUnit(kg) - toUnit(inv.barKg)) / 2;
  if (side < 0 || !Number.isInteger(side)) return side === 0;
  const plates = inv.plateKg.map(toUnit); // all multiples of 250 thousandths in both default inventories
  const seen = new Set<number>([0]);
  for (let v = 250; v <= side; v += 250) if (plates.some((p) => p <= v && seen.has(v - p))) seen.add(v);
  return seen.has(side);
}

describe('DEFAULT_INVENTORY', () => {
  it('kg: 20 kg bar, 1.25–25 kg plates, dumbbells 2–50, 5 kg stack', () => {
    expect(KG.barKg).toBe(20);
    expect(KG.plateKg).toEqual([25, 20, 15, 10, 5, 2.5, 1.25]);
    expect(KG.dumbbellKg.slice(0, 10)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
    expect(KG.dumbbellKg[KG.dumbbellKg.length - 1]).toBe(50);
    expect([KG.stackMinKg, KG.stackStepKg]).toEqual([5, 5]);
  });
  it('lb: 45 lb bar and 45–2.5 lb plates, stored in kg', () => {
    expect(LB.barKg).toBeCloseTo(20.4117, 4);
    expect(LB.plateKg.map((p) => Math.round(p / 0.45359237 * 10) / 10)).toEqual([45, 35, 25, 10, 5, 2.5]);
  });
});

describe('roundToInventory', () => {
  it('barbell: bar + plate pairs, nearest, down and up', () => {
    expect(roundToInventory(101, 'barbell', KG)).toBe(100);
    expect(roundToInventory(101.3, 'barbell', KG)).toBe(102.5);
    expect(roundToInventory(101.25, 'barbell', KG)).toBe(100); // tie rounds down
    expect(roundToInventory(102.4, 'barbell', KG, 'down')).toBe(100);
    expect(roundToInventory(100.1, 'barbell', KG, 'up')).toBe(102.5);
    expect(roundToInventory(10, 'barbell', KG)).toBe(20); // the empty bar
  });
  it('barbell with only 20 kg plates: 60, 100, 140', () => {
    const inv = { ...KG, plateKg: [20] };
    expect(roundToInventory(75, 'barbell', inv)).toBe(60);
    expect(roundToInventory(85, 'barbell', inv)).toBe(100);
    expect(roundToInventory(61, 'barbell', inv, 'up')).toBe(100);
  });
  it('barbell with 15 and 25 kg plates only: 80 = 20 + 2 × (15 + 15) via DP, not greedy', () => {
    const inv = { ...KG, plateKg: [25, 15] };
    expect(roundToInventory(80, 'barbell', inv)).toBe(80);
  });
  it('lb barbell: 225 lb is two 45s a side', () => {
    expect(roundToInventory(lbToKg(223), 'barbell', LB)).toBeCloseTo(lbToKg(225), 9);
  });
  it('dumbbells, bells and stacks', () => {
    expect(roundToInventory(23, 'dumbbell', KG)).toBe(22);
    expect(roundToInventory(7.4, 'dumbbell', KG)).toBe(7);
    expect(roundToInventory(80, 'dumbbell', KG)).toBe(50);
    expect(roundToInventory(13, 'kettlebell', KG, 'up')).toBe(14);
    expect(roundToInventory(47, 'machine', KG)).toBe(45);
    expect(roundToInventory(48, 'cable', KG)).toBe(50);
    expect(roundToInventory(1, 'machine', KG)).toBe(5);
  });
  it('body weight gives null; bad input throws', () => {
    expect(roundToInventory(10, 'body_only', KG)).toBeNull();
    expect(roundToInventory(10, 'bands', KG)).toBeNull();
    expect(() => roundToInventory(-1, 'barbell', KG)).toThrow(RangeError);
    expect(() => roundToInventory(Number.NaN, 'barbell', KG)).toThrow(RangeError);
  });

  const plateSets = fc.subarray([25, 20, 15, 10, 5, 2.5, 1.25], { minLength: 1 });
  it('property: every rounded barbell load is achievable with the plates', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 400, noNaN: true }), plateSets, fc.constantFrom('down', 'nearest', 'up') as fc.Arbitrary<'down' | 'nearest' | 'up'>, (kg, plates, dir) => {
      const inv = { ...KG, plateKg: plates };
      const r = roundToInventory(kg, 'barbell', inv, dir)!;
      expect(barAchievable(r, inv)).toBe(true);
      if (dir === 'down' && kg >= 20) expect(r).toBeLessThanOrEqual(kg + 1e-9);
      if (dir === 'up') expect(r).toBeGreaterThanOrEqual(kg - 1e-9);
    }));
  });
  it('property: lb barbell loads are achievable, and nearest is never farther than half the smallest pair', () => {
    fc.assert(fc.property(fc.double({ min: 21, max: 300, noNaN: true }), (kg) => {
      const r = roundToInventory(kg, 'barbell', LB)!;
      expect(barAchievable(r, LB)).toBe(true);
      expect(Math.abs(r - kg)).toBeLessThanOrEqual(lbToKg(2.5) + 1e-9);
    }));
  });
  it('property: other equipment lands on a listed weight or a stack step', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 300, noNaN: true }), fc.constantFrom(...EQUIPMENT), (kg, eq) => {
      const r = roundToInventory(kg, eq, KG);
      if (eq === 'dumbbell') expect(KG.dumbbellKg).toContain(r);
      else if (eq === 'kettlebell') expect(KG.kettlebellKg).toContain(r);
      else if (eq === 'machine' || eq === 'cable') expect(((r! - 5) / 5) % 1).toBeCloseTo(0, 9);
      else if (eq === 'barbell' || eq === 'ez_bar' || eq === 'smith_machine') expect(barAchievable(r!, KG)).toBe(true);
      else expect(r).toBeNull();
    }));
  });
});
