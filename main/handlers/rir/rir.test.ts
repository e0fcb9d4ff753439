/**
 * The RIR model in the host, on a real SQLite file: learning from the demo club's sets (which
 * carry a logged RIR), accuracy tracking, predicted RIR in plans, the load model in the
 * planner, and the registry's refit, refusal and rollback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../../host/host';
import { createTestHost } from '../../host/testkit';
import type { Caller } from '../../host/context';
import type { DemoClubReport, ModelsView, PlanView, RefitReport, RirMemberView } from '../../contract/index';
import { registryDir } from './population';

let dir: string;
let host: Host;
let caller: Caller;
let memberId: number;

async function ok<T>(name: string, input: unknown): Promise<T> {
  const env = await host.call(name, input, caller);
  if (!env.ok) throw new Error(`${name}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-rir-'));
  ({ host, manager: caller } = await createTestHost(join(dir, 'club.db'), { now: () => new Date('2026-11-22T08:00:00Z') }));
  const demo = await ok<DemoClubReport>('demo/create', { seed: 11, members: 3 });
  memberId = demo.members[0]!.id;
});
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('RIR model in the host', () => {
  it('learns from the sets, stores a prediction before each set with a RIR, and describes the bias', async () => {
    const view = await ok<RirMemberView>('rir/member', { memberId });
    expect(view.setsLearnt).toBeGreaterThan(50);
    expect(view.accuracy.sets).toBeGreaterThan(50);
    expect(view.accuracy.maeReps).toBeGreaterThan(0);
    expect(view.accuracy.maeReps).toBeLessThan(3);
    expect(view.bias.sentence.length).toBeGreaterThan(10);
    expect(view.recent[0]!.predictedRir).toBeTypeOf('number');
    const again = await ok<RirMemberView>('rir/member', { memberId });
    expect(again.accuracy.sets).toBe(view.accuracy.sets); // learning is idempotent
  });

  it('predicts reps to failure, fewer at a heavier load, and names a bad load', async () => {
    const light = await ok<{ repsToFailure: number }>('rir/predict', { memberId, exerciseId: 'barbell-bench-press', loadKg: 30 });
    const heavy = await ok<{ repsToFailure: number }>('rir/predict', { memberId, exerciseId: 'barbell-bench-press', loadKg: 45 });
    expect(heavy.repsToFailure).toBeLessThan(light.repsToFailure);
    const bad = await host.call('rir/predict', { memberId, exerciseId: 'barbell-bench-press', loadKg: 0 }, caller);
    expect(bad).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'loadKg' } });
  });

  it('puts the predicted RIR beside each loaded prescription, and the model sets learnt loads', async () => {
    const plan = await ok<PlanView>('plans/generate', { memberId, weeks: 4 });
    const loaded = plan.weeks[0]!.sessions.flatMap((s) => s.prescriptions).filter((p) => p.loadKg !== null);
    expect(loaded.length).toBeGreaterThan(0);
    for (const p of loaded) {
      expect(p.predictedRir).not.toBeNull();
      // RIR is clipped at 0, so the bottom of the range leaves at least as much as the top
      expect(p.predictedRir!.atRepMin).toBeGreaterThanOrEqual(p.predictedRir!.atRepMax);
      if (p.predictedRir!.atRepMax > 0) expect(p.predictedRir!.atRepMin).toBeGreaterThan(p.predictedRir!.atRepMax);
      // The RIR predictor's expected effort, with its interval and what it rests on.
      const e = p.predictedRir!.expected!;
      expect(['target', 'last-report', 'stopping-habit', 'recent-sets']).toContain(e.basis);
      expect(e.low80).toBeLessThanOrEqual(e.rir);
      expect(e.high80).toBeGreaterThan(e.low80);
    }
    // The demo members log RIRs, so some predictions rest on their own data, not the target alone.
    expect(loaded.some((p) => p.predictedRir!.expected!.basis !== 'target')).toBe(true);
    const fromModel = loaded.filter((p) => p.reason.startsWith('RIR model'));
    expect(fromModel.length).toBeGreaterThan(0);
    // where the model set the load, it predicts the member can do the reps asked
    for (const p of fromModel) expect(p.predictedRir!.atRepMin, p.exerciseName).toBeGreaterThan(0);
  });

  it('refits in a worker, activates only a better model, and rolls back in one action', async () => {
    const events: string[] = [];
    const env = await host.call('models/refit', {}, caller, (_f, m) => events.push(m));
    if (!env.ok) throw new Error(env.error.message);
    const report = env.value as RefitReport;
    expect(events.length).toBeGreaterThan(2);
    expect(report.entry.heldOutSets).toBeGreaterThan(0);
    expect(report.entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(registryDir(host.store.path))).toBe(true);
    expect(report.activated).toBe(report.previousMaeReps === null || report.entry.maeReps < report.previousMaeReps);
    const models = await ok<ModelsView>('models/list', {});
    expect(models.entries).toHaveLength(1);
    expect(models.activeVersion).toBe(report.activated ? report.entry.version : null);
    expect(models.canRollBack).toBe(report.activated);
    if (report.activated) {
      const rolled = await ok<ModelsView>('models/rollback', {});
      expect(rolled.activeVersion).toBeNull();
      expect(rolled.history.length).toBe(2);
      expect(rolled.canRollBack).toBe(false);
    } else {
      expect(await host.call('models/rollback', {}, caller)).toMatchObject({ ok: false, error: { reason: 'conflict' } });
    }
  });
});
