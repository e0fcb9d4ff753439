/**
 * The weekly review: analyse a member's week against their approved plan, propose next week's
 * changes as a diff that waits for a trainer, and apply only the lines a trainer accepts or
 * edits, after the safety layer. Unapproved changes never reach the plan.
 */
import { mondayOf, parseTime } from '../../../engine/e1rm/dates';
import { acceptLines, analyzeWeek, editLine, finalPlanWeek, proposeAdjustments, rejectLines } from '../../../engine/weekly/index';
import type { AdjustmentDiff, WeekAnalysis } from '../../../engine/weekly/types';
import type { Prescribed } from '../../../engine/progression/types';
import { applySafetyToPlanChange } from '../../../engine/safety/index';
import type { PlannedWeek } from '../../../engine/types';
import { recordAudit } from '../../../db/audit';
import { allExercises } from '../../../db/exercises';
import { listPlanHeaders, updatePrescription } from '../../../db/plans';
import { getAdjustment, insertAdjustment, listAdjustments, updateAdjustment, type AdjustmentRow } from '../../../db/progression';
import type { Db } from '../../../db/open';
import { StudioError } from '../../contract/errors';
import type { ParsedInputOf, PlanAdjustmentView, PlanView } from '../../contract/index';
import { auditActor, type HandlerContext } from '../../host/context';
import { requireMember } from '../members/handlers';
import { loadPlanView } from '../plans/handlers';
import { memberCheckInList, memberSessions } from './sources';
import { clubConstraints } from './constraints';
import { memberInventory } from '../inventory/handlers';
import { phoneWeekCounts } from '../phones/adherence';
import type { SafetyConstraints } from '../../../engine/safety/index';

const DAY_MS = 86_400_000;

function summarize(a: WeekAnalysis, names: Map<string, string>): string[] {
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
  const out = [`Adherence: ${a.adherence.doneSessions} of ${a.adherence.plannedSessions} sessions, ${pct(a.adherence.setShare)} of planned sets.`];
  const off = a.volume.filter((v) => v.ratio !== null && (v.ratio < 0.8 || v.ratio > 1.2));
  if (off.length) out.push(`Volume off plan: ${off.map((v) => `${v.muscle.replace('_', ' ')} ${v.doneSets}/${v.plannedSets} sets`).join(', ')}.`);
  const r = a.recovery;
  if (r.checkIns) out.push(`Recovery: mean fatigue ${r.meanFatigue?.toFixed(1) ?? '—'}, sleep ${r.meanSleep?.toFixed(1) ?? '—'}${r.painReported ? ', pain reported' : ''}${r.illness ? ', illness' : ''}.`);
  const lifts = a.lifts.filter((l) => l.isMainLift && l.e1rmChangePctPerWeek !== null);
  if (lifts.length) out.push(`e1RM trend: ${lifts.map((l) => `${names.get(l.exerciseId) ?? l.exerciseId} ${l.e1rmChangePctPerWeek! >= 0 ? '+' : ''}${l.e1rmChangePctPerWeek!.toFixed(1)} %/week`).join(', ')}.`);
  return out;
}

function approvedPlan(db: Db, memberId: number): PlanView {
  const header = listPlanHeaders(db, { memberId }).find((p) => p.status === 'approved' || p.status === 'active');
  if (!header || !header.approvedAt) throw new StudioError('conflict', 'the member has no approved plan to review', 'memberId');
  return loadPlanView(db, header.id);
}

export function adjustmentView(row: AdjustmentRow, names: Map<string, string>): PlanAdjustmentView {
  const stored = row.analysis as { summary: string[] };
  return {
    id: row.id, planId: row.planId, memberId: row.memberId, memberName: row.memberName, week: row.week, status: row.status,
    createdAt: row.createdAt, decidedAt: row.decidedAt, summary: stored.summary,
    lines: (row.lines as AdjustmentDiff['lines']).map((l) => ({ ...l, exerciseName: names.get(l.exerciseId) ?? l.exerciseId })),
  };
}

