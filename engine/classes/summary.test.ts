/** The summary's figures on a fixture class, worked by hand. */
import { describe, expect, it } from 'vitest';
import { memberEffort, zoneOf } from './effort';
import { summarizeClass, type SummaryInput } from './summary';

const startsAtMs = Date.parse('2026-12-03T17:00:00Z');
const limits = { restBpm: 60, maxBpm: 180, maxSource: 'tanaka' };

/** `minutes` of 1 Hz samples at `bpm`, starting `offsetMin` into the class. */
function steady(memberId: number, bpm: number, minutes: number, offsetMin = 0) {
  return Array.from({ length: minutes * 60 }, (_, i) => ({ memberId, atMs: startsAtMs + (offsetMin * 60 + i) * 1000, bpm }));
}
const byMember = (list: Array<{ memberId: number; atMs: number; bpm: number }>) => {
  const m = new Map<number, Array<{ atMs: number; bpm: number }>>();
  for (const s of list) (m.get(s.memberId) ?? m.set(s.memberId, []).get(s.memberId)!).push({ atMs: s.atMs, bpm: s.bpm });
  return m;
};

function fixture(over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    occurrence: { id: 7, className: 'HIIT', date: '2026-12-03', startMin: 1080, durationMin: 60, startsAtMs, endsAtMs: startsAtMs + 3_600_000,
      roomName: 'Studio A', trainerName: 'Anna', capacity: 10, predicted: 8 },
    bookings: [
      { memberId: 1, name: 'Ana', status: 'checked_in', walkIn: false },
      { memberId: 2, name: 'Bo', status: 'checked_in', walkIn: true },
      { memberId: 3, name: 'Cy', status: 'no_show', walkIn: false },
      { memberId: 4, name: 'Di', status: 'late_cancelled', walkIn: false },
    ],
    // Ana: 60 min at 150 bpm = 75 % HRR → zone 3; Bo: 30 min at 100 bpm = 33 % → zone 0.
    heartRates: byMember([...steady(1, 150, 60), ...steady(2, 100, 30)]),
    limits: new Map([[1, limits], [2, limits]]),
    targetZone: 3,
    sets: [
      { memberId: 1, exerciseName: 'Kettlebell swing', loadKg: 24, reps: 10, rir: 2, previousBestKg: 30 },
      { memberId: 2, exerciseName: 'Goblet squat', loadKg: 20, reps: 8, rir: null, previousBestKg: 30 },
    ],
    alerts: [{ kind: 'above_max', message: 'Ana above 90 % of max for 60 s', memberId: 1, raisedAt: '2026-12-03T17:20:00.000Z', acknowledgedAt: null }],
    trainerNotes: 'Good energy.', generatedAt: '2026-12-03T18:00:00.000Z',
    ...over,
  };
}

describe('zones and effort', () => {
  it('puts heart rates in Karvonen zones (rest 60, max 180)', () => {
    expect(zoneOf(119, limits)).toBe(0); // 49 % HRR
    expect(zoneOf(120, limits)).toBe(1); // 50 %
    expect(zoneOf(150, limits)).toBe(3); // 75 %
    expect(zoneOf(168, limits)).toBe(5); // 90 %
  });
  it('counts seconds per zone and our points (z per minute)', () => {
    const e = memberEffort(steady(1, 150, 10).map(({ atMs, bpm }) => ({ atMs, bpm })), limits, startsAtMs, startsAtMs + 3_600_000)!;
    expect(e.zoneSeconds).toEqual([0, 0, 0, 600, 0, 0]);
    expect(e.points).toBe(30);
    expect(e.avgBpm).toBe(150);
  });
  it('does not count a gap of lost signal beyond 5 s', () => {
    const e = memberEffort([{ atMs: startsAtMs, bpm: 150 }, { atMs: startsAtMs + 60_000, bpm: 150 }], limits, startsAtMs, startsAtMs + 3_600_000)!;
    expect(e.coveredSeconds).toBe(6);
  });
});

describe('summarizeClass', () => {
  it('gives attendance against bookings and prediction', () => {
    const s = summarizeClass(fixture());
    expect(s.attendance).toEqual({ capacity: 10, booked: 2, checkedIn: 2, walkIns: 1, noShows: 1, lateCancels: 1, waitlistLeft: 0,
      predicted: 8, ofBookingsPct: 100, ofPredictedPct: 25 });
  });
  it('computes engagement from its documented inputs', () => {
    const s = summarizeClass(fixture());
    // attendance 2/3 = 0.67; target share: Ana 1, Bo 0 → 0.5; completion: Ana 1, Bo 0.5 → 0.75
    expect(s.engagement.inputs).toEqual({ attendanceRate: 0.67, targetZoneShare: 0.5, completion: 0.75 });
    expect(s.engagement.score).toBe(Math.round(100 * (0.4 * 0.67 + 0.4 * 0.5 + 0.2 * 0.75)));
    const ana = s.members.find((m) => m.name === 'Ana')!;
    expect(ana.effort!.zoneSeconds[3]).toBe(3600);
    expect(ana.effort!.points).toBe(180);
  });
  it('lists records, zone hits, alerts and areas for improvement', () => {
    const s = summarizeClass(fixture());
    // Ana: 24 × (1 + 12/30) = 33.6 kg > 30; Bo: 20 × (1 + 8/30) = 25.3 < 30
    expect(s.records).toEqual([{ memberId: 1, name: 'Ana', exercise: 'Kettlebell swing', e1rmKg: 33.6, previousBestKg: 30 }]);
    expect(s.highlights).toContain('Ana spent 60 min in zone 3 or above');
    expect(s.improvements).toEqual(expect.arrayContaining(['1 alert raised: above max (1)', 'Bo spent 0 min in zone 3 or above', '1 no-show']));
    expect(s.alerts[0]!.memberName).toBe('Ana');
    expect(s.trainerNotes).toBe('Good energy.');
  });
  it('says "no heart-rate data" and scores attendance only when there is none', () => {
    const s = summarizeClass(fixture({ heartRates: new Map() }));
    expect(s.heartRate).toMatchObject({ available: false, note: 'no heart-rate data' });
    expect(s.members.every((m) => m.effort === null)).toBe(true);
    expect(s.engagement.inputs).toEqual({ attendanceRate: 0.67, targetZoneShare: null, completion: null });
    expect(s.engagement.score).toBe(67);
  });
});
