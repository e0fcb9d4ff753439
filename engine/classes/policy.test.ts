import { describe, expect, it } from 'vitest';
import {
  beforeCutoff, bookingWindowRefusal, cancellationKind, DEFAULT_BOOKING_POLICY as P, DEFAULT_CLASS_POLICY, noShowsDue, placeFor,
  policyFor, promotionsDue, readClassPolicy, strikeRefusal, strikesOf,
} from './policy';

const start = Date.parse('2026-12-03T18:00:00Z');
const min = 60_000;

describe('booking window', () => {
  it('opens 7 days before and closes at the start, naming the field', () => {
    expect(bookingWindowRefusal(P, start, start - 7 * 1440 * min - 1)?.field).toBe('bookingOpensDays');
    expect(bookingWindowRefusal(P, start, start - 7 * 1440 * min)).toBeNull();
    expect(bookingWindowRefusal(P, start, start - 1)).toBeNull();
    const late = bookingWindowRefusal(P, start, start);
    expect(late?.field).toBe('bookingClosesMin');
    expect(late?.message).toMatch(/bookingClosesMin/);
  });
  it('closes earlier with bookingClosesMin', () => {
    expect(bookingWindowRefusal({ ...P, bookingClosesMin: 30 }, start, start - 30 * min)?.field).toBe('bookingClosesMin');
    expect(bookingWindowRefusal({ ...P, bookingClosesMin: 30 }, start, start - 31 * min)).toBeNull();
  });
});

describe('cancel cutoff and promotion', () => {
  it('a cancel 2 h before or earlier is on time; later is late', () => {
    expect(cancellationKind(P, start, start - 120 * min - 1)).toBe('cancelled');
    expect(cancellationKind(P, start, start - 120 * min)).toBe('late_cancelled');
    expect(cancellationKind(P, start, start - 5 * min)).toBe('late_cancelled');
  });
  it('promotes as many as places and waiting members allow, only before the cutoff', () => {
    const c = { capacity: 10, placesTaken: 8, waiting: 5, startsAtMs: start, nowMs: start - 3 * 60 * min };
    expect(promotionsDue(P, c)).toBe(2);
    expect(promotionsDue(P, { ...c, waiting: 1 })).toBe(1);
    expect(promotionsDue(P, { ...c, placesTaken: 12 })).toBe(0);
    expect(promotionsDue(P, { ...c, nowMs: start - 119 * min })).toBe(0);
    expect(beforeCutoff(P, start, start - 121 * min)).toBe(true);
  });
  it('a booking takes a place while one is free', () => {
    expect(placeFor(10, 9)).toBe('booked');
    expect(placeFor(10, 10)).toBe('waitlisted');
  });
});

describe('no-shows and strikes', () => {
  it('releases unchecked bookings 10 min after the start', () => {
    expect(noShowsDue(P, start, start + 10 * min - 1)).toBe(false);
    expect(noShowsDue(P, start, start + 10 * min)).toBe(true);
  });
  it('counts late cancels only when the policy says so and refuses at maxStrikes', () => {
    expect(strikesOf(P, { lateCancels: 2, noShows: 1 })).toBe(3);
    expect(strikesOf({ ...P, lateCancelCounts: false }, { lateCancels: 2, noShows: 1 })).toBe(1);
    expect(strikeRefusal(P, 2)).toBeNull();
    expect(strikeRefusal(P, 3)?.field).toBe('maxStrikes');
    expect(strikeRefusal({ ...P, maxStrikes: 0 }, 99)).toBeNull();
  });
});

describe('per class type overrides', () => {
  it('overrides only the given fields and falls back to the default for bad stored values', () => {
    const policy = { default: P, byClassType: { hiit: { cancelCutoffMin: 720 } } };
    expect(policyFor(policy, 'hiit')).toEqual({ ...P, cancelCutoffMin: 720 });
    expect(policyFor(policy, 'yoga')).toEqual(P);
    expect(readClassPolicy({ default: { ...P, cancelCutoffMin: -1 }, byClassType: {} })).toEqual(DEFAULT_CLASS_POLICY);
    expect(readClassPolicy(policy)).toEqual(policy);
  });
});
