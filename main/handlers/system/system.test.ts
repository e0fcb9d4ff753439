/**
 * Backups, restore, settings, the audit CSV and a member's data rights, through the host on a
 * real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import type { AuditPage, BackupsView, BackupView, ExportFile, Member, MemberErasureReport, RestoreReport, StudioSettingsView } from '../../contract/index';
import type { Caller } from '../../host/context';
import type { Host } from '../../host/host';
import { backupFolder, dailyBackupTick } from '../../host/backups';
import { createTestHost } from '../../host/testkit';

let dir: string;
let host: Host;
let manager: Caller;
let clock = Date.parse('2026-12-02T08:00:00Z');

async function ok<T>(name: string, input: unknown, who: Caller = manager): Promise<T> {
  const env = await host.call(name, input, who);
  if (!env.ok) throw new Error(`${name}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}
async function fails(name: string, input: unknown): Promise<{ reason: string; message: string; field?: string }> {
  const env = await host.call(name, input, manager);
  if (env.ok) throw new Error(`${name} should have failed`);
  return env.error;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-system-'));
  ({ host, manager } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date(clock) }));
});
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('backups and restore', () => {
  it('backs up into the studio folder only, lists the copies and keeps the newest N', async () => {
    expect(await fails('system/backup', { path: '/tmp/stolen.db' })).toMatchObject({ reason: 'invalid_input' });
    await ok<StudioSettingsView>('system/set-settings', { backupKeep: 3 });
    const made: BackupView[] = [];
    for (let i = 0; i < 4; i++) {
      clock += 60_000;
      made.push(await ok<BackupView>('system/backup', {}));
    }
    const list = await ok<BackupsView>('system/backups', {});
    expect(list.folder).toBe(backupFolder(host.store.path));
    expect(list.backups.map((b) => b.fileName)).toEqual(made.slice(1).reverse().map((b) => b.fileName));
    expect(list.backups.every((b) => b.bytes > 0 && b.kind === 'manual')).toBe(true);
  });

  it('makes the daily backup once a day', async () => {
    expect(await dailyBackupTick(host.store, new Date(clock))).not.toBeNull();
    expect(await dailyBackupTick(host.store, new Date(clock + 3_600_000))).toBeNull();
    expect(await dailyBackupTick(host.store, new Date(clock + 25 * 3_600_000))).not.toBeNull();
  });

  it('restores a backup: checks it, backs up the current database first, and signs everyone out', async () => {
    await ok<StudioSettingsView>('system/set-settings', { backupKeep: 10 });
    clock += 60_000;
    const before = await ok<BackupView>('system/backup', {});
    const later = await ok<Member>('members/create', { name: 'Added After The Backup' });
    clock += 60_000;
    const report = await ok<RestoreReport>('system/restore', { fileName: before.fileName, confirm: true });
    expect(report.restored.fileName).toBe(before.fileName);
    expect(report.safetyBackup.kind).toBe('before-restore');
    expect((await ok<Array<{ id: number }>>('members/list', {})).some((m) => m.id === later.id)).toBe(false);
    const safety = new Database(join(backupFolder(host.store.path), report.safetyBackup.fileName), { readonly: true });
    expect(safety.prepare('SELECT count(*) AS c FROM members WHERE name = ?').get('Added After The Backup')).toEqual({ c: 1 });
    safety.close();
    expect(host.store.sqlite.prepare('SELECT count(*) AS c FROM staff_sessions WHERE revoked_at IS NULL').get()).toEqual({ c: 0 });
    const audit = await ok<AuditPage>('audit/list', { action: 'system.restore' });
    expect(audit.entries[0]?.after).toMatchObject({ restored: { fileName: before.fileName } });
  });

  it('refuses a damaged backup and a name outside the folder, changing nothing', async () => {
    const folder = backupFolder(host.store.path);
    const good = await ok<BackupView>('system/backup', {});
    const bytes = readFileSync(join(folder, good.fileName));
    bytes.fill(0x41, 4096 * 2, 4096 * 6);
    const broken = good.fileName.replace('-manual.db', '-daily.db').replace(/(\d{3})Z/, '999Z');
    writeFileSync(join(folder, broken), bytes);
    const count = (await ok<unknown[]>('members/list', {})).length;
    expect(await fails('system/restore', { fileName: broken, confirm: true })).toMatchObject({ reason: 'conflict', field: 'fileName', message: expect.stringMatching(/damaged/) });
    expect(await fails('system/restore', { fileName: '../studio.db', confirm: true })).toMatchObject({ reason: 'invalid_input', field: 'fileName' });
    expect(await fails('system/restore', { fileName: 'studio-2020-01-01T00-00-00-000Z-manual.db', confirm: true })).toMatchObject({ reason: 'not_found' });
    expect((await ok<unknown[]>('members/list', {})).length).toBe(count);
  });
});

describe('settings', () => {
  it('refuses a screen lock that would come after the session ends, naming the field', async () => {
    expect(await fails('system/set-settings', { policy: { lockMinutes: 90 } })).toMatchObject({ reason: 'invalid_input', field: 'policy.lockMinutes' });
    const changed = await ok<StudioSettingsView>('system/set-settings', { policy: { lockMinutes: 3, idleMinutes: 45 } });
    expect(changed.policy).toMatchObject({ lockMinutes: 3, idleMinutes: 45, absoluteHours: 12 });
  });
});

describe('the audit log', () => {
  it('exports the filtered entries as CSV, one row per entry', async () => {
    const page = await ok<AuditPage>('audit/list', { action: 'system.*', limit: 500 });
    const file = await ok<ExportFile>('audit/export', { action: 'system.*' });
    const rows = parse(file.content, { columns: true }) as Array<Record<string, string>>;
    expect(file.mediaType).toBe('text/csv');
    expect(rows).toHaveLength(page.total);
    expect(rows[0]).toMatchObject({ action: expect.stringMatching(/^system\./), actor: expect.any(String), via: expect.any(String) });
    expect(host.store.sqlite.prepare("SELECT count(*) AS c FROM audit_log WHERE action = 'audit.export'").get()).toEqual({ c: 1 });
  });
});

describe("a member's data rights", () => {
  let member: Member;
  it('exports everything held about a member as JSON and CSV', async () => {
    member = await ok<Member>('members/create', { name: 'Erin Erasable', notes: 'left knee: no deep squats' });
    await ok('checkins/create', { memberId: member.id, sleep: 7, fatigue: 3, soreness: 2, energy: 8, painReported: true, painNote: 'left knee' });
    const files = await ok<ExportFile[]>('members/export', { memberId: member.id });
    const json = JSON.parse(files.find((f) => f.mediaType === 'application/json')!.content) as { member: { name: string }; checkIns: unknown[]; auditLog: unknown[] };
    expect(json.member.name).toBe('Erin Erasable');
    expect(json.checkIns).toHaveLength(1);
    expect(json.auditLog.length).toBeGreaterThanOrEqual(2);
    expect(files.map((f) => f.fileName)).toEqual(expect.arrayContaining([expect.stringMatching(/-sets\.csv$/), expect.stringMatching(/-checkins\.csv$/)]));
    expect(parse(files.find((f) => f.fileName.endsWith('-checkins.csv'))!.content, { columns: true })).toHaveLength(1);
  });

  it('erases a member on request: their rows go, their audit entries become unreadable, club totals stay', async () => {
    expect(await fails('members/erase', { memberId: member.id, confirmName: 'Someone Else' })).toMatchObject({ field: 'confirmName' });
    await ok('schedule/demo-setup', {});
    const attendance = host.store.sqlite.prepare('SELECT count(*) AS c FROM class_attendance').get() as { c: number };
    expect(attendance.c).toBeGreaterThan(0);
    const report = await ok<MemberErasureReport>('members/erase', { memberId: member.id, confirmName: 'erin erasable' });
    expect(report.removed).toMatchObject({ members: 1, check_ins: 1 });
    expect(report.auditEntriesSealed).toBeGreaterThanOrEqual(2);
    expect(await fails('members/get', { memberId: member.id })).toMatchObject({ reason: 'not_found' });
    const raw = host.store.sqlite.prepare('SELECT before, after FROM audit_log').all() as Array<{ before: string | null; after: string | null }>;
    expect(raw.some((r) => `${r.before}${r.after}`.includes('Erin') || `${r.before}${r.after}`.includes('knee'))).toBe(false);
    const entries = (await ok<AuditPage>('audit/list', { entity: 'member', entityId: String(member.id) })).entries;
    expect(entries.find((e) => e.action === 'member.create')?.after).toMatch(/erased/);
    expect(entries[0]).toMatchObject({ action: 'member.erase' });
    expect(host.store.sqlite.prepare('SELECT count(*) AS c FROM class_attendance').get()).toEqual(attendance);
    expect(existsSync(host.store.path)).toBe(true);
  });
});
