/** The club / home-gym inventory parts of `roundToInventory`: plate counts, bars per equipment, machine stacks, and validation. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INVENTORY, roundToInventory } from './inventory';
import { validateInventory } from './inventory-schema';
import type { LoadInventory } from './types';

const KG = DEFAULT_INVENTORY('kg');

describe('plate counts', () => {
  // A home gym: a 20 kg bar, one pair of 20s, one pair of 10s, two pairs of 2.5s.
  const home: LoadInventory = { ...KG, plateKg: [20, 10, 2.5], platePairs: [1, 1, 2] };
  it('cannot load more than the plates on the rack: the heaviest loadable is the answer', () => {
    expect(roundToInventory(100, 'barbell', home, 'nearest')).toBe(20 + 2 * (20 + 10 + 5)); // 90
    expect(roundToInventory(200, 'barbell', home, 'up')).toBe(90);
  });
  it('skips sums the counts forbid (25 per side needs a third 2.5 pair or a 5)', () => {
    // per side reachable: 0, 2.5, 5, 10, 12.5, 15, 20, 22.5, 25(20+5), 30, 32.5, 35
    expect(roundToInventory(20 + 2 * 7.5, 'barbell', home, 'down')).toBe(20 + 2 * 5);
    expect(roundToInventory(20 + 2 * 7.5, 'barbell', home, 'up')).toBe(20 + 2 * 10);
    expect(roundToInventory(20 + 2 * 7.5, 'barbell', { ...home, platePairs: undefined }, 'down')).toBe(20 + 2 * 7.5);
  });
  it('property: every answer is bar + 2 × a sum within the counts', () => {
    const pairs = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 });
    fc.assert(fc.property(fc.double({ min: 0, max: 200, noNaN: true }), pairs, fc.constantFrom('down', 'nearest', 'up' as const), (kg, counts, dir) => {
      const inv: LoadInventory = { ...KG, plateKg: [20, 10, 2.5], platePairs: counts };
      const got = roundToInventory(kg, 'barbell', inv, dir)!;
      const sums = new Set<number>();
      for (let a = 0; a <= counts[0]!; a++) for (let b = 0; b <= counts[1]!; b++) for (let c = 0; c <= counts[2]!; c++) sums.add(20 + 2 * (20 * a + 10 * b + 2.5 * c));
      expect(sums.has(Math.round(got * 1000) / 1000)).toBe(true);
    }), { numRuns: 200 });
  });
});

describe('bars and machine stacks', () => {
  it('uses the bar of the equipment (a 10 kg ez bar) and the default bar otherwise', () => {
    const inv: LoadInventory = { ...KG, barKgByEquipment: { ez_bar: 10 } };
    expect(roundToInventory(12, 'ez_bar', inv)).toBe(12.5);
    expect(roundToInventory(5, 'ez_bar', inv)).toBe(10);
    expect(roundToInventory(5, 'barbell', inv)).toBe(20);
  });
  it("rounds a machine to its own stack, others to the default stack step", () => {
    const inv: LoadInventory = { ...KG, stackMinKg: 5, stackStepKg: 5, machineStacks: { 'leg-press': { minKg: 10, stepKg: 7, maxKg: 150 } } };
    expect(roundToInventory(40, 'machine', inv, 'nearest', 'leg-press')).toBe(38); // 10 + 4 × 7
    expect(roundToInventory(40, 'machine', inv, 'nearest', 'chest-press')).toBe(40);
    expect(roundToInventory(40, 'machine', inv, 'nearest')).toBe(40);
    expect(roundToInventory(400, 'machine', inv, 'up', 'leg-press')).toBe(10 + 20 * 7); // capped at maxKg 150 → 150
  });
});

describe('validateInventory', () => {
  it('accepts the defaults and names the bad field', () => {
    expect(validateInventory(KG)).toEqual(KG);
    expect(() => validateInventory({ ...KG, plateKg: [20, -5] })).toThrow('inventory.plateKg.1');
    expect(() => validateInventory({ ...KG, platePairs: [1] })).toThrow('inventory.platePairs');
    expect(() => validateInventory({ ...KG, stackStepKg: 0 })).toThrow('inventory.stackStepKg');
    expect(() => validateInventory({ ...KG, machineStacks: { 'Leg Press!': { minKg: 5, stepKg: 5 } } })).toThrow('inventory.machineStacks');
    expect(() => validateInventory({ ...KG, machineStacks: { 'leg-press': { minKg: 50, stepKg: 5, maxKg: 10 } } })).toThrow('inventory.machineStacks.leg-press.maxKg');
    expect(() => validateInventory({ ...KG, extra: 1 })).toThrow('inventory');
  });
});
