/**
 * Every migration from 0001 on, one step at a time, on rows: the database is opened as the
 * release before the migration left it, rows are written to every data table that exists then
 * (members, staff, the audit log, exercises, sessions and sets, a plan down to a prescription,
 * plus the tables earlier migrations created that later ones reference: settings, check-ins,
 * recommendations), the migration runs, and every row must come back with the same values, the
 * migration's new columns at their declared defaults, and no broken foreign key.
 * Migration-specific behaviour (sync triggers, coach tables, heart profile, home inventory) has
 * its own tests beside this one.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { DEFAULT_MIGRATIONS_FOLDER, openDatabase } from './open';
import { migrationsUpTo, useTempDirs } from './migration-testkit';

const tempDir = useTempDirs('studio-migrate-rows-');
const JOURNAL = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };

type Row = Record<string, unknown>;

function tables(sqlite: Database.Database): Set<string> {
  return new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as Array<{ name: string }>).map((r) => r.name));
}

/** Inserts one row into each data table present (by its columns at this version); returns what was written, by table. */
function seed(sqlite: Database.Database, version: number): Map<string, Row[]> {
  const have = tables(sqlite);
  const tag = `v${String(version)}`;
  const run = (sql: string, ...args: unknown[]) => sqlite.prepare(sql).run(...args);
  run("INSERT INTO staff (name, role) VALUES (?, 'trainer')", `Tess ${tag}`);
  run("INSERT INTO members (name, goal, level, days_per_week, session_minutes, equipment, excluded_muscles, excluded_patterns, excluded_exercise_ids, preferred_unit, body_mass_kg, notes) VALUES (?, 'strength', 'beginner', 3, 60, '[\"barbell\"]', '[]', '[\"hinge\"]', '[]', 'lb', 81.5, 'knee ok')", `Ana ${tag}`);
  const memberId = (sqlite.prepare('SELECT max(id) AS id FROM members').get() as { id: number }).id;
  run("INSERT INTO exercises (id, name, aliases, primary_muscles, secondary_muscles, equipment, level, mechanic, force, pattern, substitution_group, category, source, instructions) VALUES (?, 'Test Squat', '[]', '[\"quadriceps\"]', '[]', 'barbell', 'beginner', 'compound', 'push', 'squat', 'squat', 'strength', 'custom', '[]')", `test-squat-${tag}`);
  run("INSERT INTO workout_sessions (member_id, started_at, name, source) VALUES (?, '2024-01-02T10:00:00Z', 'Legs', 'manual')", memberId);
  const sessionId = (sqlite.prepare('SELECT max(id) AS id FROM workout_sessions').get() as { id: number }).id;
  run("INSERT INTO set_logs (workout_session_id, member_id, exercise_id, exercise_name, set_index, load_kg, reps, rir, performed_at, source) VALUES (?, ?, ?, 'Test Squat', 1, 100, 5, 2, '2024-01-02T10:05:00Z', 'manual')", sessionId, memberId, `test-squat-${tag}`);
  run("INSERT INTO plans (member_id, name, status, generated_by, goal, level, split, days_per_week, session_minutes, notes) VALUES (?, 'Block', 'draft', 'ai', 'strength', 'beginner', 'full_body', 3, 60, '[]')", memberId);
  const planId = (sqlite.prepare('SELECT max(id) AS id FROM plans').get() as { id: number }).id;
  run('INSERT INTO plan_weeks (plan_id, week, is_deload, target_rir) VALUES (?, 1, 0, 3)', planId);
  const weekId = (sqlite.prepare('SELECT max(id) AS id FROM plan_weeks').get() as { id: number }).id;
  run("INSERT INTO plan_sessions (plan_week_id, day, name, estimated_minutes) VALUES (?, 1, 'Day 1', 55)", weekId);
  const psId = (sqlite.prepare('SELECT max(id) AS id FROM plan_sessions').get() as { id: number }).id;
  run("INSERT INTO prescriptions (plan_session_id, position, exercise_id, sets, rep_min, rep_max, target_rir, load_kg, rest_s, is_calibration, reason) VALUES (?, 1, ?, 3, 5, 8, 2, 92.5, 180, 0, 'from history')", psId, `test-squat-${tag}`);
  run("INSERT INTO audit_log (actor_staff_id, action, entity, entity_id, after) VALUES (NULL, 'test.seed', 'member', ?, '{\"v\":1}')", String(memberId));
  if (have.has('settings')) run("INSERT INTO settings (key, value) VALUES (?, '{\"a\":1}')", `test.${tag}`);
  if (have.has('check_ins')) run("INSERT INTO check_ins (member_id, at, sleep, fatigue, soreness, energy, pain_reported, illness) VALUES (?, '2024-01-02T09:00:00Z', 7, 3, 2, 8, 0, 0)", memberId);
  if (have.has('recommendations')) run("INSERT INTO recommendations (member_id, exercise_id, type, body, safety_status, overrides, rule_state, status) VALUES (?, ?, 'increase_weight', '{}', 'pass', '[]', '{}', 'pending')", memberId, `test-squat-${tag}`);
  const out = new Map<string, Row[]>();
  for (const t of tables(sqlite)) out.set(t, sqlite.prepare(`SELECT * FROM \`${t}\` ORDER BY rowid`).all() as Row[]);
  return out;
}

