/** Migration 0007 (classes in action) and the one-active-booking rule of `class_bookings`. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from './open';
import { activeBooking, insertBooking, insertOccurrence, placesTaken, waitlistHead } from './classes';
import { migrationsUpTo as cutMigrations, useTempDirs } from './migration-testkit';

const tempDir = useTempDirs('studio-classes-');
const migrationsUpTo = (upTo: number | string): string => cutMigrations(tempDir(), upTo);

describe('migration 0007_classes_in_action', () => {
  it('keeps the scheduler rows of 0006 and adds the class tables', () => {
    const path = join(tempDir(), 'studio.db');
    const old = openDatabase(path, { migrationsFolder: migrationsUpTo(7) });
    expect(old.schemaVersion).toBe(7);
    old.sqlite.prepare("INSERT INTO class_attendance (date, class_type_id, start_min, room_id, capacity, booked, attended, waitlisted) VALUES ('2026-11-30', 'yoga', 1080, 'a', 20, 18, 15, 2)").run();
    old.sqlite.prepare("INSERT INTO schedule_scenarios (week_start, name, status, backend, solve_status, weights, demand_source, club, demand, timetable, history, notes) VALUES ('2026-11-30', 'W', 'published', 'highs', 'optimal', '{}', 'none', '{}', '{}', '[]', '[]', '[]')").run();
    old.sqlite.prepare("INSERT INTO members (name, goal, level, days_per_week, session_minutes, equipment, excluded_muscles, excluded_patterns, excluded_exercise_ids, preferred_unit) VALUES ('Ana', 'strength', 'beginner', 3, 60, '[]', '[]', '[]', '[]', 'kg')").run();
    old.close();
    const store = openDatabase(path);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(8);
    expect(store.sqlite.prepare('SELECT attended FROM class_attendance').all()).toEqual([{ attended: 15 }]);
    const db = store.db;
    const occ = insertOccurrence(db, {
      scenarioId: 1, weekStart: '2026-11-30', classTypeId: 'yoga', className: 'Yoga', date: '2026-11-30', startMin: 1080, durationMin: 60,
      startsAt: '2026-11-30T17:00:00.000Z', endsAt: '2026-11-30T18:00:00.000Z', roomId: 'a', trainerId: 't', capacity: 1, predicted: 12,
    });
    insertBooking(db, { occurrenceId: occ, memberId: 1, status: 'booked', queuedAt: '2026-11-29T10:00:00.000Z', source: 'front_desk' });
    expect(placesTaken(db, occ)).toBe(1);
    expect(activeBooking(db, occ, 1)?.status).toBe('booked');
    expect(waitlistHead(db, occ)).toBeNull();
    expect(() => insertBooking(db, { occurrenceId: occ, memberId: 1, status: 'waitlisted', queuedAt: '2026-11-29T10:01:00.000Z', source: 'front_desk' }))
      .toThrow(/UNIQUE/);
    for (const t of ['class_heart_rates', 'class_alerts', 'class_summaries', 'studio_notifications', 'member_cards']) {
      expect(store.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get()).toEqual({ n: 0 });
    }
    store.close();
  });
});
