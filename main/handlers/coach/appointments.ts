/**
 * Personal-training appointments: a member with a club trainer (from the club setup) for 15–180
 * minutes. A slot is free when it lies inside one of the trainer's weekly windows and inside the
 * opening hours (both club-local), is not in the past, and overlaps none of the trainer's booked
 * sessions or classes nor the member's own sessions. Also used by the coach to list free slots.
 */
import { appointmentsBetween, insertAppointment, type PtAppointmentRow } from '../../../db/coach';
import { recordAudit } from '../../../db/audit';
import { getMember } from '../../../db/members';
import { occurrencesBetween } from '../../../db/classes';
import { readClubSetup } from '../../../db/schedule';
import type { Db } from '../../../db/open';
import { clubLocalToUtc, utcToClubLocal } from '../../../engine/classes/club-time';
import { StudioError } from '../../contract/errors';
import type { ClubSetup, PtAppointmentView } from '../../contract/index';
import { auditActor, actorOf, type HandlerContext } from '../../host/context';

const inside = (windows: ReadonlyArray<{ weekday: number; startMin: number; endMin: number }>, weekday: number, start: number, end: number) =>
  windows.some((w) => w.weekday === weekday && w.startMin <= start && end <= w.endMin);

/** Why a slot cannot be booked, or null when it is free. `startMs` UTC; `minutes` long. */
export function ptSlotProblem(db: Db, setup: ClubSetup | null, q: { trainerId: string; startMs: number; minutes: number; nowMs: number; memberId?: number }): string | null {
  const trainer = setup?.trainers.find((t) => t.id === q.trainerId);
  if (!setup || !trainer) return `there is no trainer "${q.trainerId}" in the club setup`;
  if (q.startMs < q.nowMs) return 'that time has passed';
  const endMs = q.startMs + q.minutes * 60_000;
  const local = utcToClubLocal(q.startMs, setup.timezone);
  const weekday = (new Date(`${local.date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const end = local.minute + q.minutes;
  if (!inside(setup.openingHours, weekday, local.minute, end)) return 'the club is closed then';
  if (!inside(trainer.availability, weekday, local.minute, end)) return `${trainer.name} does not work then`;
  const from = new Date(q.startMs).toISOString();
  const to = new Date(endMs).toISOString();
  if (appointmentsBetween(db, from, to, { trainerId: trainer.id }).length) return `${trainer.name} has another PT session then`;
  if (occurrencesBetween(db, new Date(q.startMs - 6 * 3_600_000).toISOString(), to).some((o) => o.trainerId === trainer.id && o.status !== 'cancelled' && Date.parse(o.endsAt) > q.startMs)) {
    return `${trainer.name} teaches a class then`;
  }
  if (q.memberId !== undefined && appointmentsBetween(db, from, to, { memberId: q.memberId }).length) return 'the member has another PT session then';
  return null;
}

/** Free PT slot starts on the hour (UTC ms) of one trainer on one club-local date, starting in [fromMin, toMin) local minutes. */
export function freePtSlots(db: Db, setup: ClubSetup, trainerId: string, date: string, fromMin: number, toMin: number, nowMs: number, minutes = 60): number[] {
  const out: number[] = [];
  for (let m = Math.ceil(fromMin / 60) * 60; m < toMin && m + minutes <= 24 * 60; m += 60) {
    const startMs = clubLocalToUtc(date, m, setup.timezone);
    if (ptSlotProblem(db, setup, { trainerId, startMs, minutes, nowMs }) === null) out.push(startMs);
  }
  return out;
}

export function appointmentView(db: Db, row: PtAppointmentRow, setup: ClubSetup | null = readClubSetup(db)): PtAppointmentView {
  return {
    id: row.id, memberId: row.memberId, memberName: getMember(db, row.memberId)?.name ?? `member ${row.memberId}`,
    trainerId: row.trainerId, trainerName: setup?.trainers.find((t) => t.id === row.trainerId)?.name ?? row.trainerId,
    startsAt: row.startsAt, endsAt: row.endsAt, timezone: setup?.timezone ?? 'UTC', status: row.status, source: row.source,
  };
}

export function bookAppointment(ctx: HandlerContext, input: { memberId: number; trainerId: string; startsAt: string; minutes: number; source: 'front_desk' | 'coach' }): PtAppointmentView {
  const db = ctx.store.db;
  if (!getMember(db, input.memberId)) throw new StudioError('not_found', `there is no member with id ${input.memberId}`, 'memberId');
  const setup = readClubSetup(db);
  const startMs = Date.parse(input.startsAt);
  return db.transaction((tx) => {
    const problem = ptSlotProblem(tx, setup, { trainerId: input.trainerId, startMs, minutes: input.minutes, nowMs: ctx.now().getTime(), memberId: input.memberId });
    if (problem) throw new StudioError('conflict', problem, problem.startsWith('there is no trainer') ? 'trainerId' : 'startsAt');
    const row = insertAppointment(tx, {
      memberId: input.memberId, trainerId: input.trainerId, startsAt: new Date(startMs).toISOString(), endsAt: new Date(startMs + input.minutes * 60_000).toISOString(),
      source: input.source, createdBy: actorOf(ctx),
    });
    recordAudit(tx, { ...auditActor(ctx), action: 'appointment.book', entity: 'pt_appointment', entityId: row.id, after: { trainerId: row.trainerId, startsAt: row.startsAt, endsAt: row.endsAt, source: row.source }, subjectMemberId: input.memberId });
    return appointmentView(tx, row, setup);
  });
}
