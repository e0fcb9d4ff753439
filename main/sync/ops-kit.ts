/** For sync tests and the bench: phones that make operations against a pulled plan. */
import { HybridClock } from '../../engine/sync/hlc';
import type { OpEnvelope } from '../../engine/sync/ops';
import type { PulledPlan } from '../../engine/sync/pull';

export class TestPhone {
  readonly clock: HybridClock;
  constructor(readonly node: string, private readonly newId: () => string, now: () => number) {
    this.clock = new HybridClock(node, now);
  }

  op(kind: string, payload: unknown): OpEnvelope {
    return { id: this.newId(), hlc: this.clock.tick(), kind, payload };
  }

  /** A set log against the `n`-th prescription of the plan's first session (or an explicit logId for a new version). */
  setLog(plan: PulledPlan, sessionId: string, n: number, over: Record<string, unknown> = {}): OpEnvelope {
    const s = plan.sessions[0]!;
    const p = s.prescriptions[n % s.prescriptions.length]!;
    return this.op('set.log', {
      logId: this.newId(), sessionId, planSessionId: s.id, prescriptionId: p.id, exerciseId: p.exerciseId,
      setNumber: 1 + Math.floor(n / s.prescriptions.length) % 50, loadKg: p.loadKg ?? 20, reps: p.repMax, rir: p.targetRir, note: '',
      performedAt: new Date(Date.parse('2026-12-01T10:00:00Z') + n * 60_000).toISOString(), voided: false, ...over,
    });
  }
}
