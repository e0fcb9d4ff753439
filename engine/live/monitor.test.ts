import { describe, expect, it } from 'vitest';
import { acknowledgeAlert, createMonitor, ingestSample, memberTile, snapshotOf, takeClearedAlerts, tick, type MonitorState } from './monitor';
import type { LiveAlert, MonitorMember, MonitorSettings } from './types';

const T0 = Date.parse('2026-12-04T18:00:00Z');
const at = (s: number) => T0 + s * 1000;

/** rest 60, age 40 → Tanaka max 180: 90 % of max = 162 bpm; reserve fraction f ↔ 60 + 120 f. */
function member(memberId: number, extra: Partial<MonitorMember['profile']> = {}, nickname: string | null = null): MonitorMember {
  return { memberId, name: `Member ${String(memberId)}`, nickname, profile: { restingBpm: 60, observedMaxBpm: null, ageYears: 40, ...extra } };
}

function monitor(members: MonitorMember[], settings: Partial<MonitorSettings> = {}): MonitorState {
  return createMonitor({ occurrenceId: 7, startedAtMs: T0, members, settings });
}

/** Feeds `bpm(s)` for every second in [from, to] to `memberId`; returns the alerts raised. */
function feed(state: MonitorState, memberId: number, from: number, to: number, bpm: (s: number) => number): LiveAlert[] {
  const raised: LiveAlert[] = [];
  for (let s = from; s <= to; s += 1) {
    const r = ingestSample(state, { memberId, atMs: at(s), bpm: bpm(s) });
    if (r.ok) raised.push(...r.raised);
  }
  return raised;
}

