/** Club-wide settings by key. */
import { eq } from 'drizzle-orm';
import type { Db } from './open';
import { settings } from './schema';

export function getSetting(db: Db, key: string): unknown {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value ?? null;
}

export function putSetting(db: Db, key: string, value: unknown, staffId: number | null): void {
  const row = { key, value, updatedAt: new Date().toISOString(), updatedBy: staffId };
  db.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: row }).run();
}