export function exerciseNames(db: Db): Map<string, string> {
  return new Map(allExercises(db).map((e) => [e.id, e.name]));
}

export function analyzeMemberWeek(ctx: HandlerContext, memberId: number, weekStartInput?: string): number {
  const member = requireMember(ctx, memberId);
  const db = ctx.store.db;
  const plan = approvedPlan(db, memberId);
  // Default: the last full week, unless the plan was approved after it began (then this week).
  const approvedWeek = mondayOf(Date.parse(plan.approvedAt!));
  const lastFull = mondayOf(ctx.now().getTime() - 7 * DAY_MS);
  const weekStart = weekStartInput ? mondayOf(Date.parse(`${weekStartInput}T00:00:00Z`)) : (lastFull >= approvedWeek ? lastFull : mondayOf(ctx.now().getTime()));
  const startMs = parseTime(`${weekStart}T00:00:00Z`)!;
  const review = Math.min(plan.weeks.length, Math.max(1, Math.floor((startMs - parseTime(`${mondayOf(Date.parse(plan.approvedAt!))}T00:00:00Z`)!) / (7 * DAY_MS)) + 1));
  if (review >= plan.weeks.length) throw new StudioError('conflict', `week ${review} is the last of the plan: generate the next block instead`, 'weekStart');
  const library = allExercises(db);
  const analysis = analyzeWeek({
    member: { id: member.id, preferredUnit: member.preferredUnit, equipment: member.equipment as never },
    plan: plan.weeks[review - 1] as unknown as PlannedWeek, exercises: library, sessions: memberSessions(db, memberId),
    checkIns: memberCheckInList(db, memberId), weekStart: new Date(startMs).toISOString(),
  });
  const diff = proposeAdjustments(analysis, plan.weeks[review] as unknown as PlannedWeek, { exercises: library, constraints: clubConstraints(db), inventory: memberInventory(db, member).inventory });
  const summary = summarize(analysis, new Map(library.map((e) => [e.id, e.name])));
  const phone = phoneWeekCounts(db, memberId, review);
  if (phone.prescriptions > 0) summary.push(`Logged on the phone against the plan: ${phone.done} done, ${phone.partial} partial, ${phone.skipped} skipped of ${phone.prescriptions} prescriptions in the sessions trained.`);
  const stored = { analysis: { summary, diff }, lines: diff.lines };
  // A new analysis of the same plan week refreshes the proposal still waiting, instead of adding a second one.
  const waiting = listAdjustments(db, { status: 'pending', memberId }).find((a) => a.planId === plan.id && a.week === diff.week);
  return db.transaction((tx) => {
    const id = waiting ? waiting.id : insertAdjustment(tx, { planId: plan.id, memberId, week: diff.week, status: 'pending', ...stored });
    if (waiting) updateAdjustment(tx, id, stored);
    recordAudit(tx, { ...auditActor(ctx), action: 'weekly.propose', entity: 'plan', entityId: plan.id, after: { adjustmentId: id, lines: diff.lines.length }, subjectMemberId: memberId });
    return id;
  });
}

function decideLines(diff: AdjustmentDiff, input: ParsedInputOf<'weekly/decide'>, constraints: SafetyConstraints): AdjustmentDiff {
  let d = input.all === 'accept' ? acceptLines(diff) : input.all === 'reject' ? rejectLines(diff) : diff;
  for (const line of input.lines) {
    if (!d.lines.some((l) => l.id === line.id)) throw new StudioError('not_found', `there is no line "${line.id}" in this adjustment`, 'lines');
    if (line.decision === 'accept') d = acceptLines(d, [line.id]);
    else if (line.decision === 'reject') d = rejectLines(d, [line.id]);
    else {
      if (line.value === undefined) throw new StudioError('invalid_input', `line ${line.id}: an edit needs a value`, 'lines.value');
      d = editLine(d, line.id, line.value, undefined, constraints);
    }
  }
  return d;
}

const toPrescribed = (p: PlannedWeek['sessions'][number]['prescriptions'][number]): Prescribed => ({
  exerciseId: p.exerciseId, sets: p.sets, repMin: p.repMin, repMax: p.repMax, loadKg: p.loadKg, restS: p.restS, targetRir: p.targetRir,
});

