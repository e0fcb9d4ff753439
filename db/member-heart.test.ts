/** Migration 0008 (members' nickname, resting and observed maximum heart rate, for the live class monitor). */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from './open';
import { getMember, updateMember } from './members';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
function tempDir(): string { const d = mkdtempSync(join(tmpdir(), 'studio-heart-')); dirs.push(d); return d; }

function migrationsUpTo(n: number): string {
  const dir = join(tempDir(), 'migrations');
  cpSync(DEFAULT_MIGRATIONS_FOLDER, dir, { recursive: true });
  const path = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(0, n);
  writeFileSync(path, JSON.stringify(journal));
  return dir;
}

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
