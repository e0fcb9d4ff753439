/**
 * The coach's tools at the host. Read-only tools run at once, through the same operations (and so
 * the same access checks) as the UI, as the staff member who asked. A writing tool is resolved into
 * the operation and input that would apply it (names to ids, club-local time to UTC), checked for
 * admission as the asker (a role that could not apply it is told so now), and returned as a
 * proposal: it becomes a pending action, applied only when a staff member confirms it.
 */
import type { MemberRow } from '../../db/members';
import { allExercises } from '../../db/exercises';
import { memberCheckIns } from '../../db/progression';
import { occurrencesBetween } from '../../db/classes';
import type { Envelope } from '../contract/errors';
import type { OpName, PlanView, PlanSummary, E1rmSeries, RecommendationView, ExerciseView } from '../contract/index';
import { clubLocalToUtc } from '../../engine/classes/club-time';
import { addDays } from '../../engine/coach/when';
import type { ToolArgs, ToolCall } from '../../engine/coach/tools';
import { isEquipmentAllowed } from '../../engine/planner/index';
import type { Exercise } from '../../engine/types';
import { freePtSlots, ptSlotProblem } from '../handlers/coach/appointments';
import { occurrenceViews } from '../handlers/classes/views';
import type { ClubContext } from './facts';
import type { HandlerContext } from '../host/context';

export interface ToolEnv {
  ctx: HandlerContext;
  /** Runs an operation as the asking staff member (admission, access and ownership checks included). */
  call(name: OpName, input: unknown): Promise<Envelope<unknown>>;
  /** Would the asker be admitted to `name` with `input`? The refusal's message, or null. */
  admission(name: OpName, input: unknown): string | null;
  member: MemberRow;
  club: ClubContext;
}

export type ToolOutcome =
  | { kind: 'read'; lines: string[] }
  | { kind: 'write'; op: OpName; input: Record<string, unknown>; summary: string }
  | { kind: 'refused'; by: 'role' | 'safety' | 'input'; line: string };

const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const localLabel = (ms: number, tz: string) => new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(ms));

async function read<T>(env: ToolEnv, name: OpName, input: unknown): Promise<{ ok: true; value: T } | { ok: false; outcome: ToolOutcome }> {
  const env2 = await env.call(name, input);
  if (env2.ok) return { ok: true, value: env2.value as T };
  const by = env2.error.reason === 'forbidden' ? 'role' : 'input';
  return { ok: false, outcome: { kind: 'refused', by, line: `I cannot do that for you: ${env2.error.message}.` } };
}

function availability(env: ToolEnv, a: ToolArgs<'check_availability'>): ToolOutcome {
  const { setup, timezone, today } = env.club;
  const db = env.ctx.store.db;
  const nowMs = env.ctx.now().getTime();
  const from = a.fromTime ? toMin(a.fromTime) : 0;
  const to = a.toTime ? toMin(a.toTime) : 24 * 60;
  const lines: string[] = [];
  const start = a.date ?? today;
  if (a.kind !== 'class') {
    const trainers = (setup?.trainers ?? []).filter((t) => !a.trainer || sameName(t.name, a.trainer));
    if (a.trainer && trainers.length === 0) return { kind: 'refused', by: 'input', line: `There is no trainer called ${a.trainer}.` };
    for (const t of trainers) {
      const slots: number[] = [];
      for (let d = 0; d < a.days && slots.length < 8; d++) slots.push(...freePtSlots(db, setup!, t.id, addDays(start, d), from, to, nowMs));
      lines.push(slots.length ? `PT with ${t.name}: ${slots.slice(0, 8).map((s) => localLabel(s, timezone)).join(', ')}.` : `PT with ${t.name}: no free slot then.`);
    }
  }
  if (a.kind !== 'pt') {
    const fromIso = new Date(clubLocalToUtc(start, 0, timezone)).toISOString();
    const toIso = new Date(clubLocalToUtc(addDays(start, a.days), 0, timezone)).toISOString();
    const rows = occurrencesBetween(db, fromIso, toIso).filter((o) => o.status === 'scheduled' && Date.parse(o.startsAt) > nowMs);
    const views = occurrenceViews(db, rows).filter((v) => (!a.classType || sameName(v.className, a.classType)) && v.startMin >= from && v.startMin < to);
    for (const v of views.slice(0, 8)) lines.push(`${v.className} ${localLabel(Date.parse(v.startsAt), timezone)} with ${v.trainerName}: ${v.free > 0 ? `${v.free} of ${v.capacity} places free` : `full, ${v.waitlisted} waiting`}.`);
    if (views.length === 0) lines.push(`No ${a.classType ?? ''} class with places then.`.replace('  ', ' '));
  }
  return { kind: 'read', lines };
}

