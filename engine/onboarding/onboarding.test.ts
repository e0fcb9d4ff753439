import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../exercises/library';
import type { MemberProfile } from '../types';
import { loadForRepsToFailure } from '../e1rm/formulas';
import { roundToLoadable } from '../units/loadable';
import {
  OnboardingInputError, assessLifts, onboardPlan, parseQuestionnaire, parseStrengthStandards, plannerRanker, standardKg,
} from './index';
import type { ExerciseRanker, OnboardingInput } from './index';

const STANDARDS_CSV = resolve('../shared/data/openpowerlifting/opl_raw_sbd_percentiles_by_sex_weightclass.csv');
function standardsText(): string {
  if (!existsSync(STANDARDS_CSV)) throw new Error(`shared data missing: ${STANDARDS_CSV}`);
  return readFileSync(STANDARDS_CSV, 'utf8');
}
const standards = parseStrengthStandards(standardsText());

const member: MemberProfile = {
  id: 1, name: 'New', goal: 'general_fitness', level: 'beginner', daysPerWeek: 3, sessionMinutes: 60, equipment: [],
  excludedMuscles: [], excludedPatterns: [], excludedExerciseIds: [], preferredUnit: 'kg', bodyMassKg: 70,
};
const answers = { goal: 'hypertrophy', experience: 'beginner', daysPerWeek: 3, sessionMinutes: 60, equipment: { access: 'club' } };

function input(over: Partial<OnboardingInput> = {}, q: Record<string, unknown> = {}): OnboardingInput {
  return {
    member, sex: 'male', questionnaire: { ...answers, ...q }, library: BUILTIN_EXERCISES, history: [], standards,
    weeks: 4, now: '2026-01-05T10:00:00Z', ...over,
  };
}

function fieldOf(fn: () => unknown): string {
  try { fn(); } catch (e) {
    if (e instanceof OnboardingInputError) return e.field;
    throw e;
  }
  throw new Error('did not throw');
}

const week1 = (p: ReturnType<typeof onboardPlan>) => p.draft.weeks[0]!.sessions.flatMap((s) => s.prescriptions);
const byId = new Map(BUILTIN_EXERCISES.map((e) => [e.id, e]));

describe('questionnaire', () => {
  it('refuses an out-of-range or unknown answer, naming the field', () => {
    expect(fieldOf(() => parseQuestionnaire({ ...answers, daysPerWeek: 7 }))).toBe('questionnaire.daysPerWeek');
    expect(fieldOf(() => parseQuestionnaire({ ...answers, sessionMinutes: 10 }))).toBe('questionnaire.sessionMinutes');
    expect(fieldOf(() => parseQuestionnaire({ ...answers, goal: 'fame' }))).toBe('questionnaire.goal');
    expect(fieldOf(() => parseQuestionnaire({ ...answers, equipment: { access: 'home', equipment: ['laser'] } }))).toBe('questionnaire.equipment.equipment.0');
    expect(fieldOf(() => parseQuestionnaire({ ...answers, bodyMassKg: 400 }))).toBe('questionnaire.bodyMassKg');
    expect(fieldOf(() => parseQuestionnaire({ ...answers, shoeSize: 44 }))).toBe('questionnaire');
    expect(fieldOf(() => parseQuestionnaire({ ...answers, preferredExerciseIds: ['a'], dislikedExerciseIds: ['a'] }))).toBe('questionnaire.dislikedExerciseIds');
    expect(fieldOf(() => onboardPlan(input({}, { preferredExerciseIds: ['no-such-lift'] })))).toBe('questionnaire.preferredExerciseIds');
  });
});

describe('starter templates', () => {
  it('are chosen from days per week and can be overridden', () => {
    const three = onboardPlan(input());
    expect(three.template.key).toBe('full_body_3');
    expect(three.draft.weeks[0]!.sessions.map((s) => s.name)).toEqual(['Full body A', 'Full body B', 'Full body C']);
    const four = onboardPlan(input({}, { daysPerWeek: 4 }));
    expect(four.draft.weeks[0]!.sessions.map((s) => s.name)).toEqual(['Upper A', 'Lower A', 'Upper B', 'Lower B']);
    const five = onboardPlan(input({}, { daysPerWeek: 5, experience: 'beginner' }));
    expect(five.draft.split).toBe('push_pull_legs');
    expect(five.draft.weeks[0]!.sessions.map((s) => s.name)).toEqual(['Push', 'Pull', 'Legs', 'Upper', 'Lower']);
    const over = onboardPlan(input({}, { daysPerWeek: 3, template: 'upper_lower_4' }));
    expect(over.draft.daysPerWeek).toBe(4);
    expect(over.draft.notes.join(' ')).toContain('chosen by the trainer, so 4 days a week (the questionnaire said 3)');
  });

  it('respect home equipment, injuries and exclusions', () => {
    const plan = onboardPlan(input({}, {
      equipment: { access: 'home', equipment: ['dumbbell'] },
      injuries: { muscles: ['lower_back'], patterns: ['hinge'] },
      excludedExerciseIds: ['dumbbell-goblet-squat'],
    }));
    const items = week1(plan);
    expect(items.length).toBeGreaterThan(5);
    for (const p of items) {
      const e = byId.get(p.exerciseId)!;
      expect(['dumbbell', 'body_only']).toContain(e.equipment);
      expect(e.pattern).not.toBe('hinge');
      expect(e.primaryMuscles).not.toContain('lower_back');
      expect(p.exerciseId).not.toBe('dumbbell-goblet-squat');
    }
  });
});

