/**
 * Helpers of the migration tests: temporary folders removed after each test, and a copy of the
 * migrations folder cut short, to open a database as an older release left it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER } from './open';

/** Registers an `afterEach` that removes every folder made; returns the maker (`prefix` names them under the OS temp folder). */
export function useTempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}

/**
 * Copies the migrations folder into `parentDir/migrations` keeping only the journal entries before
 * `upTo`: a count (the first `upTo` entries), or a tag or the end of one (`'0006_staff_sign_in'`,
 * `'_coach'`: every entry before the first that matches). Returns the copy's path.
 * Throws when a tag matches no entry, so a renamed migration cannot make a test open the newest schema unnoticed.
 */
export function migrationsUpTo(parentDir: string, upTo: number | string): string {
  const dir = join(parentDir, 'migrations');
  cpSync(DEFAULT_MIGRATIONS_FOLDER, dir, { recursive: true });
  const path = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: Array<{ tag: string }> };
  const count = typeof upTo === 'number' ? upTo : journal.entries.findIndex((e) => e.tag === upTo || e.tag.endsWith(upTo));
  if (count < 0) throw new Error(`migrationsUpTo: no migration tagged ${String(upTo)}`);
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(path, JSON.stringify(journal));
  return dir;
}
