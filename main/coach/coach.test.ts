/**
 * The coach through the host in rules mode, on a real SQLite file: each tool (availability,
 * PT and class booking, plan, progress, substitution, explanation, feedback, plan draft), pending
 * actions confirmed and rejected through the same operations and access checks as the UI, the
 * audit log, refusals by role and by the safety layer, streaming, and the CLI's dry run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listAudit } from '../../db/audit';
import { createStaff } from '../../db/staff';
import { updateMember } from '../../db/members';
import type { Host } from '../host/host';
import { cliCaller } from '../host/host';
import { createTestHost } from '../host/testkit';
import type { Caller } from '../host/context';
import type { CoachActionView, CoachAnswerView, CoachConversationView, OccurrenceDetail, PlanView, PtAppointmentView } from '../contract/index';
import { createMembers, publishWeek, valueOf } from '../handlers/classes/testkit';

const WEEK = '2026-12-07';
// Monday 7 Dec 18:00 Berlin (17:00 UTC): HIIT with Anna.
const MON_18 = { classTypeId: 'hiit', roomId: 'studio', trainerId: 'anna', weekday: 0, startMin: 1080 };
let dir: string;
let host: Host;
let manager: Caller;
let trainer: Caller;
let otherTrainer: Caller;
let desk: Caller;
let m: number[];
const clock = Date.parse('2026-12-05T10:00:00Z'); // Saturday 5 Dec, 11:00 in Berlin

async function ok<T>(name: string, input: unknown, as: Caller = trainer): Promise<T> { return valueOf<T>(await host.call(name, input, as), name); }
const ask = (memberId: number, text: string, as: Caller = trainer) => ok<CoachAnswerView>('coach/ask', { memberId, text }, as);
const decide = (actionId: number, decision: 'confirm' | 'reject', as: Caller = trainer) => ok<CoachActionView>('coach/decide', { actionId, decision }, as);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-coach-'));
  ({ host, manager } = await createTestHost(join(dir, 'studio.db'), { now: () => new Date(clock) }));
  await publishWeek(host, manager, WEEK, [MON_18]);
  m = await createMembers(host, manager, 4, 'Sara');
  trainer = cliCaller(host, createStaff(host.store.db, 'Tina Trainer', 'trainer').id);
  otherTrainer = cliCaller(host, createStaff(host.store.db, 'Otto Trainer', 'trainer').id);
  desk = cliCaller(host, createStaff(host.store.db, 'Fred Desk', 'front_desk').id);
  updateMember(host.store.db, m[3]!, { trainerStaffId: otherTrainer.staff!.id });
});
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('availability and booking, confirmed on the card', () => {
  it('lists free PT slots and classes with places, with sources, in rules mode', async () => {
    const a = await ask(m[0]!, 'is Anna free next Mon 6pm?');
    expect(a).toMatchObject({ mode: 'rules', intent: 'availability', toolCalls: [{ tool: 'check_availability', args: { trainer: 'Anna', date: '2026-12-07', fromTime: '18:00' } }] });
    expect(a.answer).toContain('PT with Anna: no free slot then.');
    const b = await ask(m[0]!, 'any HIIT classes on monday?');
    expect(b.answer).toMatch(/HIIT Mon 7 Dec, 18:00 with Anna: 10 of 10 places free/);
    expect(b.sources.length).toBeGreaterThan(0);
    expect(b.sources[0]!.id).toBe(`member:${m[0]}`);
    expect(b.reply).toMatchObject({ role: 'coach', mode: 'rules', intent: 'availability', status: 'complete' });
  });

  it('proposes a PT session as a pending action and books it only when confirmed, audited', async () => {
    const a = await ask(m[0]!, 'Book a PT with Ben on Monday at 6pm');
    expect(a.intent).toBe('book');
    expect(a.actions).toHaveLength(1);
    const action = a.actions[0]!;
    expect(action).toMatchObject({ tool: 'schedule_appointment', op: 'appointments/book', status: 'pending' });
    expect(action.summary).toContain('with Ben, Mon 7 Dec, 18:00 (60 min)');
    expect(await ok<PtAppointmentView[]>('appointments/list', { memberId: m[0]!, from: '2026-12-07', days: 1 })).toEqual([]);
    const done = await decide(action.id, 'confirm');
    expect(done.status).toBe('confirmed');
    const [appt] = await ok<PtAppointmentView[]>('appointments/list', { memberId: m[0]!, from: '2026-12-07', days: 1 });
    expect(appt).toMatchObject({ trainerName: 'Ben', startsAt: '2026-12-07T17:00:00.000Z', source: 'coach' });
    expect(done.result).toEqual({ op: 'appointments/book', id: appt!.id });
    const audit = listAudit(host.store.db, { entity: 'coach_action', entityId: String(action.id), limit: 10 }).map((e) => e.action);
    expect(audit.sort()).toEqual(['coach.confirm', 'coach.propose']);
    // The slot is now taken: the coach says so rather than proposing it again.
    expect((await ask(m[1]!, 'Book a PT with Ben on Monday at 6pm')).answer).toContain('Ben has another PT session then');
  });

  it('books a class through classes/book when confirmed', async () => {
    const a = await ask(m[1]!, 'bok her into HIIT monday at 6pm');
    const action = a.actions[0]!;
    expect(action).toMatchObject({ op: 'classes/book', input: { memberId: m[1], source: 'coach' } });
    const [hiit] = (await ok<{ classes: Array<{ id: number }> }>('classes/week', { weekStart: WEEK })).classes;
    expect((await ok<OccurrenceDetail>('classes/occurrence', { occurrenceId: hiit!.id })).bookings).toEqual([]);
    expect((await decide(action.id, 'confirm')).status).toBe('confirmed');
    const occ = await ok<OccurrenceDetail>('classes/occurrence', { occurrenceId: hiit!.id });
    expect(occ.bookings.map((b) => [b.memberId, b.status])).toEqual([[m[1], 'booked']]);
  });

  it('applies nothing when rejected, and a decided action cannot be decided again', async () => {
    const a = await ask(m[2]!, 'book a PT with Anna on monday at 10am');
    const action = a.actions[0]!;
    expect((await decide(action.id, 'reject')).status).toBe('rejected');
    expect(await ok<PtAppointmentView[]>('appointments/list', { memberId: m[2]!, from: '2026-12-07', days: 1 })).toEqual([]);
    const again = await host.call('coach/decide', { actionId: action.id, decision: 'confirm' }, trainer);
    expect(again).toMatchObject({ ok: false, error: { reason: 'conflict' } });
    expect(listAudit(host.store.db, { entity: 'coach_action', entityId: String(action.id), limit: 10 }).map((e) => e.action).sort()).toEqual(['coach.propose', 'coach.reject']);
  });
});

describe('plans: drafting, reading, and refusals', () => {
  it('drafts "a 3-day beginner plan, no barbell" through the planner as a draft awaiting approval', async () => {
    const a = await ask(m[0]!, 'Make Sara a 3-day beginner plan, no barbell');
    expect(a.toolCalls).toEqual([{ tool: 'draft_plan', args: { daysPerWeek: 3, weeks: 4, level: 'beginner', avoidEquipment: ['barbell'] } }]);
    const action = a.actions[0]!;
    expect(action).toMatchObject({ op: 'plans/generate', status: 'pending' });
    const done = await decide(action.id, 'confirm');
    const plan = await ok<PlanView>('plans/get', { planId: (done.result as { id: number }).id });
    expect(plan).toMatchObject({ status: 'draft', daysPerWeek: 3, level: 'beginner', approvedAt: null });
    const library = new Map((await ok<Array<{ id: string; equipment: string }>>('exercises/list', { limit: 2000 })).map((e) => [e.id, e.equipment]));
    expect(plan.weeks.flatMap((w) => w.sessions.flatMap((s) => s.prescriptions)).filter((p) => library.get(p.exerciseId) === 'barbell')).toEqual([]);
    const q = await ask(m[0]!, "what's on her plan this week?");
    expect(q.answer).toMatch(/\(draft\), week 1/);
  });

  it('refuses by role: front desk cannot read plans or have one drafted', async () => {
    expect((await ask(m[0]!, "what's on her plan today?", desk)).answer).toMatch(/I cannot do that for you: .*front_desk|I cannot do that for you/);
    const draft = await ask(m[0]!, 'make her a 2 day plan', desk);
    expect(draft.actions).toEqual([]);
    expect(draft.answer).toMatch(/I cannot propose that for you/);
  });

  it("refuses by ownership: a trainer cannot ask about another trainer's member", async () => {
    expect(await host.call('coach/ask', { memberId: m[3]!, text: 'opening hours?' }, trainer)).toMatchObject({ ok: false, error: { reason: 'forbidden' } });
  });

  it('refuses by safety: no plan while a recent check-in reports pain, and no substitute that breaks exclusions', async () => {
    await ok('checkins/create', { memberId: m[2]!, sleep: 6, fatigue: 5, soreness: 6, energy: 5, painReported: true, painNote: 'left knee' });
    const draft = await ask(m[2]!, 'create a 3 day plan for her');
    expect(draft.actions).toEqual([]);
    expect(draft.answer).toMatch(/reports pain: a new plan waits until a professional has cleared/);
    updateMember(host.store.db, m[1]!, { excludedPatterns: ['horizontal_push'] });
    const sub = await ask(m[1]!, 'alternative to the barbell bench press?');
    expect(sub.intent).toBe('substitution');
    expect(sub.answer).toMatch(/No safe substitute for Barbell Bench Press/);
  });

  it('suggests substitutes within the library and the exclusions', async () => {
    const sub = await ask(m[0]!, 'swap the barbell bench press for something');
    expect(sub.answer).toMatch(/^Instead of Barbell Bench Press: .+\(dumbbell\)/m);
  });
});

describe('other intents', () => {
  it('declines medical questions and names a professional, with no tool', async () => {
    const a = await ask(m[0]!, 'should she take ibuprofen for the knee?');
    expect(a).toMatchObject({ intent: 'medical', toolCalls: [] });
    expect(a.answer).toContain('medical professional');
  });

  it('gives the opening hours from the club setup', async () => {
    expect((await ask(m[0]!, 'what time do you open on sunday')).answer).toContain('Opening hours: Mon 06:00–22:00');
  });

  it('logs feedback only when confirmed', async () => {
    const a = await ask(m[0]!, 'log that she found leg day too hard, 8/10');
    expect(a.actions[0]).toMatchObject({ op: 'members/feedback', status: 'pending' });
    await decide(a.actions[0]!.id, 'confirm');
    const conv = await ok<CoachConversationView>('coach/conversation', { memberId: m[0]! });
    expect(conv.actions.find((x) => x.id === a.actions[0]!.id)?.status).toBe('confirmed');
    // The feedback is now a passage the coach can retrieve.
    expect((await ask(m[0]!, 'how did she find leg day')).sources.some((s) => s.id.startsWith('feedback:'))).toBe(true);
  });

  it('streams the answer as progress events that add up to it', async () => {
    const chunks: string[] = [];
    const env = await host.call('coach/ask', { memberId: m[0]!, text: 'opening hours?' }, trainer, (_f, text) => chunks.push(text));
    expect(env.ok).toBe(true);
    expect(chunks.join('')).toBe((env as { value: CoachAnswerView }).value.answer);
  });

  it('keeps one conversation per member and staff member', async () => {
    const mine = await ok<CoachConversationView>('coach/conversation', { memberId: m[0]! });
    const theirs = await ok<CoachConversationView>('coach/conversation', { memberId: m[0]! }, desk);
    expect(mine.conversationId).not.toBe(theirs.conversationId);
    expect(mine.messages.filter((x) => x.role === 'staff').length).toBeGreaterThan(theirs.messages.filter((x) => x.role === 'staff').length);
    expect(mine.status.mode).toBe('rules');
  });

  it('a dry run proposes without storing anything', async () => {
    const before = (await ok<CoachConversationView>('coach/conversation', { memberId: m[2]! })).messages.length;
    const r = await host.coach.ask({ store: host.store, caller: trainer, now: () => new Date(clock), version: '0', progress: () => {} }, { memberId: m[2]!, text: 'book a PT with Ben on monday at 11am' }, { dryRun: true });
    expect(r.proposed).toEqual([expect.objectContaining({ op: 'appointments/book', input: expect.objectContaining({ trainerId: 'ben', startsAt: '2026-12-07T10:00:00.000Z' }) })]);
    expect(r.actions).toEqual([]);
    expect((await ok<CoachConversationView>('coach/conversation', { memberId: m[2]! })).messages.length).toBe(before);
  });
});