describe('ranker', () => {
  it('puts a preferred exercise in its slot and keeps a disliked one out', () => {
    const base = week1(onboardPlan(input())).map((p) => p.exerciseId);
    expect(base).toContain('barbell-back-squat');
    expect(base).not.toContain('machine-leg-press');
    const prefs = week1(onboardPlan(input({}, { preferredExerciseIds: ['machine-leg-press'], dislikedExerciseIds: ['barbell-back-squat'] }))).map((p) => p.exerciseId);
    expect(prefs).toContain('machine-leg-press');
    expect(prefs).not.toContain('barbell-back-squat');
  });

  it('is pluggable: another ranker changes the picks, constraints still hold', () => {
    const last: ExerciseRanker = { name: 'reverse', rank: (q, p) => [...plannerRanker.rank(q, p)].reverse() };
    const home = { equipment: { access: 'home', equipment: ['dumbbell', 'barbell'] } };
    const a = week1(onboardPlan(input({}, home))).map((p) => p.exerciseId);
    const plan = onboardPlan(input({ ranker: last }, home));
    const b = week1(plan).map((p) => p.exerciseId);
    expect(b).not.toEqual(a);
    expect(plan.notes.join(' ')).toContain('ranked by reverse');
    for (const id of b) expect(['dumbbell', 'barbell', 'body_only']).toContain(byId.get(id)!.equipment);
  });
});

describe('baseline assessment', () => {
  it('gives Epley e1RMs with a range and starts loads from the e1RM itself (RIR 3 is the margin), transfers at 80 %', () => {
    const [bench] = assessLifts({ tests: [{ lift: 'bench_press', loadKg: 60, reps: 5, rir: 2 }] }, BUILTIN_EXERCISES);
    expect(bench!.e1rmKg).toBeCloseTo(60 * (1 + 7 / 30), 6);
    expect(bench!.lowKg).toBeCloseTo(60 * (1 + 6 / 30) * 0.9, 6);
    expect(bench!.highKg).toBeCloseTo(60 * (1 + 8 / 30) * 1.1, 6);
    expect(bench!.startE1rmKg).toBeCloseTo(bench!.e1rmKg, 6);
    const plan = onboardPlan(input({ assessment: { tests: [{ lift: 'bench_press', loadKg: 60, reps: 5, rir: 2 }] } }, { preferredExerciseIds: ['dumbbell-incline-bench-press', 'barbell-overhead-press'] }));
    const rx = (id: string) => week1(plan).find((x) => x.exerciseId === id) ?? expect.unreachable(`${id} not in week 1`);
    const p = rx('barbell-bench-press');
    expect(p.targetRir).toBe(3);
    const expected = roundToLoadable(loadForRepsToFailure(bench!.e1rmKg, (p.repMin + p.repMax) / 2 + p.targetRir), 'barbell', 'kg', 'down');
    expect(p.loadKg).toBe(expected);
    expect(p.e1rmKg).toBeCloseTo(bench!.e1rmKg, 6);
    const db = rx('dumbbell-incline-bench-press');
    expect(db.loadKg).toBe(roundToLoadable(loadForRepsToFailure(bench!.e1rmKg * 0.4 * 0.8, (db.repMin + db.repMax) / 2 + db.targetRir), 'dumbbell', 'kg', 'down'));
    const ohp = rx('barbell-overhead-press');
    expect(ohp.loadKg).toBe(roundToLoadable(loadForRepsToFailure(bench!.e1rmKg * (0.3 / 0.45) * 0.8, (ohp.repMin + ohp.repMax) / 2 + ohp.targetRir), 'barbell', 'kg', 'down'));
    const src = new Map(plan.sources.map((s) => [s.exerciseId, s.source]));
    expect(src.get('barbell-bench-press')).toBe('test');
    expect(src.get('dumbbell-incline-bench-press')).toBe('test_transfer');
    expect(src.get('barbell-overhead-press')).toBe('test_transfer');
    expect(src.get('barbell-back-squat')).toBe('standards'); // a bench test says nothing about the legs
    expect(plan.draft.notes.join(' ')).toMatch(/from the baseline test: Barbell Bench Press/);
    expect(plan.draft.notes.join(' ')).toMatch(/Week 1 calibrates \d+ of \d+ exercises/);
    expect(plan.draft.notes.join(' ')).not.toContain('cannot know a trained lifter');
  });

  it('refuses a test out of range, naming the field', () => {
    expect(fieldOf(() => assessLifts({ tests: [{ lift: 'squat', loadKg: 80, reps: 12, rir: 1 }] }, BUILTIN_EXERCISES))).toBe('assessment.tests.0.reps');
    expect(fieldOf(() => assessLifts({ tests: [{ lift: 'squat', loadKg: 80, reps: 5, rir: 5 }] }, BUILTIN_EXERCISES))).toBe('assessment.tests.0.rir');
    expect(fieldOf(() => assessLifts({ tests: [{ lift: 'squat', loadKg: 80, reps: 5, rir: 1 }, { lift: 'squat', loadKg: 80, reps: 5, rir: 1 }] }, BUILTIN_EXERCISES))).toBe('assessment.tests.1.lift');
    expect(fieldOf(() => assessLifts({ tests: [{ lift: 'squat', exerciseId: 'nope', loadKg: 80, reps: 5, rir: 1 }] }, BUILTIN_EXERCISES))).toBe('assessment.tests.0.exerciseId');
  });
});

