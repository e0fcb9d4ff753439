/**
 * For payment tests and the bench: an in-memory studio database with members, a class pack, a
 * drop-in and a membership plan, and (for booking credits) bare booking rows of one class.
 */
import { openDatabase, type StudioDatabase } from '../../../db/open';
import { createMember } from '../../../db/members';
import { insertProduct, type ProductRow } from '../../../db/payments';
import { insertScenario } from '../../../db/schedule';
import { getOccurrence, insertBooking, insertOccurrence } from '../../../db/classes';
import type { Db } from '../../../db/open';
import { DEFAULT_WEIGHTS } from '../../../engine/scheduler/types';

export interface PaymentsFixture { store: StudioDatabase; db: Db; members: number[]; pack: ProductRow; dropIn: ProductRow; plan: ProductRow; occurrenceId: number }

export function seedPayments(memberCount = 3): PaymentsFixture {
  const store = openDatabase(':memory:');
  const db = store.db;
  const members: number[] = [];
  for (let i = 1; i <= memberCount; i++) {
    members.push(createMember(db, { name: `Member ${i}`, goal: 'general_fitness', level: 'beginner', daysPerWeek: 3, sessionMinutes: 60, equipment: [], excludedMuscles: [],
      excludedPatterns: [], excludedExerciseIds: [], preferredUnit: 'kg' }).id);
  }
  const pack = insertProduct(db, { kind: 'pack', name: '10-class pack', amountMinor: 9000, currency: 'eur', credits: 10, intervalMonths: null, stripeProductId: null, stripePriceId: null, active: true });
  const dropIn = insertProduct(db, { kind: 'drop_in', name: 'Drop-in', amountMinor: 1200, currency: 'eur', credits: 1, intervalMonths: null, stripeProductId: null, stripePriceId: null, active: true });
  const plan = insertProduct(db, { kind: 'membership', name: 'Unlimited monthly', amountMinor: 5900, currency: 'eur', credits: null, intervalMonths: 1, stripeProductId: null, stripePriceId: null, active: true });
  const scenarioId = insertScenario(db, {
    weekStart: '2026-12-07', name: 'payments fixture', status: 'draft', createdBy: null, publishedAt: null, publishedBy: null, basedOnId: null, backend: 'jslp',
    solveStatus: 'feasible', solveS: 0, firstFeasibleS: 0, gapPct: null, weights: { ...DEFAULT_WEIGHTS }, demandSource: 'default', club: {}, demand: [], timetable: [], history: [], notes: [],
  } as never);
  const occurrenceId = insertOccurrence(db, { scenarioId, weekStart: '2026-12-07', classTypeId: 'hiit', className: 'HIIT', date: '2026-12-07', startMin: 1080, durationMin: 60,
    startsAt: '2026-12-07T17:00:00.000Z', endsAt: '2026-12-07T18:00:00.000Z', roomId: 'studio', trainerId: 'anna', capacity: 1000, predicted: null, status: 'scheduled' });
  return { store, db, members, pack, dropIn, plan, occurrenceId };
}

/** A bare booking row (no policy checks) for credit tests, in a class of its own (a copy of the fixture's). */
export function bareBooking(f: PaymentsFixture, memberId: number): number {
  const o = getOccurrence(f.db, f.occurrenceId)!;
  const { id: _id, createdAt: _c, ...copy } = o;
  const occurrenceId = insertOccurrence(f.db, copy);
  return insertBooking(f.db, { occurrenceId, memberId, status: 'booked', queuedAt: new Date().toISOString(), source: 'front_desk', createdBy: null }).id;
}
