import { describe, expect, it } from 'vitest';
import { DEFAULT_INVENTORY } from './inventory';
import { formatMassList, formatPlates, parseMassList, parsePlates } from './inventory-text';

describe('inventory as typed', () => {
  it('writes the default dumbbells as ranges and reads them back', () => {
    const kg = DEFAULT_INVENTORY('kg');
    expect(formatMassList(kg.dumbbellKg, 'kg')).toBe('2–10 by 1, 12–50 by 2');
    expect(parseMassList('2–10 by 1, 12-50 by 2', 'kg', 'dumbbells')).toEqual(kg.dumbbellKg);
  });
  it('round-trips lb lists and plates through kg', () => {
    const lb = DEFAULT_INVENTORY('lb');
    expect(formatMassList(lb.dumbbellKg, 'lb')).toBe('5–100 by 5');
    const back = parseMassList(formatMassList(lb.dumbbellKg, 'lb'), 'lb', 'dumbbells');
    back.forEach((v, i) => expect(v).toBeCloseTo(lb.dumbbellKg[i]!, 9));
    expect(formatPlates(lb.plateKg, undefined, 'lb')).toBe('45, 35, 25, 10, 5, 2.5');
  });
  it('reads plate counts, an uncounted plate among counted ones gets the bound', () => {
    expect(parsePlates('20 × 2, 10x1, 2.5', 'kg', 'plates')).toEqual({ plateKg: [20, 10, 2.5], platePairs: [2, 1, 50] });
    expect(parsePlates('25, 20', 'kg', 'plates')).toEqual({ plateKg: [25, 20] });
    expect(formatPlates([20, 10], [2, 50], 'kg')).toBe('20 × 2, 10');
  });
  it('names the field on bad input', () => {
    expect(() => parsePlates('20 × two', 'kg', 'plates')).toThrow(/^plates: /);
    expect(() => parsePlates('', 'kg', 'plates')).toThrow('plates: give at least one plate');
    expect(() => parseMassList('10–2', 'kg', 'dumbbells')).toThrow('dumbbells: "10–2": the range goes down');
    expect(() => parseMassList('1-1000 by 1', 'kg', 'dumbbells')).toThrow(/more than 200/);
    expect(() => parseMassList('abc', 'kg', 'kettlebells')).toThrow(/^kettlebells: /);
  });
});