describe('demonstrated e1RMs from the member\'s log', () => {
  const at = (day: number) => `2026-01-0${String(day)}T10:00:00Z`;
  const set = (exerciseId: string, loadKg: number, reps: number, day: number, rir: number | null = null) => ({ exerciseId, performedAt: at(day), loadKg, reps, rir, rpe: null });

  it('start from the recent top sets, unlogged RIR read as 2, no extra discount, never heavier than demonstrated', () => {
    const history = [set('barbell-bench-press', 100, 5, 1), set('barbell-bench-press', 90, 5, 1), set('barbell-back-squat', 100, 12, 2, 1)];
    const plan = onboardPlan(input({ history }));
    const bench = week1(plan).find((p) => p.exerciseId === 'barbell-bench-press')!;
    const r = (bench.repMin + bench.repMax) / 2;
    expect(bench.loadKg).toBe(roundToLoadable(loadForRepsToFailure(100 * (1 + 7 / 30), r + bench.targetRir), 'barbell', 'kg', 'down'));
    // never heavier than the load the same set proves for those reps even if it was to failure
    expect(bench.loadKg!).toBeLessThanOrEqual(loadForRepsToFailure(100 * (1 + 5 / 30), r));
    expect(bench.reason).toContain('Logged: top set 100 kg × 5 @ RIR 2 (assumed, not logged)');
    // a 12-rep set with logged RIR 1 counts (the planner's own estimate ignores > 10 reps)
    const squat = week1(plan).find((p) => p.exerciseId === 'barbell-back-squat')!;
    expect(squat.loadKg).toBe(roundToLoadable(loadForRepsToFailure(100 * (1 + 13 / 30), (squat.repMin + squat.repMax) / 2 + squat.targetRir), 'barbell', 'kg', 'down'));
    const src = new Map(plan.sources.map((s) => [s.exerciseId, s.source]));
    expect(src.get('barbell-bench-press')).toBe('history');
    expect(src.get('barbell-back-squat')).toBe('history');
  });

  it('transfer to same-pattern and related lifts at 80 %, not across anchors; a layoff keeps the planner\'s cut', () => {
    const history = [set('barbell-bench-press', 100, 5, 1)];
    const plan = onboardPlan(input({ history }, { preferredExerciseIds: ['dumbbell-incline-bench-press', 'barbell-overhead-press'] }));
    const e = 100 * (1 + 7 / 30);
    const rx = (id: string) => week1(plan).find((x) => x.exerciseId === id) ?? expect.unreachable(`${id} not in week 1`);
    const db = rx('dumbbell-incline-bench-press');
    expect(db.loadKg).toBe(roundToLoadable(loadForRepsToFailure(e * 0.4 * 0.8, (db.repMin + db.repMax) / 2 + db.targetRir), 'dumbbell', 'kg', 'down'));
    const ohp = rx('barbell-overhead-press');
    expect(ohp.loadKg).toBe(roundToLoadable(loadForRepsToFailure(e * (0.3 / 0.45) * 0.8, (ohp.repMin + ohp.repMax) / 2 + ohp.targetRir), 'barbell', 'kg', 'down'));
    const src = new Map(plan.sources.map((s) => [s.exerciseId, s.source]));
    expect(src.get('dumbbell-incline-bench-press')).toBe('history_transfer');
    expect(src.get('barbell-overhead-press')).toBe('history_transfer');
    expect(src.get('barbell-back-squat')).toBe('standards');
    const old = onboardPlan(input({ history, now: '2026-03-05T10:00:00Z' }));
    const bench = week1(old).find((p) => p.exerciseId === 'barbell-bench-press')!;
    expect(bench.reason.startsWith('e1RM ')).toBe(true); // the planner's own estimate with its layoff cut
    expect(old.sources.find((s) => s.exerciseId === 'barbell-bench-press')!.source).toBe('history');
  });

  it('say so when only priors exist: they cannot know a trained lifter, the test is the remedy', () => {
    expect(onboardPlan(input()).draft.notes.join(' ')).toContain('cannot know a trained lifter (they start far too light for one). A baseline test of the key lifts is the remedy.');
  });
});

