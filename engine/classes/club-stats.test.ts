import { describe, expect, it } from 'vitest';
import { clubStats, ratesOf, type EndedClass } from './club-stats';

const c = (o: Partial<EndedClass>): EndedClass => ({
  id: 1, weekStart: '2026-11-30', date: '2026-11-30', startMin: 1080, classTypeId: 'hiit', className: 'HIIT', capacity: 10, predicted: 8,
  bookings: 10, attended: 8, walkIns: 0, noShows: 2, everWaitlisted: 0, ...o,
});

describe('club rates', () => {
  it('fill = attended ÷ capacity, waitlist = waitlisted ÷ bookings, no-show = no-shows ÷ (no-shows + booked who came)', () => {
    const r = ratesOf([c({}), c({ id: 2, bookings: 14, attended: 10, walkIns: 1, noShows: 1, everWaitlisted: 4 })]);
    expect(r).toMatchObject({ classes: 2, capacity: 20, bookings: 24, attended: 18, waitlisted: 4, noShows: 3 });
    expect(r.fillRate).toBe(0.9);
    expect(r.waitlistRate).toBe(Math.round((4 / 24) * 1000) / 1000);
    expect(r.noShowRate).toBe(Math.round((3 / (3 + 17)) * 1000) / 1000);
  });
  it('groups by class type, club-local hour and week, and ranks hours', () => {
    const s = clubStats([
      c({ id: 1, startMin: 420, attended: 2, classTypeId: 'yoga', className: 'Yoga' }),
      c({ id: 2, startMin: 1080, attended: 10 }),
      c({ id: 3, startMin: 720, attended: 5, weekStart: '2026-12-07', date: '2026-12-07' }),
    ], 1);
    expect(s.byClassType.map((g) => [g.name, g.classes])).toEqual([['HIIT', 2], ['Yoga', 1]]);
    expect(s.byHour.map((h) => [h.hour, h.avgAttended])).toEqual([[7, 2], [12, 5], [18, 10]]);
    expect(s.byWeek.map((w) => w.weekStart)).toEqual(['2026-11-30', '2026-12-07']);
    expect(s.busiestHours).toEqual([18]);
    expect(s.quietestHours).toEqual([7]);
    expect(s.predictedVsActual[1]).toEqual({ occurrenceId: 2, label: 'HIIT 2026-11-30 18:00', predicted: 8, actual: 10 });
  });
  it('gives zero rates, not NaN, without classes', () => {
    expect(ratesOf([])).toMatchObject({ fillRate: 0, waitlistRate: 0, noShowRate: 0 });
  });
});
