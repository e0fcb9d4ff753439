/**
 * Applying a push from a member's phone, exactly once.
 *
 * The whole batch runs in one SQLite transaction; each op in its own savepoint inside it, with
 * its `sync_ops` row written in that same savepoint as its effect. So:
 * - an op id already in `sync_ops` (a replay, a duplicate in the batch, a retry after a lost
 *   answer) is acknowledged again with its stored outcome and changes nothing;
 * - an op that fails validation or a business rule (a poison op) is rolled back to its
 *   savepoint, recorded `rejected` with its reason, acknowledged, and the ops after it apply;
 * - a crash before the commit loses the whole batch, which the phone still holds and pushes
 *   again; a crash after it (before the answer) leaves ops the replay finds in `sync_ops`.
 */
import { StudioError } from '../contract/errors';
import { recordAudit } from '../../db/audit';
import { insertCheckIn } from '../../db/progression';
import { getMember, updateMember } from '../../db/members';
import { activeBooking } from '../../db/classes';
import type { Db } from '../../db/open';
import { memberIdOf } from '../../db/scope';
import {
  deleteSetLog, fastExerciseName, fastGetLink, fastGetPhoneSession, fastInsertLogVersion, fastInsertPhoneSet, fastInsertSyncOp,
  fastNextSetIndex, fastPlanSessionOwner, fastPrescriptionOwner, fastSyncOps, fastTouchDevice, fastUpdatePhoneSet, fastUpsertLink,
  fieldClocks, inTransaction, insertPhoneSession, insertPhoneWorkout, putFieldClock, updatePhoneSession, updateWorkout, type DeviceRow,
} from '../../db/sync';
import { HlcError, HybridClock } from '../../engine/sync/hlc';
import { validateOp, MEMBER_EDITABLE_FIELDS, type OpAck, type OpEnvelope, type OpOf, type SyncOp } from '../../engine/sync/ops';
import { bookingMessage, isLater, winningFields } from '../../engine/sync/rules';
import type { HandlerContext } from '../host/context';
import { book, cancel } from '../handlers/classes/bookings';
import { giveFeedback } from '../handlers/progression/feedback';
import { newErrorId } from '../host/registry';

/** What applying needs: the host's handler context for the phone's member, and the studio's clock. */
export interface PhoneApplyContext { ctx: HandlerContext; device: DeviceRow; clock: HybridClock }

class Rejection extends Error {}
const reject = (reason: string): never => { throw new Rejection(reason); };

/** Applies a batch; returns one ack per op, in order. `pending`: what the phone says it still holds. */
export function applyPush(a: PhoneApplyContext, ops: readonly OpEnvelope[], pending: number): OpAck[] {
  const db = a.ctx.store.db;
  const at = a.ctx.now().toISOString();
  const tx = db;
  return inTransaction(db, () => {
    const known = fastSyncOps(tx, ops.map((o) => o.id));
    const acks: OpAck[] = [];
    for (const env of ops) {
      const held = known.get(env.id);
      if (held) {
        // Another member's op id (a ULID collision or a forged replay) is refused, never revealed.
        acks.push(held.memberId === a.device.memberId
          ? { id: env.id, status: held.status, duplicate: true, reason: held.reason, message: held.message }
          : { id: env.id, status: 'rejected', duplicate: false, reason: 'this operation id is already taken', message: null });
        continue;
      }
      const ack = applyOne(a, tx, env, at);
      known.set(env.id, { opId: env.id, deviceId: a.device.id, memberId: a.device.memberId, kind: env.kind, hlc: env.hlc, status: ack.status, reason: ack.reason, message: ack.message, receivedAt: at });
      acks.push(ack);
    }
    fastTouchDevice(tx, a.device.id, at, Math.max(0, pending - acks.length));
    return acks;
  });
}

