import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random';
import { addDays, dayIndex, weekdayOf } from './calendar';
import { fitOutageFilter } from './clean';
import type { HourlyCount } from './parse';
import { conformalQuantile, evaluateRolling, lastFourWeeks, rollingCuts, sameWeekLastYear } from './rolling';
import type { DemandForecaster } from './rolling';
import { YEAR_DAYS, fitYearly, fitYearlySelected, lastWeeksMeanTable } from './yearly';

const START = '2021-01-04'; // a Monday

/** Synthetic university gym: weekday × hour profile × a term/summer season × yearly growth, Poisson-like noise (seeded). */
function club(days: number, opts: { seed?: number; noise?: number; growthPerYear?: number } = {}): HourlyCount[] {
  const rnd = mulberry32(opts.seed ?? 7);
  const rows: HourlyCount[] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays(START, d);
    const doy = d % YEAR_DAYS;
    const season = doy > 130 && doy < 230 ? 0.1 : 1; // "summer"
    const growth = (1 + (opts.growthPerYear ?? 0)) ** Math.floor(d / YEAR_DAYS);
    for (let hour = 6; hour <= 22; hour++) {
      const mean = (20 + 30 * Math.sin((Math.PI * (hour - 6)) / 16)) * (weekdayOf(date) < 5 ? 1 : 0.6) * season * growth;
      const z = (rnd() + rnd() + rnd() - 1.5) * 2; // ~ N(0, 1)
      rows.push({ date, hour, count: Math.max(0, Math.round(mean + (opts.noise ?? 1) * z * Math.sqrt(mean))) });
    }
  }
  return rows;
}

describe('calendar.dayIndex / weekdayOf', () => {
  it('counts days from 1970-01-01 and keeps 0 = Monday', () => {
    expect(dayIndex('1970-01-02')).toBe(1);
    expect(dayIndex('2024-03-04') - dayIndex('2023-03-06')).toBe(YEAR_DAYS);
    expect(['2024-03-04', '2024-03-10', '1969-12-31'].map(weekdayOf)).toEqual([0, 6, 2]);
  });
});

describe('rollingCuts', () => {
  it('spaces the cuts back from the last full horizon, oldest first', () => {
    const cuts = rollingCuts('2025-02-20', 6, 61, 8);
    expect(cuts).toHaveLength(6);
    expect(cuts[5]).toBe(addDays('2025-02-20', -55));
    expect(cuts.map((c, i) => (i === 0 ? 61 : dayIndex(c) - dayIndex(cuts[i - 1]!)))).toEqual([61, 61, 61, 61, 61, 61]);
    expect(() => rollingCuts('2025-02-20', 0, 61, 8)).toThrow(/origins/);
  });
});

describe('baselines', () => {
  const rows: HourlyCount[] = [
    { date: '2023-03-06', hour: 9, count: 11 }, // 364 days before 2024-03-04
    { date: '2023-02-27', hour: 9, count: 33 }, // 371 days before 2024-03-04: only when 364 is missing
    { date: '2023-03-14', hour: 9, count: 22 }, // 357 days before 2024-03-12 (its 364-day day is missing)
    { date: '2024-01-29', hour: 9, count: 100 }, // 5 weeks before the cut: outside the last 4 weeks
    { date: '2024-02-05', hour: 9, count: 4 }, { date: '2024-02-12', hour: 9, count: 6 },
    { date: '2024-02-19', hour: 9, count: 8 }, { date: '2024-02-26', hour: 9, count: 10 },
    { date: '2024-03-04', hour: 9, count: 999 }, // at the cut: never read
  ];
  it('same week last year: 364 days back, then 357 / 371, then the last-4-weeks mean', () => {
    const f = sameWeekLastYear(rows, '2024-03-04');
    expect(f('2024-03-04', 9)).toBe(11);
    expect(f('2024-03-12', 9)).toBe(22);
    expect(f('2024-04-01', 9)).toBe(7); // Monday, nothing a year back: mean of 4, 6, 8, 10
  });
  it('last 4 weeks: mean by weekday × hour of the 28 days before the cut, nothing at or after it', () => {
    expect(lastFourWeeks(rows, '2024-03-04')('2024-04-15', 9)).toBe(7);
    expect(lastWeeksMeanTable(rows, '2024-03-04', 4).get('0:9')).toBe(7);
  });
});

describe('conformalQuantile', () => {
  it('takes the ⌈(n + 1)·level⌉-th smallest score, +∞ with too few', () => {
    const scores = Array.from({ length: 19 }, (_, i) => 19 - i);
    expect(conformalQuantile(scores, 0.95)).toBe(19);
    expect(conformalQuantile(scores, 0.5)).toBe(10);
    expect(conformalQuantile(scores.slice(0, 10), 0.95)).toBe(Number.POSITIVE_INFINITY);
    expect(() => conformalQuantile(scores, 1)).toThrow(/level/);
  });
});

