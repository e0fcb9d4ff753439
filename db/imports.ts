/** The record of each import run: file, checksum, who ran it and its report. */
import { eq } from 'drizzle-orm';
import type { Db } from './open';
import { importRuns } from './schema';

export function recordImportRun(db: Db, run: {
  kind: string; fileName: string; fileSha256: string; memberId: number | null; staffId: number | null; report: unknown;
}): number {
  return db.insert(importRuns).values(run).returning({ id: importRuns.id }).get().id;
}

export function updateImportReport(db: Db, id: number, report: unknown): void {
  db.update(importRuns).set({ report }).where(eq(importRuns.id, id)).run();
}