function applyOne(a: PhoneApplyContext, tx: Db, env: OpEnvelope, at: string): OpAck {
  const record = (status: 'applied' | 'rejected', reason: string | null, message: string | null) =>
    fastInsertSyncOp(tx, { opId: env.id, deviceId: a.device.id, memberId: a.device.memberId, kind: env.kind.slice(0, 40), hlc: env.hlc, status, reason, message, receivedAt: at });
  const rejected = (reason: string): OpAck => {
    record('rejected', reason, null);
    return { id: env.id, status: 'rejected', duplicate: false, reason, message: null };
  };
  const v = validateOp(env);
  if (!v.ok) return rejected(v.reason);
  try {
    a.clock.receive(env.hlc);
  } catch (err) {
    if (err instanceof HlcError) return rejected(`the phone's clock is wrong: ${err.message}`);
    throw err;
  }
  if (v.op.kind === 'set.log') {
    // The common op takes a fast path: checks first (a failure is a rejection), then the writes
    // and the op's record together in the batch's transaction.
    let checked: ReturnType<typeof checkSetLog>;
    try {
      checked = checkSetLog(tx, a.device.memberId, v.op.payload);
    } catch (err) {
      if (err instanceof Rejection) return rejected(err.message);
      throw err;
    }
    writeSetLog(a, tx, v.op, at, checked);
    record('applied', null, null);
    return { id: env.id, status: 'applied', duplicate: false, reason: null, message: null };
  }
  try {
    const message = inTransaction(tx, () => {
      const m = effect(a, tx, v.op, at);
      record('applied', null, m);
      return m;
    });
    return { id: env.id, status: 'applied', duplicate: false, reason: null, message };
  } catch (err) {
    if (err instanceof Rejection) return rejected(err.message);
    if (err instanceof StudioError) return rejected(err.message);
    // The database failing (disk full, I/O) is not the op's fault: the batch rolls back and the phone retries it.
    if (err instanceof Error && err.name === 'SqliteError') throw err;
    const id = newErrorId();
    console.error(`[studio] ${id} sync op ${env.kind} failed:`, err);
    return rejected(`the studio could not apply this operation (error ${id})`);
  }
}

function effect(a: PhoneApplyContext, tx: Db, op: SyncOp, at: string): string | null {
  switch (op.kind) {
    case 'set.log': throw new Error('set logs take the fast path in applyOne');
    case 'session.start': return applySessionStart(a, tx, op);
    case 'session.finish': return applySessionFinish(a, tx, op);
    case 'checkin': {
      const p = op.payload;
      const row = insertCheckIn(tx, { memberId: a.device.memberId, ...p });
      recordAudit(tx, { actorStaffId: null, via: 'phone', action: 'checkin.create', entity: 'member', entityId: a.device.memberId, after: row, subjectMemberId: a.device.memberId });
      return null;
    }
    case 'feedback': {
      if (memberIdOf(tx, 'recommendationId', op.payload.recommendationId) !== a.device.memberId) reject('there is no such recommendation for you');
      giveFeedback(a.ctx, op.payload);
      return null;
    }
    case 'booking.book': {
      const r = book(a.ctx, { occurrenceId: op.payload.occurrenceId, memberId: a.device.memberId, source: 'member' });
      return bookingMessage(r.occurrence.className, r.booking.status === 'waitlisted' ? 'waitlisted' : 'booked', r.booking.waitlistPosition);
    }
    case 'booking.cancel': {
      const b = activeBooking(tx, op.payload.occurrenceId, a.device.memberId);
      if (!b) reject('you hold no booking in that class');
      return cancel(a.ctx, { bookingId: b!.id, by: 'member' }).message;
    }
    case 'member.update': return applyMemberUpdate(a, tx, op);
  }
}

/** Phone sessions are created by whichever arrives first, the session's start or one of its sets. */
function ensureSession(a: PhoneApplyContext, tx: Db, s: { sessionId: string; planSessionId: number | null; name: string | null; startedAt: string }) {
  const held = fastGetPhoneSession(tx, s.sessionId);
  if (held) {
    if (held.memberId !== a.device.memberId) reject('this session belongs to someone else');
    return held;
  }
  const planName = s.planSessionId ? fastPlanSessionOwner(tx, s.planSessionId)?.name : null;
  const name = s.name ?? planName ?? 'Phone session';
  const workoutSessionId = insertPhoneWorkout(tx, { memberId: a.device.memberId, startedAt: s.startedAt, name, suffix: s.sessionId.slice(-6) });
  const row = { sessionId: s.sessionId, memberId: a.device.memberId, workoutSessionId, planSessionId: s.planSessionId, startedAt: s.startedAt, finishedAt: null };
  insertPhoneSession(tx, row);
  return row;
}

function checkPlanSession(tx: Db, memberId: number, planSessionId: number | null): void {
  if (planSessionId === null) return;
  const owner = fastPlanSessionOwner(tx, planSessionId);
  if (!owner || owner.memberId !== memberId) reject(`there is no plan session ${planSessionId} in your plan`);
}

function applySessionStart(a: PhoneApplyContext, tx: Db, op: OpOf<'session.start'>): null {
  const p = op.payload;
  checkPlanSession(tx, a.device.memberId, p.planSessionId);
  const held = fastGetPhoneSession(tx, p.sessionId);
  if (held) {
    if (held.memberId !== a.device.memberId) reject('this session belongs to someone else');
    // The session's own start wins over the first set's time (it may have arrived first).
    updatePhoneSession(tx, p.sessionId, { startedAt: p.startedAt, planSessionId: p.planSessionId });
    updateWorkout(tx, held.workoutSessionId, { startedAt: p.startedAt });
  } else ensureSession(a, tx, p);
  return null;
}