function scheduleAppointment(env: ToolEnv, a: ToolArgs<'schedule_appointment'>): ToolOutcome {
  const { setup, timezone } = env.club;
  const db = env.ctx.store.db;
  const startMs = clubLocalToUtc(a.date, toMin(a.time), timezone);
  const when = localLabel(startMs, timezone);
  if (a.kind === 'class') {
    const dayStart = new Date(clubLocalToUtc(a.date, 0, timezone)).toISOString();
    const dayEnd = new Date(clubLocalToUtc(addDays(a.date, 1), 0, timezone)).toISOString();
    const occ = occurrenceViews(db, occurrencesBetween(db, dayStart, dayEnd)).find((o) => sameName(o.className, a.classType!) && o.startMin === toMin(a.time) && o.status === 'scheduled');
    if (!occ) return { kind: 'refused', by: 'input', line: `There is no ${a.classType} class on ${a.date} at ${a.time}.` };
    return { kind: 'write', op: 'classes/book', input: { occurrenceId: occ.id, memberId: env.member.id, source: 'coach' }, summary: `Book ${env.member.name} into ${occ.className}, ${when} (${occ.free > 0 ? `${occ.free} places free` : 'full: waitlist'})` };
  }
  const trainers = (setup?.trainers ?? []).filter((t) => !a.trainer || sameName(t.name, a.trainer));
  if (trainers.length === 0) return { kind: 'refused', by: 'input', line: a.trainer ? `There is no trainer called ${a.trainer}.` : 'The club has no trainers set up.' };
  const nowMs = env.ctx.now().getTime();
  const free = trainers.find((t) => ptSlotProblem(db, setup, { trainerId: t.id, startMs, minutes: a.minutes, nowMs, memberId: env.member.id }) === null);
  if (!free) {
    const why = ptSlotProblem(db, setup, { trainerId: trainers[0]!.id, startMs, minutes: a.minutes, nowMs, memberId: env.member.id });
    return { kind: 'refused', by: 'input', line: `That slot cannot be booked: ${why}.` };
  }
  return { kind: 'write', op: 'appointments/book', input: { memberId: env.member.id, trainerId: free.id, startsAt: new Date(startMs).toISOString(), minutes: a.minutes, source: 'coach' }, summary: `PT for ${env.member.name} with ${free.name}, ${when} (${a.minutes} min)` };
}

async function memberPlan(env: ToolEnv, a: ToolArgs<'get_member_plan'>): Promise<ToolOutcome> {
  const list = await read<PlanSummary[]>(env, 'plans/list', { memberId: env.member.id });
  if (!list.ok) return list.outcome;
  const header = list.value.find((p) => p.status === 'approved') ?? list.value.find((p) => p.status === 'draft');
  if (!header) return { kind: 'read', lines: [`${env.member.name} has no active plan yet.`] };
  const plan = await read<PlanView>(env, 'plans/get', { planId: header.id });
  if (!plan.ok) return plan.outcome;
  const week = plan.value.weeks.find((w) => w.week === (a.week ?? 1)) ?? plan.value.weeks[0]!;
  return {
    kind: 'read',
    lines: [`${plan.value.name} (${plan.value.status}), week ${week.week}${week.isDeload ? ' (deload)' : ''}:`, ...week.sessions.map((s) => `Day ${s.day} ${s.name}: ${s.prescriptions.map((p) => `${p.exerciseName} ${p.sets}×${p.repMin}–${p.repMax} @RIR ${p.targetRir}${p.loadKg ? ` ${p.loadKg} kg` : ''}`).join('; ')}.`)],
  };
}

