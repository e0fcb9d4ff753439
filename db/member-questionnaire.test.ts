/** Migration 0012 (members' onboarding questionnaire and when it was answered). */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from './open';
import { getMember, updateMember } from './members';
import { migrationsUpTo as cutMigrations, useTempDirs } from './migration-testkit';

const tempDir = useTempDirs('studio-questionnaire-');

describe('migration 0012_member_questionnaire', () => {
  it('keeps members of 0011 with no questionnaire, and stores one after', () => {
    const path = join(tempDir(), 'studio.db');
    const old = openDatabase(path, { migrationsFolder: cutMigrations(tempDir(), '_member_questionnaire') });
    old.sqlite.prepare("INSERT INTO members (name, goal, level, days_per_week, session_minutes, equipment, excluded_muscles, excluded_patterns, excluded_exercise_ids, preferred_unit, body_mass_kg) VALUES ('Ola', 'strength', 'beginner', 3, 60, '[\"barbell\"]', '[]', '[]', '[]', 'kg', 70)").run();
    old.close();
    const store = openDatabase(path);
    const ola = getMember(store.db, 1)!;
    expect([ola.name, ola.bodyMassKg, ola.equipment, ola.questionnaire, ola.questionnaireAt]).toEqual(['Ola', 70, ['barbell'], null, null]);
    updateMember(store.db, 1, { questionnaire: { goal: 'strength', daysPerWeek: 3 }, questionnaireAt: '2026-12-01T09:00:00Z' });
    expect(getMember(store.db, 1)).toMatchObject({ questionnaire: { goal: 'strength', daysPerWeek: 3 }, questionnaireAt: '2026-12-01T09:00:00Z' });
    store.close();
  });
});