function applySessionFinish(a: PhoneApplyContext, tx: Db, op: OpOf<'session.finish'>): null {
  const s = fastGetPhoneSession(tx, op.payload.sessionId);
  if (!s || s.memberId !== a.device.memberId) reject('there is no such session to finish');
  const durationS = Math.max(0, Math.round((Date.parse(op.payload.finishedAt) - Date.parse(s!.startedAt)) / 1000));
  updatePhoneSession(tx, s!.sessionId, { finishedAt: op.payload.finishedAt });
  updateWorkout(tx, s!.workoutSessionId, { durationS });
  return null;
}

/** The checks of a set log (reads only; a failure rejects the op before anything is written). */
function checkSetLog(tx: Db, memberId: number, p: OpOf<'set.log'>['payload']) {
  const exerciseName = fastExerciseName(tx, p.exerciseId);
  if (exerciseName === null) reject(`there is no exercise "${p.exerciseId}" in the studio's library`);
  if (p.prescriptionId !== null) {
    const owner = fastPrescriptionOwner(tx, p.prescriptionId);
    if (!owner || owner.memberId !== memberId) reject(`there is no prescription ${p.prescriptionId} in your plan`);
    if (p.planSessionId !== null && owner!.planSessionId !== p.planSessionId) reject('the prescription is not part of that plan session');
  }
  checkPlanSession(tx, memberId, p.planSessionId);
  const link = fastGetLink(tx, p.logId);
  if (link && link.memberId !== memberId) reject('this set belongs to someone else');
  const session = fastGetPhoneSession(tx, p.sessionId);
  if (session && session.memberId !== memberId) reject('this session belongs to someone else');
  return { exerciseName: exerciseName!, link };
}

/**
 * Applies a checked set log and records it, with no business rule left that could fail: it runs
 * without a savepoint of its own (a database error rolls the whole batch back, to be retried).
 */
function writeSetLog(a: PhoneApplyContext, tx: Db, op: OpOf<'set.log'>, at: string, checked: ReturnType<typeof checkSetLog>): void {
  const p = op.payload;
  const memberId = a.device.memberId;
  const { exerciseName, link } = checked;
  fastInsertLogVersion(tx, { opId: op.id, logId: p.logId, memberId, deviceId: a.device.id, hlc: op.hlc, payload: p, receivedAt: at });
  // Append-only: a version older than the current one stays in history only.
  if (link && !isLater({ hlc: op.hlc, opId: op.id }, { hlc: link.currentHlc, opId: link.currentOpId })) return;
  const session = ensureSession(a, tx, { sessionId: p.sessionId, planSessionId: p.planSessionId, name: null, startedAt: p.performedAt });
  const fields = { exerciseId: p.exerciseId, exerciseName, loadKg: p.loadKg, reps: p.reps, rir: p.rir, performedAt: p.performedAt, notes: p.note };
  let setLogId = link?.setLogId ?? null;
  if (p.voided) {
    if (setLogId !== null) deleteSetLog(tx, setLogId);
    setLogId = null;
  } else if (setLogId !== null) fastUpdatePhoneSet(tx, setLogId, fields);
  else setLogId = fastInsertPhoneSet(tx, { ...fields, workoutSessionId: session.workoutSessionId, memberId, setIndex: fastNextSetIndex(tx, session.workoutSessionId, exerciseName) });
  fastUpsertLink(tx, {
    logId: p.logId, memberId, setLogId, currentOpId: op.id, currentHlc: op.hlc, planSessionId: p.planSessionId, prescriptionId: p.prescriptionId, setNumber: p.setNumber,
  });
}

function applyMemberUpdate(a: PhoneApplyContext, tx: Db, op: OpOf<'member.update'>): string | null {
  const memberId = a.device.memberId;
  if (!getMember(tx, memberId)) reject('the member no longer exists');
  const given = MEMBER_EDITABLE_FIELDS.filter((f) => op.payload[f] !== undefined);
  const wins = winningFields(fieldClocks(tx, memberId), given, { hlc: op.hlc, opId: op.id });
  if (wins.length === 0) return 'a newer change from the studio or another phone was kept';
  updateMember(tx, memberId, Object.fromEntries(wins.map((f) => [f, op.payload[f]])));
  for (const f of wins) putFieldClock(tx, memberId, f, op.hlc, op.id);
  return wins.length < given.length ? 'some fields were changed more recently elsewhere and kept' : null;
}
