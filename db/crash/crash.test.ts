/**
 * Crash test: the writer is SIGKILLed at seeded random moments and the database must come back
 * sound with every reported commit complete. Two broken writers, a damaged file and a dangling
 * reference show that each check can fail.
 * About 30 s on 2 cores (most of it is starting ~165 node processes).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER } from '../open';
import { bundleWriter, type WriterBundle } from './child';
import { checkDatabase, runCrashTrials } from './harness';

let dir: string;
let bundle: WriterBundle;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-crash-'));
  bundle = await bundleWriter();
});
afterAll(() => {
  bundle?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('crash safety of the studio database', () => {
  it('loses no reported commit and half-writes nothing over 110 SIGKILLs', async () => {
    const report = await runCrashTrials({ dbPath: join(dir, 'atomic.db'), kills: 110, seed: 20240601, bundle });
    console.info('crash test (one transaction per seq):', JSON.stringify({ ...report, problems: report.problems.length }));
    expect(report.problems).toEqual([]);
    expect(report.kills).toBe(110);
    expect(report.rowsLost).toBe(0);
    expect(report.halfWritten).toBe(0);
    expect(report.integrityFailures).toBe(0);
    expect(report.committedChecked).toBeGreaterThan(0);
    // The kills land while it writes: many trials commit something first, many kills cut a
    // transaction. Idle, both are about 60 of 110; on a loaded machine the writer's start-up eats
    // into each trial's window and they fell to 54, so the floor is a third, not a half (a kill
    // that never reaches a write would give 0).
    expect(report.trialsWithNewCommits).toBeGreaterThan(report.kills / 3);
    expect(report.killsMidWrite).toBeGreaterThan(report.kills / 3);
  }, 120_000);

  it('catches half-written work when the writer splits a seq over three transactions', async () => {
    const report = await runCrashTrials({ dbPath: join(dir, 'split.db'), kills: 40, seed: 7, split: true, bundle });
    expect(report.halfWritten).toBeGreaterThan(0);
    expect(report.problems.some((p) => p.includes('half-written'))).toBe(true);
    // It reports only after the third transaction, so nothing reported goes missing, and SQLite stays sound.
    expect(report.rowsLost).toBe(0);
    expect(report.integrityFailures).toBe(0);
  }, 30_000);

  it('catches lost commits when the writer reports a seq before committing it', async () => {
    const report = await runCrashTrials({ dbPath: join(dir, 'early.db'), kills: 15, seed: 11, mode: 'report-early', bundle });
    expect(report.rowsLost).toBeGreaterThan(0);
    expect(report.problems.some((p) => /committed seq \d+ lacks/.test(p))).toBe(true);
    expect(report.halfWritten).toBe(0);
  }, 30_000);

  it('reports a damaged file as an integrity failure', () => {
    const dbPath = join(dir, 'damaged.db');
    const run = spawnSync(process.execPath, [bundle.file, dbPath, '--migrations', DEFAULT_MIGRATIONS_FOLDER, '--limit', '20']);
    expect(run.status, String(run.stderr)).toBe(0);
    expect(checkDatabase(dbPath).integrityProblem).toBeNull();
    // Garble the cells of the plans_member index: the crash queries never read it, so only
    // integrity_check can notice.
    const raw = new Database(dbPath);
    const { rootpage, pageSize } = raw.prepare("SELECT rootpage, (SELECT page_size FROM pragma_page_size) AS pageSize FROM sqlite_master WHERE name = 'plans_member'").get() as { rootpage: number; pageSize: number };
    raw.close();
    const fd = openSync(dbPath, 'r+');
    writeSync(fd, Buffer.alloc(pageSize / 2, 0x5a), 0, pageSize / 2, rootpage * pageSize - pageSize / 2);
    closeSync(fd);
    expect(checkDatabase(dbPath).integrityProblem).toMatch(/^integrity_check: /);
  });

  it('reports a dangling foreign key as an integrity failure', () => {
    const dbPath = join(dir, 'dangling.db');
    const run = spawnSync(process.execPath, [bundle.file, dbPath, '--migrations', DEFAULT_MIGRATIONS_FOLDER, '--limit', '1']);
    expect(run.status, String(run.stderr)).toBe(0);
    const raw = new Database(dbPath);
    raw.pragma('foreign_keys = OFF');
    raw.prepare('INSERT INTO plan_weeks (plan_id, week, is_deload, target_rir) VALUES (999999, 1, 0, 2)').run();
    raw.close();
    expect(checkDatabase(dbPath).integrityProblem).toBe('foreign_key_check: 1 dangling references');
  });
});
