/** Migration 0009 (member phones and sync): rows of 0008 survive, and the change-sequence triggers fire. */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from './open';
import { updateMember } from './members';
import { fastChangedKinds, fastLatestSeq } from './sync';
import { migrationsUpTo as cutMigrations, useTempDirs } from './migration-testkit';

const tempDir = useTempDirs('studio-sync-mig-');
const migrationsUpTo = (upTo: number | string): string => cutMigrations(tempDir(), upTo);

describe('migration 0009_member_phones_sync', () => {
  it('keeps the members of 0008, and changes to them move the sync cursor', () => {
    const path = join(tempDir(), 'studio.db');
    const old = openDatabase(path, { migrationsFolder: migrationsUpTo(9) });
    expect(old.schemaVersion).toBe(9);
    old.sqlite.prepare("INSERT INTO members (name, goal, level, days_per_week, session_minutes, equipment, excluded_muscles, excluded_patterns, excluded_exercise_ids, preferred_unit, nickname) VALUES ('Ana', 'strength', 'beginner', 3, 60, '[]', '[]', '[]', '[]', 'kg', 'Ani')").run();
    old.close();
    const store = openDatabase(path);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(10);
    expect(store.sqlite.prepare('SELECT name, nickname FROM members WHERE id = 1').get()).toEqual({ name: 'Ana', nickname: 'Ani' });
    expect(fastLatestSeq(store.db)).toBe(0);
    updateMember(store.db, 1, { preferredUnit: 'lb' });
    expect(fastLatestSeq(store.db)).toBe(1);
    expect([...fastChangedKinds(store.db, 1, 0)]).toEqual(['member']);
    expect(store.sqlite.prepare('SELECT count(*) n FROM member_devices').get()).toEqual({ n: 0 });
    store.close();
  });
});