async function progress(env: ToolEnv): Promise<ToolOutcome> {
  const r = await read<E1rmSeries[]>(env, 'history/e1rm', { memberId: env.member.id, limit: 4 });
  if (!r.ok) return r.outcome;
  if (r.value.length === 0) return { kind: 'read', lines: [`${env.member.name} has no logged sets yet.`] };
  return {
    kind: 'read',
    lines: r.value.map((s) => {
      const first = s.points[0]!, last = s.points.at(-1)!;
      const change = first.e1rmKg > 0 ? ((last.e1rmKg - first.e1rmKg) / first.e1rmKg) * 100 : 0;
      return `${s.exerciseName}: e1RM ${first.e1rmKg.toFixed(1)} → ${last.e1rmKg.toFixed(1)} kg (${change >= 0 ? '+' : ''}${change.toFixed(0)} %) over ${s.points.length} sessions, ${first.date} to ${last.date}.`;
    }),
  };
}

/** The library exercise a phrase names: exact name, then the best name search hit. */
function findExercise(library: readonly Exercise[], phrase: string, hits: readonly ExerciseView[]): Exercise | null {
  const p = phrase.toLowerCase().replace(/s\b/g, '');
  return library.find((e) => e.name.toLowerCase() === phrase.toLowerCase())
    ?? library.find((e) => e.source === 'builtin' && e.name.toLowerCase().replace(/s\b/g, '').includes(p))
    ?? (hits[0] ? library.find((e) => e.id === hits[0]!.id) ?? null : null);
}

/**
 * Substitutes: the same substitution group or movement pattern, that the member's exclusions
 * (muscles as primary movers, patterns, exercises) and equipment allow. Refused by safety when none
 * is left, or when a check-in of the last 7 days reports pain (a professional first).
 */
async function substitution(env: ToolEnv, a: ToolArgs<'suggest_substitution'>): Promise<ToolOutcome> {
  const hits = await read<ExerciseView[]>(env, 'exercises/list', { query: a.exercise.split(' ').slice(-2).join(' '), limit: 5 });
  if (!hits.ok) return hits.outcome;
  const db = env.ctx.store.db;
  const library = allExercises(db);
  const original = findExercise(library, a.exercise, hits.value);
  if (!original) return { kind: 'refused', by: 'input', line: `I do not know an exercise called "${a.exercise}".` };
  const m = env.member;
  const pain = memberCheckIns(db, m.id, 5).find((c) => c.painReported && Date.parse(c.at) > env.ctx.now().getTime() - 7 * 86_400_000);
  const allowed = (e: Exercise) => e.id !== original.id
    && !e.primaryMuscles.some((mu) => m.excludedMuscles.includes(mu))
    && !m.excludedPatterns.includes(e.pattern) && !m.excludedExerciseIds.includes(e.id)
    && isEquipmentAllowed(e.equipment, { equipment: m.equipment } as never);
  const candidates = library.filter((e) => (e.substitutionGroup === original.substitutionGroup || e.pattern === original.pattern) && e.category === original.category)
    .sort((x, y) => Number(y.substitutionGroup === original.substitutionGroup) - Number(x.substitutionGroup === original.substitutionGroup) || Number(y.source === 'builtin') - Number(x.source === 'builtin') || x.name.localeCompare(y.name));
  const safe = candidates.filter(allowed).slice(0, 4);
  const painLine = pain ? `A check-in on ${pain.at.slice(0, 10)} reports pain${pain.painNote ? ` (${pain.painNote})` : ''}: that is for a medical professional to clear first; I suggest nothing that loads it until then.` : null;
  if (pain && a.reason && /pain|hurt|injur|sore/i.test(a.reason)) return { kind: 'refused', by: 'safety', line: painLine! };
  if (safe.length === 0) return { kind: 'refused', by: 'safety', line: `No safe substitute for ${original.name}: every alternative trains something ${m.name}'s exclusions rule out.` };
  return { kind: 'read', lines: [`Instead of ${original.name}: ${safe.map((e) => `${e.name} (${e.equipment.replace('_', ' ')})`).join(', ')}.`, ...(painLine ? [painLine] : [])] };
}

