/**
 * Backups and restore through SQLite's online backup API (better-sqlite3's `backup()`), which
 * copies a consistent snapshot page by page while the studio keeps working, and restores into
 * the live file under SQLite's own locks, so every open connection sees the restored data.
 *
 * Errors: `BackupError` with reason `exists`, `corrupt`, `newer_schema` or `not_a_studio`.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { DEFAULT_MIGRATIONS_FOLDER } from './open';
import * as schema from './schema';

export class BackupError extends Error {
  constructor(readonly reason: 'exists' | 'corrupt' | 'newer_schema' | 'not_a_studio', message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Writes a consistent copy of the open database to `target` (a new file); resolves to its size in bytes. */
export async function backupTo(sqlite: Database.Database, target: string): Promise<number> {
  mkdirSync(dirname(target), { recursive: true });
  if (existsSync(target)) throw new BackupError('exists', `the backup file ${target} already exists`);
  await sqlite.backup(target);
  // A copy is one self-contained file: no -wal or -shm beside it.
  const copy = new Database(target);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return statSync(target).size;
}

function knownMigrations(folder: string): number[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ when: number }> };
  return journal.entries.map((e) => e.when);
}

/**
 * Checks a backup before it is restored: `PRAGMA integrity_check` must say ok, it must be a
 * studio database, and its schema must not be newer than this code. Returns its schema version.
 */
export function checkBackup(path: string, migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): { schemaVersion: number } {
  let copy: Database.Database;
  try {
    copy = new Database(path, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new BackupError('corrupt', `the backup cannot be opened: ${(err as Error).message}`);
  }
  try {
    let result: unknown;
    try {
      result = copy.pragma('integrity_check', { simple: true });
    } catch (err) {
      throw new BackupError('corrupt', `the backup is damaged: ${(err as Error).message}`);
    }
    if (result !== 'ok') throw new BackupError('corrupt', `the backup is damaged: integrity_check says "${String(result).slice(0, 200)}"`);
    const table = copy.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
    if (!table) throw new BackupError('not_a_studio', 'the file is an SQLite database but not a Trainer Studio one');
    const applied = (copy.prepare('SELECT created_at AS at FROM __drizzle_migrations').all() as Array<{ at: number }>).map((r) => Number(r.at));
    const known = knownMigrations(migrationsFolder);
    if (applied.some((at) => !known.includes(at))) {
      throw new BackupError('newer_schema', `the backup has schema version ${applied.length}, newer than this studio's ${known.length}`);
    }
    return { schemaVersion: applied.length };
  } finally {
    copy.close();
  }
}

/**
 * Replaces the live database (open as `live`, at `livePath`) with the backup at `source`, then
 * brings its schema up to date. Check it with `checkBackup` and back up the live one first.
 * Returns the schema version after the restore.
 */
export async function restoreInto(live: Database.Database, livePath: string, source: string, migrationsFolder = DEFAULT_MIGRATIONS_FOLDER): Promise<number> {
  const copy = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await copy.backup(livePath);
  } finally {
    copy.close();
  }
  live.pragma('journal_mode = WAL');
  migrate(drizzle(live, { schema }), { migrationsFolder });
  return (live.prepare('SELECT count(*) AS c FROM __drizzle_migrations').get() as { c: number }).c;
}
