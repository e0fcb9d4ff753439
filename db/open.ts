/**
 * Opens the studio database: WAL, foreign keys, a busy timeout and synchronous=NORMAL; applies
 * the committed drizzle-kit migrations, taking a backup first; refuses a database whose schema
 * is newer than this code.
 *
 * Errors: `DatabaseError` with reason `newer_schema` or `migration_failed`.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export interface StudioDatabase {
  db: Db;
  sqlite: Database.Database;
  path: string;
  /** Number of migrations applied = the schema version. */
  schemaVersion: number;
  /** The backup written before migrating, if one was needed. */
  backupPath: string | null;
  close(): void;
}

export class DatabaseError extends Error {
  constructor(readonly reason: 'newer_schema' | 'migration_failed', message: string) {
    super(message);
    this.name = 'DatabaseError';
  }
}

export const DEFAULT_MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

interface JournalEntry { idx: number; when: number; tag: string }

function readJournal(folder: string): JournalEntry[] {
  const raw = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return raw.entries;
}

function appliedMigrations(sqlite: Database.Database): number[] {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'")
    .get();
  if (!table) return [];
  return (sqlite.prepare('SELECT created_at AS at FROM __drizzle_migrations ORDER BY created_at').all() as { at: number }[])
    .map((r) => Number(r.at));
}

function backupName(path: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${path}.v${fromVersion}-${stamp}.bak`;
}

/**
 * Opens (creating when missing) the database at `path`. `':memory:'` is allowed for tests.
 * Options: `migrationsFolder` (default: db/migrations beside this file).
 */
export function openDatabase(path: string, options: { migrationsFolder?: string } = {}): StudioDatabase {
  const folder = options.migrationsFolder ?? DEFAULT_MIGRATIONS_FOLDER;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const existed = path !== ':memory:' && existsSync(path);
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const known = readJournal(folder);
  const applied = appliedMigrations(sqlite);
  const newest = known.at(-1)?.when ?? 0;
  const unknown = applied.filter((at) => at > newest || !known.some((k) => k.when === at));
  if (unknown.length > 0) {
    sqlite.close();
    throw new DatabaseError(
      'newer_schema',
      `the database at ${path} has schema version ${applied.length}, newer than this studio's ${known.length}; ` +
        'update Trainer Studio before opening it',
    );
  }
  let backupPath: string | null = null;
  if (existed && applied.length > 0 && applied.length < known.length) {
    backupPath = backupName(path, applied.length);
    sqlite.prepare('VACUUM INTO ?').run(backupPath);
  }
  const db = drizzle(sqlite, { schema });
  try {
    migrate(db, { migrationsFolder: folder });
  } catch (err) {
    sqlite.close();
    const where = backupPath ? ` A backup from before the migration is at ${backupPath}.` : '';
    throw new DatabaseError('migration_failed', `migrating ${path} failed: ${(err as Error).message}.${where}`);
  }
  return {
    db, sqlite, path, backupPath,
    schemaVersion: appliedMigrations(sqlite).length,
    close: () => sqlite.close(),
  };
}

export { schema };