describe('strength-standards priors', () => {
  it('use the gym percentile of the member\'s sex and class, conservative when unknown', () => {
    const row = standardsText().split('\n').find((l) => l.startsWith('M,74,Squat,'))!.split(',');
    expect(standardKg(standards, 'squat', { sex: 'male', bodyMassKg: 70, level: 'beginner' }).kg).toBe(Number(row[5])); // P10
    const p25 = standardKg(standards, 'squat', { sex: 'male', bodyMassKg: 70, level: 'intermediate' }).kg;
    expect(p25).toBe(Number(row[6]));
    const unknown = standardKg(standards, 'squat', { sex: null, bodyMassKg: null, level: 'beginner' });
    expect(unknown.kg).toBeLessThan(standardKg(standards, 'squat', { sex: 'male', bodyMassKg: null, level: 'beginner' }).kg);
    expect(unknown.label).toContain('sex unknown');
    const plan = onboardPlan(input());
    const squat = week1(plan).find((p) => p.exerciseId === 'barbell-back-squat')!;
    const expected = roundToLoadable(loadForRepsToFailure(Number(row[5]) * 0.8, (squat.repMin + squat.repMax) / 2 + squat.targetRir), 'barbell', 'kg', 'down');
    expect(squat.loadKg).toBe(expected);
    expect(squat.e1rmKg).toBeNull();
  });

  it('fall back to the body-mass prior when no table is given, and say so', () => {
    const plan = onboardPlan(input({ standards: null }));
    expect(plan.sources.find((s) => s.exerciseId === 'barbell-back-squat')!.source).toBe('body_mass');
    expect(plan.draft.notes.join(' ')).toContain('Strength standards were not available');
  });

  it('refuses a malformed table, naming the line', () => {
    expect(() => parseStrengthStandards('Sex,WeightClassKg,Lift,NLifters,P5,P10,P25,P50,P75,P90,P95\nM,74,Squat,10,a,b,c,d,e,f,g\n')).toThrow(/line 2/);
  });
});

describe('planner hooks used by onboarding', () => {
  it('refuses a split whose day count differs, and a given e1RM out of range, naming the field', async () => {
    const { generatePlan, PlannerInputError } = await import('../planner/index');
    const { templateSplit } = await import('./templates');
    const base = { member: { ...member, equipment: ['barbell', 'dumbbell'] as MemberProfile['equipment'] }, library: BUILTIN_EXERCISES, history: [], weeks: 2, now: '2026-01-05T10:00:00Z' };
    const plannerField = (fn: () => unknown): string => {
      try { fn(); } catch (e) { if (e instanceof PlannerInputError) return e.field; throw e; }
      throw new Error('did not throw');
    };
    expect(plannerField(() => generatePlan({ ...base, daysPerWeek: 3, split: templateSplit('upper_lower_4', 4) }))).toBe('split');
    expect(plannerField(() => generatePlan({ ...base, givenE1rm: new Map([['barbell-bench-press', { e1rmKg: -5, source: 'assessment' as const, label: 'x' }]]) }))).toBe('givenE1rm.barbell-bench-press');
    const ok = generatePlan({ ...base, givenE1rm: new Map([['barbell-bench-press', { e1rmKg: 100, source: 'assessment' as const, label: 'Given' }]]) });
    const bench = ok.weeks[0]!.sessions.flatMap((s) => s.prescriptions).find((p) => p.exerciseId === 'barbell-bench-press');
    expect(bench?.reason.startsWith('Given;')).toBe(true);
    expect(bench?.isCalibration).toBe(true);
  });
});
