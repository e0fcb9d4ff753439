import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, monthOf, weekNumber, weekdayOf } from './calendar';
import { cappedNormal, classDemand } from './class-demand';
import { dropOutageDays } from './clean';
import { evaluateDemand } from './evaluate';
import { fitDemand, predict } from './model';
import { parseHourlyCountsCsv, parseSwipeLog } from './parse';
import { generateDemoScheduleClub } from '../../demo/schedule-club';
import { buildDemandTable, describeDemand } from './club-demand';
import type { HourlyCount } from './parse';

/** Synthetic club: log(1 + entries) = level(weekday, hour) + month effect + trend · week + noise. */
function synthetic(weeks: number, opts: { trend?: number; monthAmp?: number; noise?: (i: number) => number } = {}): HourlyCount[] {
  const rows: HourlyCount[] = [];
  const start = '2023-01-02';
  let i = 0;
  for (let d = 0; d < weeks * 7; d++) {
    const date = addDays(start, d);
    for (let hour = 6; hour <= 22; hour++) {
      const level = 2 + Math.sin(hour / 3) + 0.3 * weekdayOf(date);
      const month = (opts.monthAmp ?? 0) * Math.cos((2 * Math.PI * monthOf(date)) / 12);
      const y = level + month + (opts.trend ?? 0) * (weekNumber(date) - weekNumber(start)) + (opts.noise?.(i++) ?? 0);
      rows.push({ date, hour, count: Math.expm1(y) });
    }
  }
  return rows;
}

describe('parseHourlyCountsCsv', () => {
  it('reads hours, skips and reports all-zero days, and reports bad rows', () => {
    const text = 'Date,6,7,8\n2025-02-17,0,5,9\n2025-02-18,0,0,0\nnot-a-date,1,2,3\n2025-02-19,1,x,3\n';
    const s = parseHourlyCountsCsv(text);
    expect(s.rows).toEqual([
      { date: '2025-02-17', hour: 6, count: 0 }, { date: '2025-02-17', hour: 7, count: 5 }, { date: '2025-02-17', hour: 8, count: 9 },
    ]);
    expect(s.closedDays).toEqual(['2025-02-18']);
    expect(s.problems.map((p) => p.line)).toEqual([4, 5]);
  });
});

describe('parseSwipeLog', () => {
  it('counts In swipes per hour, fills the span with zeros, ignores Out, lists missing days', () => {
    const text = 'DeviceName,Direction,AlarmDateTime\nW,In,2/2/2015 8:11\nW,In,2/2/2015 8:25\nW,Out,2/2/2015 9:00\nW,In,2/4/2015 10:05\n';
    const s = parseSwipeLog(text);
    expect(s.events).toBe(3);
    expect(s.rows.filter((r) => r.date === '2015-02-02')).toEqual([
      { date: '2015-02-02', hour: 8, count: 2 }, { date: '2015-02-02', hour: 9, count: 0 }, { date: '2015-02-02', hour: 10, count: 0 },
    ]);
    expect(s.closedDays).toEqual(['2015-02-03']);
  });
});

describe('fitDemand / predict', () => {
  it('recovers a pure weekday × hour pattern exactly, with ~0 sd', () => {
    const rows = synthetic(20);
    const model = fitDemand(rows);
    for (const r of rows.slice(-40)) {
      const f = predict(model, { date: r.date, hour: r.hour });
      expect(f.median).toBeCloseTo(r.count, 6);
      expect(f.sd).toBeLessThan(1e-6);
    }
    expect(model.trendPerWeek).toBeCloseTo(0, 8);
  });

  it('picks up a trend and month effects', () => {
    const model = fitDemand(synthetic(104, { trend: 0.005, monthAmp: 0.3 }), { monthShrinkage: 0 });
    expect(model.trendPerWeek).toBeCloseTo(0.005, 4);
    const janMinusJul = (model.month[0] ?? 0) - (model.month[6] ?? 0);
    expect(janMinusJul).toBeCloseTo(0.3 * (Math.cos(Math.PI / 6) - Math.cos(7 * Math.PI / 6)), 2);
  });

  it('forecasts 0 for an hour never seen in training', () => {
    const model = fitDemand(synthetic(4));
    expect(predict(model, { weekday: 0, hour: 3, month: 1 })).toEqual({ mean: 0, median: 0, sd: 0 });
  });
});

