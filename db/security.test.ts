/**
 * Migration 0006 (staff sign-in) on a real SQLite file: rows survive it, the audit log becomes
 * append-only, audit payloads about a member are sealed and shredded with the member's key,
 * and backups made with the online backup API can be checked and restored into a live file.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from './open';
import { ERASED, listAudit, recordAudit } from './audit';
import { shredMemberKey } from './audit-seal';
import { BackupError, backupTo, checkBackup, restoreInto } from './backup';
import { createMember } from './members';
import { migrationsUpTo as cutMigrations, useTempDirs } from './migration-testkit';

const tempDir = useTempDirs('studio-sec-');
const migrationsUpTo = (upTo: number | string): string => cutMigrations(tempDir(), upTo);

const member = { name: 'Ada', goal: 'strength', level: 'beginner', daysPerWeek: 3, sessionMinutes: 60, equipment: [], excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [], preferredUnit: 'kg' as const };

describe('migration 0006_staff_sign_in', () => {
  it('keeps staff and audit rows from before it, and leaves them without sign-in', () => {
    const path = join(tempDir(), 'old.db');
    const old = openDatabase(path, { migrationsFolder: migrationsUpTo('0006_staff_sign_in') });
    old.sqlite.prepare("INSERT INTO staff (name, role) VALUES ('Studio Manager', 'manager')").run();
    old.sqlite.prepare("INSERT INTO audit_log (actor_staff_id, action, entity, entity_id, after) VALUES (1, 'plan.approve', 'plan', '3', '{\"x\":1}')").run();
    old.close();
    const store = openDatabase(path);
    expect(store.sqlite.prepare('SELECT name, role, username, password_hash AS hash, must_change_password AS must FROM staff').all())
      .toEqual([{ name: 'Studio Manager', role: 'manager', username: null, hash: null, must: 0 }]);
    expect(listAudit(store.db, { limit: 10 })).toMatchObject([{ action: 'plan.approve', after: { x: 1 }, via: null, actor: { name: 'Studio Manager' } }]);
    store.close();
  });
});

describe('the audit log', () => {
  it('refuses every update and delete, even in raw SQL', () => {
    const store = openDatabase(join(tempDir(), 'a.db'));
    recordAudit(store.db, { actorStaffId: null, action: 'test.one', entity: 'x', entityId: 1, after: { a: 1 } });
    expect(() => store.sqlite.prepare("UPDATE audit_log SET action = 'forged'").run()).toThrow(/append-only/);
    expect(() => store.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(listAudit(store.db, { limit: 5 }).map((e) => e.action)).toEqual(['test.one']);
    store.close();
  });

  it('seals entries about a member, and erasing the key leaves them unreadable', () => {
    const store = openDatabase(join(tempDir(), 'a.db'));
    const m = createMember(store.db, member);
    recordAudit(store.db, { actorStaffId: null, action: 'member.update', entity: 'member', entityId: m.id, before: { notes: 'knee pain' }, after: { notes: 'fine' }, subjectMemberId: m.id });
    const raw = store.sqlite.prepare('SELECT before, after FROM audit_log').get() as { before: string; after: string };
    expect(raw.before).not.toContain('knee');
    expect(raw.after).toContain('"$sealed":1');
    expect(listAudit(store.db, { limit: 5 })[0]).toMatchObject({ before: { notes: 'knee pain' }, after: { notes: 'fine' } });
    shredMemberKey(store.db, m.id);
    expect(listAudit(store.db, { limit: 5 })[0]).toMatchObject({ before: ERASED, after: ERASED, action: 'member.update' });
    store.close();
  });

  it('filters by action prefix, actor and time', () => {
    const store = openDatabase(join(tempDir(), 'a.db'));
    for (const action of ['auth.sign-in', 'auth.sign-out', 'plan.approve']) recordAudit(store.db, { actorStaffId: null, action, entity: 'x', entityId: 1 });
    expect(listAudit(store.db, { action: 'auth.*', limit: 10 }).map((e) => e.action)).toEqual(['auth.sign-out', 'auth.sign-in']);
    expect(listAudit(store.db, { action: 'plan.approve', limit: 10 })).toHaveLength(1);
    expect(listAudit(store.db, { action: 'auth', limit: 10 })).toHaveLength(0);
    expect(listAudit(store.db, { from: '2999-01-01', limit: 10 })).toHaveLength(0);
    store.close();
  });
});

describe('backups', () => {
  it('copies the live database, checks a copy, and restores it into the live file', async () => {
    const dir = tempDir();
    const live = openDatabase(join(dir, 'studio.db'));
    live.sqlite.prepare("INSERT INTO staff (name, role) VALUES ('Before', 'trainer')").run();
    const bytes = await backupTo(live.sqlite, join(dir, 'copy.db'));
    expect(bytes).toBeGreaterThan(0);
    await expect(backupTo(live.sqlite, join(dir, 'copy.db'))).rejects.toThrow(/already exists/);
    live.sqlite.prepare("INSERT INTO staff (name, role) VALUES ('After', 'trainer')").run();
    expect(checkBackup(join(dir, 'copy.db')).schemaVersion).toBe(live.schemaVersion);
    const other = new Database(join(dir, 'studio.db'));
    await restoreInto(live.sqlite, live.path, join(dir, 'copy.db'));
    expect(live.sqlite.prepare('SELECT name FROM staff').all()).toEqual([{ name: 'Before' }]);
    expect(other.prepare('SELECT name FROM staff').all()).toEqual([{ name: 'Before' }]);
    expect(live.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(live.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    other.close();
    live.close();
  });

  it('refuses a damaged copy and a file that is not a studio database', async () => {
    const dir = tempDir();
    const live = openDatabase(join(dir, 'studio.db'));
    for (let i = 0; i < 300; i++) live.sqlite.prepare("INSERT INTO staff (name, role) VALUES (?, 'trainer')").run(`Trainer ${i} ${'x'.repeat(200)}`);
    await backupTo(live.sqlite, join(dir, 'copy.db'));
    live.close();
    const bytes = readFileSync(join(dir, 'copy.db'));
    bytes.fill(0x41, 4096 * 3, 4096 * 3 + 2000); // scribble over a b-tree page
    writeFileSync(join(dir, 'broken.db'), bytes);
    expect(() => checkBackup(join(dir, 'broken.db'))).toThrow(BackupError);
    const plain = new Database(join(dir, 'plain.db'));
    plain.exec('CREATE TABLE t (x)');
    plain.close();
    expect(() => checkBackup(join(dir, 'plain.db'))).toThrow(/not a Trainer Studio/);
  });
});
