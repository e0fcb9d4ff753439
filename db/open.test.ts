import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_MIGRATIONS_FOLDER, DatabaseError, openDatabase } from './open';
import { migrationsUpTo as cutMigrations, useTempDirs } from './migration-testkit';

const tempDir = useTempDirs('studio-db-');
const migrationsUpTo = (upTo: number | string): string => cutMigrations(tempDir(), upTo);

describe('openDatabase', () => {
  it('creates the schema with WAL and foreign keys on', () => {
    const path = join(tempDir(), 'studio.db');
    const store = openDatabase(path);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[];
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['members', 'plans', 'prescriptions', 'set_logs', 'audit_log', 'staff']));
    expect(() => store.sqlite.prepare("INSERT INTO plans (member_id, name, status, generated_by, goal, level, split, days_per_week, session_minutes, notes) VALUES (999, 'x', 'draft', 'ai', 'strength', 'beginner', 'full_body', 3, 60, '[]')").run())
      .toThrow(/FOREIGN KEY/);
    store.close();
  });

  it('migrates an older database forward, keeps its rows and backs it up first', () => {
    const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    const n = journal.entries.length;
    const path = join(tempDir(), 'old.db');
    const old = openDatabase(path, { migrationsFolder: migrationsUpTo(n - 1) });
    if (n > 1) {
      old.sqlite.prepare("INSERT INTO staff (name, role) VALUES ('Ana', 'trainer')").run();
    }
    const versionBefore = old.schemaVersion;
    old.close();
    const store = openDatabase(path);
    expect(store.schemaVersion).toBe(n);
    expect(store.schemaVersion).toBe(versionBefore + 1);
    if (n > 1) {
      expect(store.backupPath).not.toBeNull();
      expect(existsSync(store.backupPath!)).toBe(true);
      expect(store.sqlite.prepare('SELECT name FROM staff').all()).toEqual([{ name: 'Ana' }]);
    }
    store.sqlite.prepare("INSERT INTO staff (name, role) VALUES ('Bo', 'manager')").run();
    store.close();
    const again = openDatabase(path);
    expect(again.backupPath).toBeNull();
    expect(again.sqlite.prepare("SELECT count(*) AS c FROM staff WHERE name='Bo'").get()).toEqual({ c: 1 });
    again.close();
  });

  it('refuses a database whose schema is newer than the code', () => {
    const path = join(tempDir(), 'newer.db');
    openDatabase(path).close();
    const raw = new Database(path);
    raw.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 ** 9);
    raw.close();
    expect(() => openDatabase(path)).toThrow(DatabaseError);
    expect(() => openDatabase(path)).toThrow(/newer than this studio/);
  });
});
