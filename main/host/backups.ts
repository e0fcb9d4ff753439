/**
 * The studio's backups: one folder beside the database (`<db name>-backups/`), files named
 * `studio-<UTC time>-<kind>.db`, the newest N kept (`backup.keep`, default 14). A daily backup
 * is made while the studio runs (`startDailyBackups`); managers can make one any time and
 * restore one. The folder is the studio's choice, never the caller's.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupTo } from '../../db/backup';
import type { StudioDatabase } from '../../db/open';
import { getSetting } from '../../db/settings';
import { recordAudit } from '../../db/audit';
import type { BackupView } from '../contract/index';

export const BACKUP_KEEP_KEY = 'backup.keep';
export const DEFAULT_BACKUP_KEEP = 14;
const DAY_MS = 86_400_000;
const NAME = /^studio-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-(daily|manual|before-restore)\.db$/;

export function backupFolder(dbPath: string): string {
  return join(dirname(dbPath), `${basename(dbPath).replace(/\.db$/, '')}-backups`);
}

export function backupKeep(store: StudioDatabase): number {
  const v = getSetting(store.db, BACKUP_KEEP_KEY);
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : DEFAULT_BACKUP_KEEP;
}

/** The backups in the folder, newest first (files of other names are ignored). */
export function listBackups(dbPath: string): BackupView[] {
  const folder = backupFolder(dbPath);
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((fileName) => {
    const m = NAME.exec(fileName);
    if (!m) return [];
    const at = m[1]!.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
    return [{ fileName, bytes: statSync(join(folder, fileName)).size, at, kind: m[2] as BackupView['kind'] }];
  }).sort((a, b) => b.at.localeCompare(a.at) || b.fileName.localeCompare(a.fileName));
}

/** The path of a listed backup, or null (a name that is not one of ours is never resolved). */
export function backupPath(dbPath: string, fileName: string): string | null {
  return listBackups(dbPath).some((b) => b.fileName === fileName) ? join(backupFolder(dbPath), fileName) : null;
}

/** Makes a backup of `kind` at `now`, then deletes all but the newest `keep`. */
export async function makeBackup(store: StudioDatabase, kind: BackupView['kind'], now: Date): Promise<BackupView> {
  let at = now;
  let fileName = `studio-${at.toISOString().replace(/[:.]/g, '-')}-${kind}.db`;
  // Two backups within the same millisecond: the second one moves on by a millisecond.
  while (existsSync(join(backupFolder(store.path), fileName))) {
    at = new Date(at.getTime() + 1);
    fileName = `studio-${at.toISOString().replace(/[:.]/g, '-')}-${kind}.db`;
  }
  const bytes = await backupTo(store.sqlite, join(backupFolder(store.path), fileName));
  pruneBackups(store.path, backupKeep(store), fileName);
  return { fileName, bytes, at: at.toISOString(), kind };
}

/** Deletes all but the newest `keep` backups (never `protect`); returns the names deleted. */
export function pruneBackups(dbPath: string, keep: number, protect?: string): string[] {
  const old = listBackups(dbPath).filter((b) => b.fileName !== protect).slice(Math.max(0, keep - (protect ? 1 : 0)));
  for (const b of old) rmSync(join(backupFolder(dbPath), b.fileName), { force: true });
  return old.map((b) => b.fileName);
}

/** Makes the daily backup when the newest daily one is a day old or missing; returns it or null. */
export async function dailyBackupTick(store: StudioDatabase, now: Date): Promise<BackupView | null> {
  const last = listBackups(store.path).find((b) => b.kind === 'daily');
  if (last && now.getTime() - Date.parse(last.at) < DAY_MS) return null;
  const made = await makeBackup(store, 'daily', now);
  recordAudit(store.db, { actorStaffId: null, via: 'system', action: 'system.backup', entity: 'backup', entityId: made.fileName, after: made });
  return made;
}

/** Checks every hour (and once now); returns a function that stops it. */
export function startDailyBackups(store: StudioDatabase, now: () => Date = () => new Date()): () => void {
  const tick = () => {
    dailyBackupTick(store, now()).then((b) => {
      if (b) console.log(`[studio] daily backup ${b.fileName} (${Math.round(b.bytes / 1024)} KB)`);
    }).catch((err: unknown) => console.error('[studio] the daily backup failed:', err));
  };
  tick();
  const timer = setInterval(tick, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
