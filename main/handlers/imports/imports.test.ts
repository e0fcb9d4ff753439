/**
 * Workout-app imports end to end: every shared export (and the Chinese Strong export) through the
 * real CLI (`studio import FILE --json`, the op in its worker), and the guarantees of the one
 * import path through the host: bad files store nothing and name line and field, re-imports add
 * nothing, the preview stores nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SHARED_EXPORTS, SHARED_EXPORTS_DIR } from '../../../engine/imports/shared-exports';
import type { HistoryImportReport, ImportPreview } from '../../contract/index';
import { buildProgram } from '../../cli/index';
import type { Caller } from '../../host/context';
import type { Host } from '../../host/host';
import { createTestHost } from '../../host/testkit';

const DIR = resolve(SHARED_EXPORTS_DIR);
const CHINESE_STRONG = resolve('../shared/data/logs/strong-export-dericmei/strong.csv');

function sharedPath(file: string): string {
  const full = join(DIR, file);
  if (!existsSync(full)) throw new Error(`The shared export ${full} is missing: these tests read ../shared/data/logs/exports beside the repository.`);
  return full;
}

let dir: string;
let dbPath: string;

/** Runs `studio --db DB --json ARGS…` in this process; returns the JSON it printed and the exit code. */
async function cli(args: string[]): Promise<{ value: unknown; exitCode: number }> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: unknown) => { lines.push(String(line)); });
  const before = process.exitCode;
  process.exitCode = 0;
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'studio', '--db', dbPath, '--json', ...args]);
    return { value: JSON.parse(lines.join('\n')) as unknown, exitCode: Number(process.exitCode ?? 0) };
  } finally {
    spy.mockRestore();
    process.exitCode = before;
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-imports-'));
  dbPath = join(dir, 'studio.db');
  const { host } = await createTestHost(dbPath);
  host.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('studio import FILE --json: every shared export', () => {
  it.each(SHARED_EXPORTS.map((e) => [e.file, e] as const))('%s: imported, every row accounted for, the unit as the file states', async (file, e) => {
    const { value, exitCode } = await cli(['import', sharedPath(file), '--member', file.split('/')[0]!]);
    expect(exitCode).toBe(0);
    const r = value as HistoryImportReport;
    const skipped = r.skipped.reduce((n, s) => n + s.count, 0);
    expect(r.detection).toMatchObject({ format: e.format, layout: e.layout });
    expect(r.setsStored + r.duplicates + r.rejected.length + skipped).toBe(r.rowsTotal);
    expect(r.setsStored).toBe(e.stored);
    expect(r.rejected.length + r.setsStored).toBe(e.setRows);
    expect(r.sessions).toBe(e.sessions);
    expect([r.unit, r.unitSource]).toEqual([e.unit, e.unitSource]);
    expect(r.timeNote).toMatch(/club/);
  }, 60_000);

  it('the Chinese Strong export too, and re-importing it adds nothing', async () => {
    const first = (await cli(['import', CHINESE_STRONG, '--member', 'Deric Mei'])).value as HistoryImportReport;
    expect(first.detection).toMatchObject({ format: 'strong', language: 'zh' });
    expect(first.setsStored + first.rejected.length).toBe(6778);
    expect(first.unit).toBe('lb');
    const again = (await cli(['import', 'strong', CHINESE_STRONG, '--member', 'Deric Mei'])).value as HistoryImportReport;
    expect(again.setsStored).toBe(0);
    expect(again.duplicates).toBe(first.setsStored);
  }, 60_000);

  it('--preview prints the recognition, the unit decision and the first sets, and stores nothing', async () => {
    const { value } = await cli(['import', '--preview', '--unit', 'kg', sharedPath('SIERRA711__workout-analysis/workout_data.csv')]);
    const p = value as ImportPreview;
    expect(p.detection?.layout).toBe('Hevy in lb (weight_lbs)');
    expect([p.unit, p.unitSource]).toEqual(['kg', 'option']);
    expect(p.firstRows).toHaveLength(20);
    expect(p.firstRows[0]).toMatchObject({ exerciseName: 'Leg Extension (Machine)', loadKg: 230, reps: 10 });
  }, 60_000);

  it('refuses a file of an unknown app with the header it saw, exit code 1', async () => {
    const { value, exitCode } = await cli(['import', resolve('../shared/data/logs/strong-export-dericmei/data_toSQL.csv')]);
    expect(exitCode).toBe(1);
    expect(value).toMatchObject({ ok: false, error: { reason: 'import_failed', field: 'file' } });
    expect((value as { error: { message: string } }).error.message).toContain('Header seen: "date", "excercise_name", "set_num", "weight", "rep"');
  }, 60_000);
});

describe('imports/history and imports/preview through the host', () => {
  let host: Host;
  let caller: Caller;
  beforeAll(async () => {
    ({ host, manager: caller } = await createTestHost(join(dir, 'host.db'), { workers: false }));
  });
  afterAll(() => host.close());

  const setCount = () => (host.store.sqlite.prepare('SELECT count(*) AS c FROM set_logs').get() as { c: number }).c;
  const HEVY = 'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe';
  const row = (i: number, weight = '100') => `Legs,"12 Nis 2024, 18:30","12 Nis 2024, 19:30",,Squat (Barbell),,,${String(i)},normal,${weight},5,,,8`;

  it.each([
    ['a truncated file', `${HEVY}\n${row(0)}\n${row(1).slice(0, row(1).indexOf(',,,1'))}`, /line 3, row: expected 14 fields like the header, found 5/, 'row'],
    ['a wrong delimiter', HEVY.replaceAll(',', '|') + `\n${row(0).replaceAll(',', '|')}`, /Header seen: "title\|start_time/, 'file'],
    ['a file from an unknown app', 'day,lift,kilos\n2024-01-01,squat,100', /Not an export this studio knows.*Formats known: Strong/, 'file'],
    ['text where a number belongs', `${HEVY}\n${row(0)}\n${row(1, 'heavy')}`, /line 3, weight: weight_kg "heavy" is not a number/, 'weight'],
  ])('%s: a clear error naming line and field, nothing stored', async (_label, content, message, field) => {
    const before = setCount();
    const env = await host.call('imports/history', { fileName: 'bad.csv', content, memberName: 'Bad File' }, caller);
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.reason).toBe('import_failed');
    expect(env.error.field).toBe(field);
    expect(env.error.message).toMatch(message);
    expect(env.error.message).toContain('nothing was stored');
    expect(setCount()).toBe(before);
    expect((await host.call('members/list', { query: 'Bad File' }, caller))).toMatchObject({ ok: true, value: [] });
  });

  it('the preview shows what would be stored and stores nothing; the import then stores it, RPE kept beside RIR', async () => {
    const content = [HEVY, row(0), row(1), row(2)].join('\n');
    const before = setCount();
    const env = await host.call('imports/preview', { fileName: 'legs.csv', content }, caller);
    expect(env.ok).toBe(true);
    const p = (env as { value: ImportPreview }).value;
    expect(p.detection).toMatchObject({ format: 'hevy', layout: 'Hevy in kg (weight_kg)' });
    expect(p.firstRows[0]).toMatchObject({ startedAt: '2024-04-12T18:30:00', loadKg: 100, reps: 5, rpe: 8, rir: 2, rirSource: 'rpe' });
    expect(setCount()).toBe(before);
    const report = await host.call('imports/history', { fileName: 'legs.csv', content, memberName: 'Legs Lifter' }, caller);
    expect(report).toMatchObject({ ok: true, value: { setsStored: 3, detection: { format: 'hevy' } } });
    const stored = host.store.sqlite.prepare("SELECT rpe, rir, source FROM set_logs WHERE source = 'hevy'").all();
    expect(stored).toEqual([{ rpe: 8, rir: 2, source: 'hevy' }, { rpe: 8, rir: 2, source: 'hevy' }, { rpe: 8, rir: 2, source: 'hevy' }]);
  });

  it('the preview of an unknown file is a refusal, not an error', async () => {
    const env = await host.call('imports/preview', { fileName: 'x.csv', content: 'a,b\n1,2' }, caller);
    expect(env).toMatchObject({ ok: true, value: { detection: null, errorCount: 1 } });
  });

  it('reads zone-less times as the club zone and says so', async () => {
    const content = [HEVY, row(0)].join('\n');
    const env = await host.call('imports/preview', { fileName: 'legs.csv', content }, caller);
    expect(env).toMatchObject({ ok: true, value: { timeZone: 'UTC', timeNote: '1 rows have no zone and were read as club time (UTC).' } });
  });
});