describe('evaluateDemand', () => {
  it('beats seasonal-naive on a trending, noisy synthetic club', () => {
    const noise = (i: number): number => 0.3 * Math.sin(i * 12.9898) * Math.cos(i * 78.233);
    const e = evaluateDemand(synthetic(60, { trend: 0.01, noise }), { holdoutWeeks: 8, outageMinShare: 0 });
    expect(e.testHours).toBe(8 * 7 * 17);
    expect(e.modelMae).toBeLessThan(e.naiveMae);
    expect(e.coverage95).toBeGreaterThan(0.8);
  });
});

describe('dropOutageDays', () => {
  it('drops a day far below its weekday median', () => {
    const rows = synthetic(5).map((r) => (r.date === '2023-01-09' ? { ...r, count: r.hour === 12 ? 1 : 0 } : r));
    expect(dropOutageDays(rows).outageDays).toEqual(['2023-01-09']);
  });
});

describe('classDemand', () => {
  it('scales entries by the assumed share and caps at capacity', () => {
    const model = fitDemand(synthetic(10));
    const f = classDemand(model, { yoga: 0.5 }, { yoga: 4 });
    const club = predict(model, { weekday: 4, hour: 17, month: 3, week: model.lastWeek + 1 });
    const out = f('yoga', 4, 17);
    expect(out.uncappedMean).toBeCloseTo(0.5 * club.mean, 6);
    expect(out.mean).toBeLessThanOrEqual(4);
    expect(() => f('spin', 4, 17)).toThrow(/spin/);
  });

  it('cappedNormal: no cap effect far below the cap, the cap far above it', () => {
    expect(cappedNormal(5, 1, 100).mean).toBeCloseTo(5, 6);
    expect(cappedNormal(100, 1, 5).mean).toBeCloseTo(5, 6);
    expect(cappedNormal(100, 1, 5).sd).toBeCloseTo(0, 4);
  });
});

const CIRCLE = resolve('../shared/data/occupancy/msu-isitbusy/Circle.csv');
describe('real data: MSU Circle gym (IsItBusy)', () => {
  it('computes held-out MAE for model and seasonal-naive (finite figures, no win asserted)', () => {
    if (!existsSync(CIRCLE)) throw new Error(`shared data missing: ${CIRCLE} (tests read ../shared/data beside the repository)`);
    const series = parseHourlyCountsCsv(readFileSync(CIRCLE, 'utf8'));
    expect(series.problems).toEqual([]);
    const e = evaluateDemand(series.rows, { holdoutWeeks: 8 });
    expect(e.testHours).toBeGreaterThan(0);
    for (const v of [e.modelMae, e.naiveMae, e.naiveOneWeekMae, e.coverage95]) expect(Number.isFinite(v)).toBe(true);
    console.log(`Circle, 8 held-out weeks: model MAE ${e.modelMae.toFixed(2)} vs seasonal-naive ${e.naiveMae.toFixed(2)} entries/h`);
  });
});

describe('describeDemand', () => {
  it('says what buildDemandTable used, without fitting: occupancy model, flat prior, calibration', () => {
    const d = generateDemoScheduleClub('2026-11-30');
    const attendance = d.attendance.map((a) => ({ ...a, weekday: weekdayOf(a.date) }));
    const input = { classTypes: d.classTypes, openingHours: d.openingHours, occupancy: d.occupancy, attendance, weekStart: '2026-11-30' };
    expect(describeDemand(input)).toBe(buildDemandTable(input).source);
    expect(describeDemand(input)).toBe('seasonal occupancy model on 12 weeks of hourly counts (2026-09-07 to 2026-11-29) × an assumed share per class type, calibrated on 84 class attendance records');
    const none = { ...input, occupancy: [], attendance: attendance.slice(0, 2) };
    expect(describeDemand(none)).toBe(buildDemandTable(none).source);
    expect(describeDemand(none)).toBe("no occupancy history: assumed 50 % of each class's capacity");
  });
});