describe('the live class monitor', () => {
  it('raises one high-heart-rate alert after 60 s at ≥ 90 % of max, clears it, and raises again on a recurrence', () => {
    const state = monitor([member(1, {}, 'Dee')]);
    expect(feed(state, 1, 0, 59, () => 165)).toEqual([]);
    const raised = feed(state, 1, 60, 120, () => 165);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ id: 1, kind: 'high_heart_rate', memberId: 1, raisedAt: '2026-12-04T18:01:00.000Z', clearedAt: null });
    expect(raised[0]!.message).toMatch(/^Dee: 165 bpm, 92 % of max \(180 bpm, tanaka\)/);
    feed(state, 1, 121, 130, () => 150);
    expect(state.alerts[0]!.clearedAt).toBe('2026-12-04T18:02:01.000Z');
    expect(feed(state, 1, 131, 191, () => 170).map((a) => a.id)).toEqual([2]);
  });

  it('does not raise while a high stretch is broken before its time', () => {
    const state = monitor([member(1)]);
    expect(feed(state, 1, 0, 200, (s) => (s % 50 === 49 ? 150 : 170))).toEqual([]);
  });

  it('raises lost signal when no sample came for 15 s, from ticks alone, and clears it on the next sample', () => {
    const state = monitor([member(1), member(2)]);
    feed(state, 1, 0, 10, () => 100);
    expect(tick(state, at(24))).toEqual([]);
    const lost = tick(state, at(25));
    expect(lost.map((a) => [a.kind, a.memberId])).toEqual([['lost_signal', 1]]);
    expect(tick(state, at(40))).toEqual([]);
    expect(memberTile(state, 1)!.signal).toBe('lost');
    expect(memberTile(state, 2)!.signal).toBe('waiting');
    feed(state, 1, 41, 41, () => 100);
    expect(state.alerts[0]!.clearedAt).toBe('2026-12-04T18:00:41.000Z');
    expect(takeClearedAlerts(state).map((a) => a.id)).toEqual([1]);
    expect(takeClearedAlerts(state)).toEqual([]);
    expect(memberTile(state, 1)!.signal).toBe('ok');
  });

  it('raises class-above-plan only after the warm-up, once the average stays above the planned zone for 60 s', () => {
    // planned zone 3 = 70–80 % of reserve; 161 bpm = 84 % (89 % of max, not "high")
    const state = monitor([member(1), member(2)]);
    const raised: LiveAlert[] = [];
    for (let s = 0; s <= 400; s += 1) {
      for (const id of [1, 2]) {
        const r = ingestSample(state, { memberId: id, atMs: at(s), bpm: 161 });
        if (r.ok) raised.push(...r.raised);
      }
    }
    expect(raised.map((a) => [a.kind, a.memberId, a.raisedAt])).toEqual([['class_above_plan', null, '2026-12-04T18:06:00.000Z']]);
    expect(raised[0]!.message).toMatch(/Class average 84 % of reserve \(2 members\) is above the planned zone 3/);
  });

  it('raises far-below-target for a member at 30 % of reserve for 120 s after the warm-up', () => {
    const state = monitor([member(1)]);
    const raised = feed(state, 1, 0, 500, () => 96);
    expect(raised.map((a) => [a.kind, a.raisedAt])).toEqual([['far_below_target', '2026-12-04T18:07:00.000Z']]);
  });

  it("routes a peak to the safety layer's heart-rate check: at the observed max, or Tanaka + 10 bpm", () => {
    const state = monitor([member(1, { observedMaxBpm: 170 }), member(2)], { highForS: 600 });
    expect(feed(state, 1, 0, 0, () => 169)).toEqual([]);
    const flagged = feed(state, 1, 1, 5, () => 171);
    expect(flagged.map((a) => a.kind)).toEqual(['heart_rate_red_flag']);
    expect(flagged[0]!.message).toMatch(/peaked at 171 bpm, at or above the observed maximum/);
    expect(feed(state, 2, 0, 5, (s) => 185 + s)).toMatchObject([{ kind: 'heart_rate_red_flag', memberId: 2, raisedAt: '2026-12-04T18:00:05.000Z' }]);
    expect(feed(state, 1, 6, 8, () => 200)).toEqual([]);
  });

  it('counts time in each zone between samples, capped at the lost-signal time', () => {
    const state = monitor([member(1)]);
    feed(state, 1, 0, 60, () => 145); // 70.8 % → zone 3
    feed(state, 1, 100, 100, () => 125); // a 40 s gap counts 15 s
    const tile = memberTile(state, 1)!;
    expect(tile.secondsInZone).toEqual([0, 0, 0, 75, 0, 0]);
    expect(tile.zone).toBe(1);
    expect(tile.pctOfMax).toBeCloseTo(125 / 180, 10);
  });

  it('rejects bpm outside 25–250, members not in the class and stale samples, keeping the reason', () => {
    const state = monitor([member(1)]);
    expect(ingestSample(state, { memberId: 1, atMs: at(0), bpm: 24 })).toMatchObject({ ok: false, rejection: { reason: 'out_of_range' } });
    expect(ingestSample(state, { memberId: 1, atMs: at(0), bpm: 251 })).toMatchObject({ ok: false, rejection: { reason: 'out_of_range', message: '251 bpm is outside 25–250 bpm (a sensor fault)' } });
    expect(ingestSample(state, { memberId: 1, atMs: at(0), bpm: 25 }).ok).toBe(true);
    expect(ingestSample(state, { memberId: 1, atMs: at(1), bpm: 250 }).ok).toBe(true);
    expect(ingestSample(state, { memberId: 9, atMs: at(2), bpm: 100 })).toMatchObject({ ok: false, rejection: { reason: 'not_in_class', memberId: 9 } });
    expect(ingestSample(state, { memberId: 1, atMs: at(1), bpm: 100 })).toMatchObject({ ok: false, rejection: { reason: 'out_of_order' } });
    expect(snapshotOf(state).rejectedCounts).toEqual({ out_of_range: 2, not_in_class: 1, out_of_order: 1 });
    expect(memberTile(state, 1)!.bpm).toBe(250);
  });

  it('acknowledges an alert once, and refuses an unknown one', () => {
    const state = monitor([member(1)]);
    feed(state, 1, 0, 60, () => 170);
    const a = acknowledgeAlert(state, 1, 42, at(61));
    expect(a).toMatchObject({ acknowledgedAt: '2026-12-04T18:01:01.000Z', acknowledgedBy: 42 });
    expect(acknowledgeAlert(state, 1, 43, at(70)).acknowledgedBy).toBe(42);
    expect(() => acknowledgeAlert(state, 2, 42, at(70))).toThrow(/no alert 2/);
    expect(feed(state, 1, 61, 100, () => 170)).toEqual([]);
  });

  it('gives a snapshot with tiles, the class average and alerts, JSON-safe', () => {
    const state = monitor([member(1, {}, 'Dee'), member(2, { ageYears: null })]);
    feed(state, 1, 0, 1, () => 144);
    feed(state, 2, 0, 1, () => 144);
    const snap = snapshotOf(state);
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(snap.members.map((m) => [m.displayName, m.zone])).toEqual([['Dee', 3], ['Member 2', null]]);
    expect(snap.classAverage).toEqual({ reserveFraction: 0.7, zone: 3, members: 1 });
  });

  it('refuses bad settings, naming the field', () => {
    expect(() => monitor([], { plannedZone: 6 })).toThrow(/plannedZone/);
    expect(() => monitor([], { bands: [0.6, 0.5] })).toThrow(/bands\[1\]/);
    expect(() => monitor([], { lostSignalS: -1 })).toThrow(/lostSignalS/);
  });
});