async function explain(env: ToolEnv, a: ToolArgs<'explain_recommendation'>): Promise<ToolOutcome> {
  const r = await read<RecommendationView[]>(env, 'recommendations/list', { memberId: env.member.id });
  if (!r.ok) return r.outcome;
  const words = (a.exercise ?? '').toLowerCase().split(' ').filter((w) => w.length > 2).map((w) => w.replace(/s$/, ''));
  const rec = r.value.find((x) => words.length > 0 && words.every((w) => x.exerciseName.toLowerCase().includes(w))) ?? (words.length ? undefined : r.value[0]);
  if (!rec) return { kind: 'read', lines: [a.exercise ? `There is no recommendation for ${a.exercise} for ${env.member.name} yet.` : `${env.member.name} has no recommendations yet.`] };
  const safety = rec.safety.overrides.length ? ` Safety: ${rec.safety.overrides.map((o) => o.reason).join('; ')}.` : '';
  return { kind: 'read', lines: [`${rec.exerciseName} (${rec.type}${rec.confidence === null ? '' : `, ${(rec.confidence * 100).toFixed(0)} % chance of landing within ±1 RIR of the target`}): ${rec.reasoning}${safety}`, `Expected: ${rec.expectedOutcome}`] };
}

function planDraft(env: ToolEnv, a: ToolArgs<'draft_plan'>): ToolOutcome {
  const db = env.ctx.store.db;
  const recent = memberCheckIns(db, env.member.id, 5).find((c) => (c.painReported || c.illness) && Date.parse(c.at) > env.ctx.now().getTime() - 7 * 86_400_000);
  if (recent) {
    return { kind: 'refused', by: 'safety', line: `A check-in on ${recent.at.slice(0, 10)} reports ${recent.painReported ? 'pain' : 'illness'}: a new plan waits until a professional has cleared ${env.member.name}; nothing was drafted.` };
  }
  const input = { memberId: env.member.id, weeks: a.weeks, daysPerWeek: a.daysPerWeek, ...(a.goal ? { goal: a.goal } : {}), ...(a.level ? { level: a.level } : {}), ...(a.avoidEquipment.length ? { avoidEquipment: a.avoidEquipment } : {}) };
  const bits = [`${a.daysPerWeek}-day`, a.level, a.goal?.replace('_', ' '), `${a.weeks}-week plan`].filter(Boolean).join(' ');
  return { kind: 'write', op: 'plans/generate', input, summary: `Draft a ${bits} for ${env.member.name}${a.avoidEquipment.length ? `, without ${a.avoidEquipment.join(', ').replace(/_/g, ' ')}` : ''} (saved as a draft awaiting approval)` };
}

/** Runs or resolves one validated tool call. Writes are never applied here. */
export async function runTool(call: ToolCall, env: ToolEnv): Promise<ToolOutcome> {
  const a = call.args as never;
  let out: ToolOutcome;
  switch (call.tool) {
    case 'check_availability': out = availability(env, a); break;
    case 'schedule_appointment': out = scheduleAppointment(env, a); break;
    case 'get_member_plan': out = await memberPlan(env, a); break;
    case 'get_member_progress': out = await progress(env); break;
    case 'suggest_substitution': out = await substitution(env, a); break;
    case 'explain_recommendation': out = await explain(env, a); break;
    case 'log_feedback': {
      const f = call.args as ToolArgs<'log_feedback'>;
      out = { kind: 'write', op: 'members/feedback', input: { memberId: env.member.id, text: f.text, ...(f.rating ? { rating: f.rating } : {}), source: 'coach' }, summary: `Note feedback for ${env.member.name}: "${f.text.slice(0, 120)}"${f.rating ? ` (${f.rating}/10)` : ''}` };
      break;
    }
    case 'draft_plan': out = planDraft(env, a); break;
  }
  if (out.kind === 'write') {
    const refused = env.admission(out.op, out.input);
    if (refused) return { kind: 'refused', by: 'role', line: `I cannot propose that for you: ${refused}.` };
  }
  return out;
}