/** The value SQLite gives a column added with `dflt` (PRAGMA table_info's text), or `undefined` for a time default. */
function defaultOf(dflt: string | null): unknown {
  if (dflt === null) return null;
  if (dflt === 'false') return 0;
  if (dflt === 'true') return 1;
  if (/^-?\d+(\.\d+)?$/.test(dflt)) return Number(dflt);
  if (/^'.*'$/.test(dflt)) return dflt.slice(1, -1).replace(/''/g, "'");
  return undefined;
}

describe('every migration keeps the rows of the tables it touches', () => {
  const steps = JOURNAL.entries.map((e, i) => ({ tag: e.tag, before: i })).filter((s) => s.before >= 1);
  it('covers every migration after the foundation', () => {
    expect(steps.map((s) => s.tag)).toEqual(JOURNAL.entries.slice(1).map((e) => e.tag));
    expect(steps.length).toBeGreaterThanOrEqual(12);
  });

  it.each(steps)('$tag: rows written before it are there after it, new columns at their defaults', ({ before }) => {
    const dir = tempDir();
    const path = join(dir, 'studio.db');
    const old = openDatabase(path, { migrationsFolder: migrationsUpTo(join(dir, 'a'), before) });
    expect(old.schemaVersion).toBe(before);
    const written = seed(old.sqlite, before);
    old.close();
    const next = openDatabase(path, { migrationsFolder: migrationsUpTo(join(dir, 'b'), before + 1) });
    expect(next.schemaVersion).toBe(before + 1);
    for (const [table, rows] of written) {
      if (rows.length === 0) continue;
      const cols = next.sqlite.prepare(`PRAGMA table_info(\`${table}\`)`).all() as Array<{ name: string; dflt_value: string | null }>;
      expect(cols.length, `${table} is gone`).toBeGreaterThan(0);
      const now = next.sqlite.prepare(`SELECT * FROM \`${table}\` ORDER BY rowid`).all() as Row[];
      expect(now.length, table).toBe(rows.length);
      rows.forEach((row, i) => {
        const after = now[i]!;
        for (const [k, v] of Object.entries(row)) expect(after[k], `${table}.${k}`).toEqual(v);
        for (const c of cols) {
          if (c.name in row) continue;
          const want = defaultOf(c.dflt_value);
          if (want !== undefined) expect(after[c.name], `${table}.${c.name} (new)`).toEqual(want);
        }
      });
    }
    expect(next.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    next.close();
  });
});
