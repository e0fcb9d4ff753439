/** Host tests of `recommend/exercises` and `recommend/train` on a real file database with the demo club. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../../host/host';
import { createTestHost } from '../../host/testkit';
import type { Caller } from '../../host/context';
import type { DemoClubReport, ExerciseSuggestionsView, PlanView, RecommendTrainReport } from '../../contract/index';
import { createRecRegistry, recommendRegistryDir } from '../../../models/recommend/registry';
import { trainAls } from '../../../engine/recommend/als';
import { allExercises, upsertExercises } from '../../../db/exercises';

let dir: string;
let host: Host;
let caller: Caller;
let memberId: number;
let otherId: number;
let thirdId: number;
let dbPath: string;

async function ok<T>(name: string, input: unknown): Promise<T> {
  const env = await host.call(name, input, caller);
  if (!env.ok) throw new Error(`${name}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-recommend-'));
  dbPath = join(dir, 'club.db');
  ({ host, manager: caller } = await createTestHost(dbPath, { now: () => new Date('2026-11-22T08:00:00Z') }));
  const demo = await ok<DemoClubReport>('demo/create', { seed: 15, members: 4 });
  memberId = demo.members[0]!.id;
  otherId = demo.members[1]!.id;
  thirdId = demo.members[2]!.id;
}, 120_000);
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('recommend/exercises', () => {
  it('returns 5 scored, explained suggestions with components in range; CF off with a reason', async () => {
    const v = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId, context: { kind: 'slot', patterns: ['horizontal_push'] } });
    expect(v.suggestions).toHaveLength(5);
    for (const s of v.suggestions) {
      expect(s.total).toBeGreaterThan(0);
      expect(s.total).toBeLessThanOrEqual(100);
      expect(s.components.balance).toBeLessThanOrEqual(30);
      expect(s.reason.length).toBeGreaterThan(5);
    }
    expect(v.cf.on).toBe(false);
    expect(v.cf.reason).toMatch(/no model is active/);
  });

  it('a swap keeps the pattern and leaves the exercise out', async () => {
    const v = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId, context: { kind: 'swap', exerciseId: 'barbell-back-squat' } });
    expect(v.suggestions.map((s) => s.exerciseId)).not.toContain('barbell-back-squat');
    expect(v.suggestions.length).toBeGreaterThan(0);
  });

  it('sees an exercise added to the library after an earlier request (the cached library reloads)', async () => {
    await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId, context: { kind: 'slot' } });
    const squat = allExercises(host.store.db).find((e) => e.id === 'barbell-back-squat')!;
    upsertExercises(host.store.db, [{ ...squat, id: 'club-safety-bar-squat', name: 'Club safety bar squat' }]);
    const v = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId, context: { kind: 'swap', exerciseId: 'club-safety-bar-squat' } });
    expect(v.context.exerciseId).toBe('club-safety-bar-squat');
    expect(v.suggestions.map((s) => s.exerciseId)).not.toContain('club-safety-bar-squat');
  });

  it('names the field of an unknown exercise id and of a bad member id', async () => {
    const bad = await host.call('recommend/exercises', { memberId, context: { kind: 'swap', exerciseId: 'no-such-lift' } }, caller);
    expect(bad).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'context.exerciseId' } });
    const none = await host.call('recommend/exercises', { memberId: 99_999, context: { kind: 'slot' } }, caller);
    expect(none).toMatchObject({ ok: false, error: { field: 'memberId' } });
  });
});

describe('weekly set targets', () => {
  it('come from the member\'s own weeks without a plan, from the approved plan once there is one, and change the balance score', async () => {
    const slot = { kind: 'slot', muscles: ['chest', 'quadriceps', 'lats', 'shoulders', 'hamstrings', 'glutes'] };
    const before = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId: thirdId, context: slot, topN: 20 });
    expect(['habit', 'goal']).toContain(before.targets.source);
    expect(before.targets.reason).toMatch(/no approved plan/);
    const plan = await ok<PlanView>('plans/generate', { memberId: thirdId, weeks: 4 });
    await ok<PlanView>('plans/approve', { planId: plan.id });
    const after = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId: thirdId, context: slot, topN: 20 });
    expect(after.targets).toEqual({ source: 'plan', reason: `Weekly set targets from plan "${plan.name}" (week ${plan.weeks.find((w) => !w.isDeload)!.week})` });
    const need = (v: ExerciseSuggestionsView) => Object.fromEntries(v.suggestions.map((s) => [s.exerciseId, s.components.balance]));
    expect(need(after), 'the plan\'s targets should move the balance score of some suggestion').not.toEqual(need(before));
  });
});

describe('plans/add-prescription with a recommended exercise', () => {
  it('adds the top suggestion to a draft session as a calibration prescription; refuses a duplicate and a foreign session', async () => {
    const plan = await ok<PlanView>('plans/generate', { memberId, weeks: 4 });
    const session = plan.weeks[0]!.sessions[0]!;
    const v = await ok<ExerciseSuggestionsView>('recommend/exercises', {
      memberId, context: { kind: 'slot', sessionName: session.name, excludeExerciseIds: session.prescriptions.map((p) => p.exerciseId) },
    });
    const pick = v.suggestions[0]!.exerciseId;
    expect(session.prescriptions.map((p) => p.exerciseId)).not.toContain(pick);
    const after = await ok<PlanView>('plans/add-prescription', { planId: plan.id, sessionId: session.id, exerciseId: pick });
    const added = after.weeks[0]!.sessions[0]!.prescriptions.at(-1)!;
    expect(added.exerciseId).toBe(pick);
    expect(added.isCalibration).toBe(true);
    expect(added.loadKg).toBeNull();
    expect(added.order).toBe(session.prescriptions.length + 1);
    const dup = await host.call('plans/add-prescription', { planId: plan.id, sessionId: session.id, exerciseId: pick }, caller);
    expect(dup).toMatchObject({ ok: false, error: { reason: 'conflict', field: 'exerciseId' } });
    const foreign = await host.call('plans/add-prescription', { planId: plan.id, sessionId: 9_999_999, exerciseId: pick }, caller);
    expect(foreign).toMatchObject({ ok: false, error: { reason: 'not_found', field: 'sessionId' } });
  });
});

describe('the safety layer', () => {
  it('exercises whose progression recommendation the safety layer blocked (pain reported) are not suggested', async () => {
    const plan = await ok<PlanView>('plans/generate', { memberId: otherId, weeks: 4 });
    await ok<PlanView>('plans/approve', { planId: plan.id });
    const planIds = new Set(plan.weeks.flatMap((w) => w.sessions.flatMap((s) => s.prescriptions.map((p) => p.exerciseId))));
    const slot = { kind: 'slot', muscles: ['chest', 'quadriceps', 'lats', 'shoulders'] };
    const before = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId: otherId, context: slot, topN: 20 });
    await ok('checkins/create', { memberId: otherId, sleep: 6, fatigue: 4, soreness: 4, energy: 6, painReported: true, painNote: 'knee' });
    const recs = await ok<Array<{ exerciseId: string; safety: { status: string } }>>('recommendations/generate', { memberId: otherId });
    const blocked = new Set(recs.filter((r) => r.safety.status === 'blocked').map((r) => r.exerciseId));
    expect(blocked.size).toBeGreaterThan(0);
    const hit = before.suggestions.filter((s) => blocked.has(s.exerciseId));
    expect(hit.length, 'a blocked exercise was suggested before the block').toBeGreaterThan(0);
    const after = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId: otherId, context: slot, topN: 20 });
    expect(after.suggestions.filter((s) => blocked.has(s.exerciseId))).toEqual([]);
    expect(planIds.size).toBeGreaterThan(0);
  });
});

describe('recommend/train', () => {
  it('a small club has too little data: no model, CF stays off, and it says so', async () => {
    const r = await ok<RecommendTrainReport>('recommend/train', {});
    expect(r.version).toBeNull();
    expect(r.activated).toBe(false);
    expect(r.reason).toMatch(/too little data: 4 members/);
  });

  it('with enough members it trains and validates on held-out sessions; on the demo club popularity wins, so it stays a candidate and CF stays off', async () => {
    await ok<DemoClubReport>('demo/create', { seed: 16, members: 30 });
    const r = await ok<RecommendTrainReport>('recommend/train', {});
    expect(r.version).not.toBeNull();
    expect(r.members).toBeGreaterThanOrEqual(20);
    expect(r.heldOutSessions).toBe(r.members);
    expect(r.trainingSamples).toBeGreaterThan(100);
    expect(r.ndcgAt5).toBeGreaterThan(0);
    // The demo club's members share a few templates, so popularity is a strong baseline there.
    expect(r.ndcgAt5!).toBeLessThanOrEqual(r.popularityNdcgAt5!);
    expect(r.activated).toBe(false);
    expect(r.reason).toMatch(/not above popularity/);
    const entries = JSON.parse(readFileSync(join(recommendRegistryDir(dbPath), 'registry.json'), 'utf8')).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0].status).toBe('candidate');
    const v = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId, context: { kind: 'slot' } });
    expect(v.cf.on).toBe(false);
    expect(v.suggestions.every((s) => s.cf === null)).toBe(true);
  }, 120_000);
});

describe('an active ALS model', () => {
  it('is blended in for a member with 3+ workouts, and a model file failing its checksum turns CF off', async () => {
    const items = ['barbell-bench-press', 'barbell-back-squat', 'barbell-deadlift', 'dumbbell-lateral-raise'];
    const { model } = trainAls(items, [new Map([[0, 3], [1, 2]]), new Map([[1, 1], [2, 4]]), new Map([[0, 1], [3, 2]])], { factors: 4, iterations: 3 });
    const reg = createRecRegistry(recommendRegistryDir(dbPath));
    reg.register(model, { version: 'als-test', trainingSamples: 6, members: 3, validation: { ndcgAt5: 0.9, recallAt10: 1, popularityNdcgAt5: 0.1, heldOutSessions: 3 } });
    expect(reg.activateIfBetter('als-test', null).activated).toBe(true);
    const v = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId, context: { kind: 'slot', sessionName: 'Push' }, topN: 5 });
    expect(v.cf).toMatchObject({ on: true, modelVersion: 'als-test' });
    for (const s of v.suggestions) {
      expect(s.cf).not.toBeNull();
      expect(s.total).toBeCloseTo(0.6 * s.content + 0.4 * s.cf!.score, 0);
    }
    writeFileSync(join(recommendRegistryDir(dbPath), 'als-test.json'), '{}');
    const off = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId, context: { kind: 'slot' } });
    expect(off.cf.on).toBe(false);
    expect(off.cf.reason).toMatch(/checksum/);
    expect(off.suggestions.every((s) => s.cf === null)).toBe(true);
  });
});
