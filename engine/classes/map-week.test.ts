import { describe, expect, it } from 'vitest';
import { mapWeek, type ClassSlot } from './map-week';
import { clubLocalToUtc, utcToClubLocal } from './club-time';

const slot = (o: Partial<ClassSlot> = {}): ClassSlot => ({ classTypeId: 'yoga', date: '2026-12-01', startMin: 1080, roomId: 'a', trainerId: 'anna', capacity: 20, ...o });

describe('mapWeek', () => {
  it('keeps a class that still exists, even with another room, trainer or capacity', () => {
    const m = mapWeek([{ id: 1, ...slot() }], [slot({ roomId: 'b', trainerId: 'ben', capacity: 12 })]);
    expect(m).toEqual({ kept: [{ occurrenceId: 1, index: 0, changed: ['room', 'trainer', 'capacity'] }], removed: [], added: [] });
  });
  it('removes a class moved to another time or day and adds the new one', () => {
    const m = mapWeek([{ id: 1, ...slot() }, { id: 2, ...slot({ classTypeId: 'hiit' }) }], [slot({ startMin: 1140 }), slot({ classTypeId: 'hiit' })]);
    expect(m.kept).toEqual([{ occurrenceId: 2, index: 1, changed: [] }]);
    expect(m.removed).toEqual([1]);
    expect(m.added).toEqual([0]);
  });
  it('two classes of one type at one time keep their own rooms', () => {
    const old = [{ id: 1, ...slot({ roomId: 'a' }) }, { id: 2, ...slot({ roomId: 'b' }) }];
    const m = mapWeek(old, [slot({ roomId: 'b' }), slot({ roomId: 'a' })]);
    expect(m.kept).toEqual([{ occurrenceId: 2, index: 0, changed: [] }, { occurrenceId: 1, index: 1, changed: [] }]);
  });
  it('never maps one occurrence twice, and every old occurrence is kept or removed', () => {
    const old = [{ id: 1, ...slot() }];
    const m = mapWeek(old, [slot(), slot({ roomId: 'b' })]);
    expect(m.kept.map((k) => k.occurrenceId)).toEqual([1]);
    expect(m.added).toEqual([1]);
    expect(m.removed).toEqual([]);
  });
});

describe('club time', () => {
  it('converts club-local wall time to UTC across daylight saving', () => {
    expect(new Date(clubLocalToUtc('2026-12-01', 18 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(new Date(clubLocalToUtc('2026-07-01', 18 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(new Date(clubLocalToUtc('2026-12-01', 7 * 60, 'America/New_York')).toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(utcToClubLocal(Date.parse('2026-12-01T23:30:00Z'), 'Europe/Berlin')).toEqual({ date: '2026-12-02', minute: 30 });
  });
});