describe('fitOutageFilter', () => {
  const rows = club(3 * YEAR_DAYS);
  const cut = addDays(START, 2 * YEAR_DAYS + 150); // in the second "summer"
  const train = rows.filter((r) => r.date < cut);
  const isOutage = fitOutageFilter(train, cut);
  const total = (date: string) => rows.filter((r) => r.date === date).reduce((s, r) => s + r.count, 0);
  it('does not read a low season as outages (local reference), in training or after the cut', () => {
    const summerTrain = addDays(START, YEAR_DAYS + 180);
    const summerTest = addDays(cut, 14);
    expect(isOutage(summerTrain, total(summerTrain))).toBe(false);
    expect(isOutage(summerTest, total(summerTest))).toBe(false);
  });
  it('flags a term day with a handful of entries, judged against training days only', () => {
    const termTest = addDays(START, 2 * YEAR_DAYS + 250);
    expect(isOutage(termTest, total(termTest))).toBe(false);
    expect(isOutage(termTest, 5)).toBe(true);
    // a filter fitted on the whole series instead would see the test period: here the answer cannot depend on it
    const again = fitOutageFilter(train.concat(rows.filter((r) => r.date >= cut).map((r) => ({ ...r, count: 0 }))), cut);
    expect(again(termTest, 5)).toBe(true);
  });
});

describe('fitYearly', () => {
  it('with no noise and 10 %/year growth, forecasts the year-ago count × the growth', () => {
    const rows = club(3 * YEAR_DAYS, { noise: 0, growthPerYear: 0.1 });
    const cut = addDays(START, 2 * YEAR_DAYS + 70);
    const f = fitYearly(rows.filter((r) => r.date < cut), cut, { years: 1 });
    for (const day of [0, 10, 40]) {
      const date = addDays(cut, day);
      const actual = rows.find((r) => r.date === date && r.hour === 12)!.count;
      expect(f(date, 12)).toBeCloseTo(actual, -0.5); // counts were rounded to whole entries
    }
    expect(() => fitYearly(rows, cut, { years: 0 })).toThrow(/years/);
    expect(() => fitYearly(rows, cut, { neighbourWeight: 2 })).toThrow(/neighbourWeight/);
  });
  it('fitYearlySelected never reads a day at or after the cut', () => {
    const rows = club(3 * YEAR_DAYS, { seed: 3 });
    const cut = addDays(START, 2 * YEAR_DAYS + 200);
    const a = fitYearlySelected(rows, cut);
    const b = fitYearlySelected(rows.map((r) => (r.date >= cut ? { ...r, count: r.count * 50 } : r)), cut);
    const date = addDays(cut, 20);
    expect(b.forecast(date, 12)).toBe(a.forecast(date, 12));
    expect(a.innerMae.every((m) => Number.isFinite(m))).toBe(true);
  });
});

describe('evaluateRolling', () => {
  const rows = club(3 * YEAR_DAYS + 60, { seed: 11 });
  it('fits every forecaster (calibration ones too) on days before its cut only', () => {
    const seen: { cut: string; latest: string }[] = [];
    const spy: DemandForecaster = (train, cut) => {
      seen.push({ cut, latest: train.reduce((m, r) => (r.date > m ? r.date : m), '') });
      return fitYearly(train, cut);
    };
    const e = evaluateRolling(rows, spy, { origins: 6, calibrationOrigins: 2 });
    expect(e.origins).toHaveLength(6);
    expect(seen).toHaveLength(6 * 3);
    for (const s of seen) expect(s.latest < s.cut).toBe(true);
  });
  it('the year-aligned forecast beats both multi-week baselines on a seasonal club, and its 95 % intervals cover 0.93–0.97', () => {
    const e = evaluateRolling(rows, (t, c) => fitYearly(t, c, { neighbourWeight: 1 }));
    expect(e.modelMae).toBeLessThan(0.95 * e.bestBaselineMae);
    expect(e.bestBaselineMae).toBe(Math.min(e.sameWeekLastYearMae, e.lastFourWeeksMae));
    expect(e.coverage).toBeGreaterThan(0.93);
    expect(e.coverage).toBeLessThan(0.97);
  });
});

describe('buildDemandTable with a year of occupancy', () => {
  it('uses the year-aligned forecast (and says so) once the counts reach a year before the planned week', async () => {
    const { buildDemandTable, describeDemand } = await import('./club-demand');
    const rows = club(YEAR_DAYS + 120, { seed: 5 });
    const weekStart = addDays(START, YEAR_DAYS + 63); // a Monday
    const input = {
      classTypes: [{ id: 'spin', maxCapacity: 20, demandShare: 0.5 }],
      openingHours: [{ weekday: 0, startMin: 6 * 60, endMin: 22 * 60 }],
      occupancy: rows, attendance: [], weekStart,
    };
    const out = buildDemandTable(input);
    expect(out.source).toMatch(/^year-aligned occupancy forecast/);
    expect(describeDemand(input)).toBe(out.source);
    const train = rows.filter((r) => r.date < weekStart);
    const expected = 0.5 * fitYearlySelected(train, weekStart).forecast(weekStart, 17);
    expect(out.table['spin|0|17']!.mean).toBeCloseTo(expected, 9);
    expect(out.table['spin|0|17']!.sd).toBeGreaterThan(0);
    // half a year of counts: the seasonal model, as before
    const short = { ...input, occupancy: rows.filter((r) => r.date >= addDays(START, 200)) };
    expect(buildDemandTable(short).source).toMatch(/^seasonal occupancy model/);
  });
});
