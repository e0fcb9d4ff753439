/**
 * For tests and the bench: classes running now with members checked in, written straight to
 * the database (the booking flow is the classes feature's, tested there).
 */
import type { StudioDatabase } from '../../db/open';
import { insertBooking, insertOccurrence } from '../../db/classes';
import { createMember } from '../../db/members';
import { insertScenario } from '../../db/schedule';

export interface SeededClasses { occurrenceIds: number[]; membersOf: Map<number, number[]> }

/**
 * `classes` occurrences from `startsAt` for 45 min, each with `members` members checked in
 * (born 1986 and later, resting 50–66 bpm; every third one has an observed maximum of 185 bpm).
 */
export function seedRunningClasses(store: StudioDatabase, o: { classes: number; members: number; startsAt: Date; nicknames?: boolean }): SeededClasses {
  const db = store.db;
  const scenarioId = insertScenario(db, {
    weekStart: '2026-11-30', name: 'Live test week', status: 'draft', backend: 'test', solveStatus: 'optimal', weights: {},
    demandSource: 'none', club: {}, demand: {}, timetable: [], history: [], notes: [],
  });
  const occurrenceIds: number[] = [];
  const membersOf = new Map<number, number[]>();
  const startsAt = o.startsAt.toISOString();
  const endsAt = new Date(o.startsAt.getTime() + 45 * 60_000).toISOString();
  let n = 0;
  for (let c = 0; c < o.classes; c += 1) {
    const occ = insertOccurrence(db, {
      scenarioId, weekStart: '2026-11-30', classTypeId: 'hiit', className: `HIIT ${String(c + 1)}`, date: startsAt.slice(0, 10),
      startMin: o.startsAt.getUTCHours() * 60 + o.startsAt.getUTCMinutes(), durationMin: 45, startsAt, endsAt,
      roomId: `room-${String(c + 1)}`, trainerId: 't', capacity: o.members + 5, predicted: o.members,
    });
    occurrenceIds.push(occ);
    const ids: number[] = [];
    for (let m = 0; m < o.members; m += 1) {
      n += 1;
      const member = createMember(db, {
        name: `Live Member ${String(n)}`, goal: 'general_fitness', level: 'beginner', daysPerWeek: 3, sessionMinutes: 45,
        equipment: [], excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [], preferredUnit: 'kg',
        birthYear: 1986 + (n % 20), restingHrBpm: 50 + (n % 17), maxHrBpm: n % 3 === 0 ? 185 : null,
        nickname: o.nicknames ? `Runner ${String(n)}` : null,
      });
      insertBooking(db, { occurrenceId: occ, memberId: member.id, status: 'checked_in', queuedAt: startsAt, checkedInAt: startsAt, source: 'front_desk' });
      ids.push(member.id);
    }
    membersOf.set(occ, ids);
  }
  return { occurrenceIds, membersOf };
}
