/** Migration 0008 (members' nickname, resting and observed maximum heart rate, for the live class monitor). */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from './open';
import { getMember, updateMember } from './members';
import { migrationsUpTo as cutMigrations, useTempDirs } from './migration-testkit';

const tempDir = useTempDirs('studio-heart-');
const migrationsUpTo = (upTo: number | string): string => cutMigrations(tempDir(), upTo);

describe('migration 0008_member_heart_profile', () => {
  it('keeps members of 0007 and gives them an empty nickname and heart profile', () => {
    const path = join(tempDir(), 'studio.db');
    const old = openDatabase(path, { migrationsFolder: migrationsUpTo(8) });
    expect(old.schemaVersion).toBe(8);
    old.sqlite.prepare("INSERT INTO members (name, goal, level, days_per_week, session_minutes, equipment, excluded_muscles, excluded_patterns, excluded_exercise_ids, preferred_unit, birth_year) VALUES ('Ana', 'strength', 'beginner', 3, 60, '[]', '[]', '[]', '[]', 'kg', 1990)").run();
    old.close();
    const store = openDatabase(path);
    expect(store.schemaVersion).toBeGreaterThanOrEqual(9);
    const ana = getMember(store.db, 1)!;
    expect([ana.name, ana.birthYear, ana.nickname, ana.restingHrBpm, ana.maxHrBpm]).toEqual(['Ana', 1990, null, null, null]);
    updateMember(store.db, 1, { nickname: 'Ani', restingHrBpm: 58, maxHrBpm: 191 });
    expect(getMember(store.db, 1)).toMatchObject({ nickname: 'Ani', restingHrBpm: 58, maxHrBpm: 191 });
    store.close();
  });
});
