/**
 * Building the answer to a phone's pull (engine/sync/pull.ts has the shape). Read in one
 * transaction, so the cursor and the sections agree. A cursor ahead of the studio's newest
 * change (a studio restored from a backup) is answered with a full resync (`reset: true`).
 */
import { memberBookings, occurrencesBetween, placesTaken } from '../../db/classes';
import type { Db } from '../../db/open';
import { listPlanHeaders, planTree } from '../../db/plans';
import { inTransaction, fastLatestKindSeq, fastChangedKinds, fastLatestSeq, fastLogVersionsSince, fastMember, fastRejectedOps, type DeviceRow } from '../../db/sync';
import { mondayOf } from '../../engine/e1rm/dates';
import type { PulledBooking, PulledClass, PulledPlan, PullResponse } from '../../engine/sync/pull';
import type { SetLogPayload } from '../../engine/sync/ops';
import type { z } from 'zod';
import { StudioError } from '../contract/errors';
import { bookingsOf } from '../../db/classes';

const DAY_MS = 86_400_000;

/** The member's approved (or active) plan as the phone needs it; null when there is none. */
export function pulledPlan(db: Db, memberId: number): PulledPlan | null {
  const header = listPlanHeaders(db, { memberId }).find((p) => (p.status === 'approved' || p.status === 'active') && p.approvedAt);
  if (!header) return null;
  const tree = planTree(db, header.id);
  return {
    id: header.id, name: header.name, approvedAt: header.approvedAt!, startsOn: mondayOf(Date.parse(header.approvedAt!)), daysPerWeek: header.daysPerWeek,
    sessions: tree.weeks.flatMap((w) => w.sessions.map((s) => ({
      id: s.id, week: w.week, day: s.day, name: s.name, estimatedMinutes: s.estimatedMinutes,
      prescriptions: s.prescriptions.map((p) => ({
        id: p.id, order: p.order, exerciseId: p.exerciseId, exerciseName: p.exerciseName, sets: p.sets, repMin: p.repMin, repMax: p.repMax,
        targetRir: p.targetRir, loadKg: p.loadKg, restS: p.restS, isCalibration: p.isCalibration,
      })),
    }))),
  };
}

function timetable(db: Db, now: Date): PulledClass[] {
  return occurrencesBetween(db, new Date(now.getTime() - DAY_MS).toISOString(), new Date(now.getTime() + 14 * DAY_MS).toISOString())
    .map((o) => ({ occurrenceId: o.id, className: o.className, startsAt: o.startsAt, endsAt: o.endsAt, capacity: o.capacity, booked: placesTaken(db, o.id), status: o.status }));
}

function bookings(db: Db, memberId: number, now: Date): PulledBooking[] {
  return memberBookings(db, memberId, new Date(now.getTime() - DAY_MS).toISOString()).map(({ booking, occurrence }) => {
    let position: number | null = null;
    if (booking.status === 'waitlisted') {
      const waiting = bookingsOf(db, occurrence.id).filter((b) => b.status === 'waitlisted');
      position = waiting.findIndex((b) => b.id === booking.id) + 1 || null;
    }
    return { occurrenceId: occurrence.id, status: booking.status, waitlistPosition: position, queuedAt: booking.queuedAt };
  });
}

/** The pulled plan per member, kept while no plan change about the member is newer (first pulls of many phones). */
const planCache = new WeakMap<object, Map<number, { seq: number; plan: PulledPlan | null }>>();
function cachedPlan(db: Db, memberId: number): PulledPlan | null {
  const seq = fastLatestKindSeq(db, memberId, 'plan');
  const key = (db as unknown as { $client?: object }).$client ?? db;
  let map = planCache.get(key);
  if (!map) planCache.set(key, (map = new Map()));
  const hit = map.get(memberId);
  if (hit && hit.seq === seq && seq > 0) return hit.plan;
  const plan = pulledPlan(db, memberId);
  if (map.size > 2000) map.clear();
  map.set(memberId, { seq, plan });
  return plan;
}

export function buildPull(db: Db, device: DeviceRow, cursor: number, now: Date, serverHlc: string): PullResponse {
  const tx = db;
  return inTransaction(db, () => {
    const member = fastMember(tx, device.memberId);
    if (!member) throw new StudioError('unauthorized', 'the member of this phone no longer exists');
    const latest = fastLatestSeq(tx);
    const reset = cursor > latest;
    const from = reset ? 0 : cursor;
    const kinds = from === 0 ? null : fastChangedKinds(tx, member.id, from);
    const wants = (k: string) => kinds === null || kinds.has(k);
    return {
      reset, cursor: latest, serverHlc,
      member: { id: member.id, name: member.name, preferredUnit: member.preferredUnit, bodyMassKg: member.bodyMassKg, nickname: member.nickname },
      ...(wants('plan') ? { plan: cachedPlan(tx, member.id) } : {}),
      ...(wants('timetable') ? { timetable: timetable(tx, now) } : {}),
      ...(wants('bookings') ? { bookings: bookings(tx, member.id, now) } : {}),
      // A phone's own versions are left out of incremental pulls: it holds them already.
      logs: fastLogVersionsSince(tx, member.id, from, from === 0 ? null : device.id).map((v) => ({ ...(v.payload as z.infer<typeof SetLogPayload>), opId: v.opId, hlc: v.hlc, deviceName: v.deviceName })),
      rejected: fastRejectedOps(tx, member.id, from).map((r) => ({ id: r.id, kind: r.kind, reason: r.reason ?? '', at: r.at })),
    };
  });
}
