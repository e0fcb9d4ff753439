/** Queries and mutations of the exercise library and of imported-name mappings. */
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Exercise } from '../engine/types';
import type { Db } from './open';
import { exerciseNameMap, exercises, setLogs } from './schema';

type Row = typeof exercises.$inferSelect;

function toExercise(r: Row): Exercise {
  return {
    id: r.id, name: r.name, aliases: r.aliases,
    primaryMuscles: r.primaryMuscles as Exercise['primaryMuscles'],
    secondaryMuscles: r.secondaryMuscles as Exercise['secondaryMuscles'],
    equipment: r.equipment as Exercise['equipment'],
    level: r.level as Exercise['level'],
    mechanic: r.mechanic as Exercise['mechanic'],
    force: r.force as Exercise['force'],
    pattern: r.pattern as Exercise['pattern'],
    substitutionGroup: r.substitutionGroup, category: r.category,
    source: r.source as Exercise['source'], sourceId: r.sourceId, instructions: r.instructions,
  };
}

/**
 * Inserts new exercises and updates existing ones by id, in one transaction.
 * Returns how many were created and how many updated (re-importing never duplicates).
 */
export function upsertExercises(db: Db, list: readonly Exercise[]): { created: number; updated: number } {
  return db.transaction((tx) => {
    const ids = new Set(tx.select({ id: exercises.id }).from(exercises).all().map((r) => r.id));
    let created = 0;
    let updated = 0;
    const stamp = new Date().toISOString();
    for (const e of list) {
      const values = { ...e, updatedAt: stamp };
      if (ids.has(e.id)) {
        tx.update(exercises).set(values).where(eq(exercises.id, e.id)).run();
        updated++;
      } else {
        tx.insert(exercises).values(values).run();
        ids.add(e.id);
        created++;
      }
    }
    return { created, updated };
  });
}

export function allExercises(db: Db): Exercise[] {
  return db.select().from(exercises).orderBy(asc(exercises.name)).all().map(toExercise);
}

export function countExercises(db: Db): number {
  return db.select({ c: sql<number>`count(*)` }).from(exercises).get()?.c ?? 0;
}

/** A token that changes whenever the library changes: its size and latest update time. */
export function exercisesVersion(db: Db): string {
  const r = db.select({ c: sql<number>`count(*)`, at: sql<string | null>`max(${exercises.updatedAt})` }).from(exercises).get();
  return `${r?.c ?? 0}@${r?.at ?? ''}`;
}

/** Exercises whose name or aliases contain `query` (case-insensitive), builtin first. */
export function searchExercises(db: Db, query: string | undefined, limit: number): Exercise[] {
  const q = query?.trim();
  const where = q ? or(like(exercises.name, `%${q}%`), like(exercises.aliases, `%${q}%`)) : undefined;
  return db.select().from(exercises).where(where)
    .orderBy(sql`${exercises.source} != 'builtin'`, asc(exercises.name))
    .limit(limit).all().map(toExercise);
}

export function getExercises(db: Db, ids: readonly string[]): Map<string, Exercise> {
  if (ids.length === 0) return new Map();
  const rows = db.select().from(exercises).where(inArray(exercises.id, [...ids])).all();
  return new Map(rows.map((r) => [r.id, toExercise(r)]));
}

/** Stored mappings of names from `source` (e.g. 'strong') to exercise ids. */
export function nameMappings(db: Db, source: string): Map<string, { exerciseId: string; method: string }> {
  const rows = db.select().from(exerciseNameMap).where(eq(exerciseNameMap.source, source)).all();
  return new Map(rows.map((r) => [r.name, { exerciseId: r.exerciseId, method: r.method }]));
}

/**
 * Records that `name` from `source` means `exerciseId`, and points every stored set logged
 * under that name at it. Returns the number of sets updated.
 */
export function mapExerciseName(db: Db, source: string, name: string, exerciseId: string, method: string): number {
  return db.transaction((tx) => {
    tx.insert(exerciseNameMap).values({ source, name, exerciseId, method })
      .onConflictDoUpdate({ target: [exerciseNameMap.source, exerciseNameMap.name], set: { exerciseId, method } })
      .run();
    const res = tx.update(setLogs).set({ exerciseId })
      .where(and(eq(setLogs.exerciseName, name), eq(setLogs.source, source))).run();
    return res.changes;
  });
}

/**
 * Records an automatic mapping of `name` from `source` during an import, and points the sets of
 * that one member logged under the name at it (through the member's index, so an import does not
 * scan every member's sets once per name). The import's own sets get the id as they are inserted.
 * Returns the number of sets updated.
 */
export function recordImportMapping(db: Db, source: string, name: string, exerciseId: string, method: string, memberId: number): number {
  db.insert(exerciseNameMap).values({ source, name, exerciseId, method })
    .onConflictDoUpdate({ target: [exerciseNameMap.source, exerciseNameMap.name], set: { exerciseId, method } })
    .run();
  return db.update(setLogs).set({ exerciseId })
    .where(and(eq(setLogs.memberId, memberId), eq(setLogs.exerciseName, name), eq(setLogs.source, source))).run().changes;
}