/** Applies the decided lines to the plan's week after the safety layer; records every change. */
function applyToPlan(ctx: HandlerContext, plan: PlanView, diff: AdjustmentDiff): void {
  const week = plan.weeks.find((w) => w.week === diff.week);
  if (!week) throw new StudioError('conflict', `the plan no longer has week ${diff.week}`, 'adjustmentId');
  const before = week as unknown as PlannedWeek;
  const after = finalPlanWeek(before, diff);
  const flat = (w: PlannedWeek) => w.sessions.flatMap((s) => s.prescriptions.map((p) => ({ key: `${s.day}.${p.order}`, p })));
  const beforeRx = flat(before);
  const afterRx = flat(after);
  const safe = applySafetyToPlanChange(beforeRx.map((x) => toPrescribed(x.p)), afterRx.map((x) => toPrescribed(x.p)), {
    now: ctx.now().toISOString(), checkIn: memberCheckInList(ctx.store.db, plan.memberId)[0] ?? null, history: memberSessions(ctx.store.db, plan.memberId),
  }, clubConstraints(ctx.store.db));
  if (safe.after.length !== afterRx.length) throw new StudioError('conflict', 'the safety layer removed a line of the week; decide the lines again', 'adjustmentId');
  const ids = new Map<string, number>(week.sessions.flatMap((s) => s.prescriptions.map((p) => [`${s.day}.${p.order}`, p.id] as [string, number])));
  ctx.store.db.transaction((tx) => {
    afterRx.forEach((x, i) => {
      const id = ids.get(x.key);
      const next = safe.after[i]!;
      const prev = toPrescribed(beforeRx[i]!.p);
      if (id === undefined || JSON.stringify(next) === JSON.stringify(prev)) return;
      updatePrescription(tx, id, { exerciseId: next.exerciseId, sets: next.sets, repMin: next.repMin, repMax: next.repMax, loadKg: next.loadKg, restS: next.restS, editedAt: ctx.now().toISOString() });
      recordAudit(tx, { ...auditActor(ctx), action: 'weekly.apply', entity: 'plan', entityId: plan.id, before: { prescriptionId: id, ...prev }, after: { prescriptionId: id, ...next }, subjectMemberId: plan.memberId });
    });
    for (const o of safe.overrides) recordAudit(tx, { ...auditActor(ctx), action: `safety.${o.kind}`, entity: 'plan', entityId: plan.id, before: o.before, after: { reason: o.reason, after: o.after }, subjectMemberId: plan.memberId });
  });
}

export function decideAdjustment(ctx: HandlerContext, input: ParsedInputOf<'weekly/decide'>): void {
  const db = ctx.store.db;
  const row = getAdjustment(db, input.adjustmentId);
  if (!row) throw new StudioError('not_found', `there is no adjustment with id ${input.adjustmentId}`, 'adjustmentId');
  if (row.status !== 'pending') throw new StudioError('conflict', 'this adjustment was already decided', 'adjustmentId');
  const stored = row.analysis as { summary: string[]; diff: AdjustmentDiff };
  const diff = decideLines(stored.diff, input, clubConstraints(db));
  const stillPending = diff.lines.some((l) => l.status === 'pending');
  if (diff.lines.some((l) => l.status === 'accepted' || l.status === 'edited')) applyToPlan(ctx, loadPlanView(db, row.planId), diff);
  db.transaction((tx) => {
    updateAdjustment(tx, row.id, {
      lines: diff.lines, analysis: { ...stored, diff },
      ...(stillPending ? {} : { status: 'decided' as const, decidedAt: ctx.now().toISOString(), decidedBy: ctx.caller.staff?.id ?? null }),
    });
    recordAudit(tx, { ...auditActor(ctx), action: 'weekly.decide', entity: 'plan', entityId: row.planId, after: { adjustmentId: row.id, lines: diff.lines.map((l) => [l.id, l.status]) }, subjectMemberId: row.memberId });
  });
}
