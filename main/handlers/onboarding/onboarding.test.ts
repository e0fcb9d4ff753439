/**
 * Onboarding in the host, on a real SQLite file: a new member from the questionnaire and a
 * baseline test gets a draft plan that approves through the plan path; answers are stored with
 * the member; bad answers are refused naming the field and leave nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../../host/host';
import { createTestHost } from '../../host/testkit';
import type { Caller } from '../../host/context';
import type { Member, MemberSummary, OnboardingView, PlanView } from '../../contract/index';
import { getMember } from '../../../db/members';
import { strengthStandards } from './handlers';

let dir: string;
let host: Host;
let caller: Caller;

async function ok<T>(name: string, input: unknown): Promise<T> {
  const env = await host.call(name, input, caller);
  if (!env.ok) throw new Error(`${name}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}

const answers = {
  goal: 'hypertrophy', experience: 'beginner', daysPerWeek: 4, sessionMinutes: 60, equipment: { access: 'club' },
  injuries: { muscles: [], patterns: ['hinge'], note: 'disc, 2024' }, bodyMassKg: 82, sex: 'male',
};

beforeAll(async () => {
  if (strengthStandards().table === null) throw new Error(`strength standards missing at ${strengthStandards().path}`);
  dir = mkdtempSync(join(tmpdir(), 'studio-onboarding-'));
  ({ host, manager: caller } = await createTestHost(join(dir, 'club.db'), { now: () => new Date('2026-12-01T09:00:00Z') }));
});
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('onboarding/create', () => {
  it('creates the member and a draft plan from the answers and the test, approvable through plans/approve', async () => {
    const view = await ok<OnboardingView>('onboarding/create', {
      newMember: { name: 'Nora New', preferredUnit: 'kg' }, questionnaire: answers,
      assessment: { tests: [{ lift: 'bench_press', loadKg: 60, reps: 5, rir: 2 }, { lift: 'squat', loadKg: 80, reps: 5, rir: 2 }] },
    });
    expect(view.createdMember).toBe(true);
    expect(view.template).toMatchObject({ key: 'upper_lower_4', days: 4 });
    expect(view.plan.status).toBe('draft');
    expect(view.plan.memberId).toBe(view.memberId);
    expect(view.plan.weeks[0]!.sessions.map((s) => s.name)).toEqual(['Upper A', 'Lower A', 'Upper B', 'Lower B']);
    const src = new Map(view.sources.map((s) => [s.exerciseId, s.source]));
    expect(src.get('barbell-bench-press')).toBe('test');
    expect(src.get('barbell-back-squat')).toBe('test');
    expect([...src.values()]).toContain('standards');
    expect(view.standards).toContain('opl_raw_sbd_percentiles');
    expect(view.assessed.find((a) => a.lift === 'bench_press')!.e1rmKg).toBeCloseTo(74, 6);
    expect(view.plan.notes.join(' ')).toMatch(/Week 1 calibrates/);
    const items = view.plan.weeks[0]!.sessions.flatMap((s) => s.prescriptions);
    expect(items.some((p) => p.exerciseId.includes('deadlift'))).toBe(false); // hinge excluded
    const stored = getMember(host.store.db, view.memberId)!;
    expect(stored.questionnaire).toMatchObject({ daysPerWeek: 4, injuries: { patterns: ['hinge'], note: 'disc, 2024' } });
    expect(stored.questionnaireAt).toBe('2026-12-01T09:00:00.000Z');
    const member = await ok<Member>('members/get', { memberId: view.memberId });
    expect(member).toMatchObject({ goal: 'hypertrophy', level: 'beginner', daysPerWeek: 4, bodyMassKg: 82, sex: 'male', excludedPatterns: ['hinge'] });
    const approved = await ok<PlanView>('plans/approve', { planId: view.planId });
    expect(approved.status).toBe('approved');
  });

  it('re-onboards an existing member: the home gym replaces the club kit', async () => {
    const first = await ok<OnboardingView>('onboarding/create', { newMember: { name: 'Hal Home' }, questionnaire: { ...answers, injuries: { muscles: [], patterns: [] } } });
    const again = await ok<OnboardingView>('onboarding/create', {
      memberId: first.memberId, questionnaire: { ...answers, daysPerWeek: 3, equipment: { access: 'home', equipment: ['dumbbell'] } },
    });
    expect(again.createdMember).toBe(false);
    expect(again.template.key).toBe('full_body_3');
    const member = await ok<Member>('members/get', { memberId: first.memberId });
    expect([...member.equipment].sort()).toEqual(['body_only', 'dumbbell']);
    const exercises = await ok<Array<{ id: string; equipment: string }>>('exercises/list', { limit: 2000 });
    const kit = new Map(exercises.map((e) => [e.id, e.equipment]));
    for (const p of again.plan.weeks[0]!.sessions.flatMap((s) => s.prescriptions)) expect(['dumbbell', 'body_only']).toContain(kit.get(p.exerciseId));
  });

  it('refuses an out-of-range answer naming the field, and leaves no member behind', async () => {
    const before = (await ok<MemberSummary[]>('members/list', {})).length;
    const bad = await host.call('onboarding/create', { newMember: { name: 'Bad Days' }, questionnaire: { ...answers, daysPerWeek: 9 } }, caller);
    expect(bad).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'questionnaire.daysPerWeek' } });
    const badTest = await host.call('onboarding/create', { newMember: { name: 'Bad Test' }, questionnaire: answers, assessment: { tests: [{ lift: 'squat', loadKg: 80, reps: 15, rir: 1 }] } }, caller);
    expect(badTest).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'assessment.tests.0.reps' } });
    const badId = await host.call('onboarding/create', { newMember: { name: 'Bad Id' }, questionnaire: { ...answers, preferredExerciseIds: ['no-such'] } }, caller);
    expect(badId).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'questionnaire.preferredExerciseIds' } });
    const neither = await host.call('onboarding/create', { questionnaire: answers }, caller);
    expect(neither).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'memberId' } });
    expect((await ok<MemberSummary[]>('members/list', {})).length).toBe(before);
  });
});
