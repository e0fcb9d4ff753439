import { describe, expect, it } from 'vitest';
import type { Prescribed, Recommendation } from '../progression/types';
import {
  PreferenceInputError, emaConfidence, emaStep, expectedOutcomeMet, extractSignals, initialProfile, learnProfile,
  memberInsights, parseFeedback, preferenceSummary, updateProfile,
} from './index';
import type { Feedback } from './index';

type RecommendationTypeT = Recommendation['type'];
const base: Prescribed = { exerciseId: 'barbell-bench-press', sets: 3, repMin: 6, repMax: 10, loadKg: 60, restS: 120, targetRir: 2 };

function rec(type: RecommendationTypeT, suggested: Partial<Prescribed> = {}): Recommendation {
  return {
    memberId: 7, exerciseId: base.exerciseId, type, original: base, suggested: { ...base, ...suggested }, confidence: null, confidenceBasis: null,
    reasoning: 'test', factors: [], expectedOutcome: '3×6 at the new load', risk: 'low', alternatives: [],
    sources: { rule: { name: 'dp', loadKg: suggested.loadKg ?? 60, reps: 6 }, model: null, blendedLoadKg: null },
  };
}

function fb(action: Feedback['action'], over: Partial<Feedback> = {}): Feedback {
  return { recommendationId: 'r1', action, difficulty: 5, effectiveness: 7, perceivedExertion: 7, formQuality: 8, ...over };
}

describe('parseFeedback', () => {
  it('accepts valid feedback', () => {
    expect(parseFeedback({ ...fb('accepted'), completionTimeS: 300, notes: 'ok' }).action).toBe('accepted');
  });
  it.each([
    ['formQuality', { formQuality: 11 }, 'formQuality: must be an integer from 1 to 10, got 11'],
    ['difficulty', { difficulty: 0 }, 'difficulty: must be an integer from 1 to 10, got 0'],
    ['perceivedExertion', { perceivedExertion: 7.5 }, 'perceivedExertion: must be an integer from 1 to 10, got 7.5'],
    ['effectiveness', { effectiveness: '9' }, 'effectiveness: must be an integer from 1 to 10, got "9"'],
    ['action', { action: 'ignored' }, 'action: must be one of accepted, modified, skipped, got "ignored"'],
    ['completionTimeS', { completionTimeS: -1 }, 'completionTimeS: must be a number of seconds from 0 to 14400, got -1'],
    ['recommendationId', { recommendationId: ' ' }, 'recommendationId:'],
  ])('names the field %s', (field, over, message) => {
    try {
      parseFeedback({ ...fb('accepted'), ...over });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PreferenceInputError);
      expect((e as PreferenceInputError).field).toBe(field);
      expect((e as Error).message.startsWith(message)).toBe(true);
    }
  });
  it('rejects a missing field, unknown fields and modifiedTo without "modified"', () => {
    const { difficulty: _d, ...missing } = fb('accepted');
    expect(() => parseFeedback(missing)).toThrow(/^difficulty:/);
    expect(() => parseFeedback({ ...fb('accepted'), mood: 3 })).toThrow(/unknown field\(s\): mood/);
    expect(() => parseFeedback({ ...fb('accepted'), modifiedTo: { restS: 150 } })).toThrow(/^modifiedTo: is only allowed/);
    expect(() => parseFeedback({ ...fb('modified'), modifiedTo: { repMin: 12, repMax: 8 } })).toThrow(/^modifiedTo.repMin/);
    expect(() => parseFeedback('nope')).toThrow(/^feedback:/);
  });
});

describe('extractSignals', () => {
  it('an accepted increase at low exertion says: more intensity, faster progression', () => {
    const s = extractSignals(rec('increase_weight', { loadKg: 62.5 }), fb('accepted', { perceivedExertion: 5 }));
    expect(s.map((x) => [x.dimension, x.target, x.rule])).toEqual([
      ['preferredIntensity', 1, 'load_up_easy'], ['progressionRate', 1, 'load_up_accepted'],
    ]);
  });
  it('rest modified upward says: longer rest', () => {
    const s = extractSignals(rec('modify_rest', { restS: 90 }), fb('modified', { modifiedTo: { restS: 180 } }));
    expect(s).toEqual([expect.objectContaining({ dimension: 'restPreference', target: 1, rule: 'rest_modified_up' })]);
  });
  it('a skipped change of exercise says: low variety', () => {
    const s = extractSignals(rec('change_exercise', { exerciseId: 'dumbbell-bench-press' }), fb('skipped'));
    expect(s).toEqual([expect.objectContaining({ dimension: 'exerciseVariety', target: 0, rule: 'change_skipped' })]);
  });
  it('poor form asks for form focus; a skipped deload says the member keeps it heavy', () => {
    expect(extractSignals(rec('adjust_reps', { repMin: 8 }), fb('accepted', { formQuality: 4 })).map((x) => x.rule)).toContain('form_poor');
    expect(extractSignals(rec('deload', { loadKg: 54 }), fb('skipped'))[0]).toMatchObject({ dimension: 'preferredIntensity', target: 1 });
  });
});

describe('profile EMA', () => {
  it('steps by α × (target − p) and reports confidence 1 − (1 − α)^n', () => {
    expect(emaStep(0.5, 1, 0.05)).toBeCloseTo(0.525, 12);
    expect(emaConfidence(20, 0.05)).toBeCloseTo(1 - 0.95 ** 20, 12);
    const r = rec('increase_weight', { loadKg: 62.5 });
    const { profile, signals } = updateProfile(initialProfile(7), r, fb('accepted', { perceivedExertion: 5 }));
    expect(signals).toHaveLength(2);
    expect(profile.dimensions.preferredIntensity).toBeCloseTo(0.525, 12);
    expect(profile.dimensions.progressionRate).toBeCloseTo(0.525, 12);
    expect(profile.dimensions.restPreference).toBe(0.5);
    expect(profile.confidence.preferredIntensity).toBeCloseTo(0.05, 12);
    expect(profile.rates.accepted).toBeCloseTo(1 / 3 + 0.05 * (2 / 3), 12);
    expect(profile.rates.skipped).toBeCloseTo((1 / 3) * 0.95, 12);
  });
  it('after n identical signals p = target − (target − p0)(1 − α)^n, and rates sum to 1', () => {
    const r = rec('increase_weight', { loadKg: 62.5 });
    const entries = Array.from({ length: 30 }, (_, i) => ({ recommendation: r, feedback: fb(i % 3 === 0 ? 'skipped' : 'accepted', { perceivedExertion: 5 }) }));
    const p = learnProfile(7, entries);
    expect(p.counts).toEqual({ accepted: 20, modified: 0, skipped: 10, total: 30 });
    expect(p.rates.accepted + p.rates.modified + p.rates.skipped).toBeCloseTo(1, 12);
    const onlyAccepted = learnProfile(7, entries.filter((e) => e.feedback.action === 'accepted'));
    expect(onlyAccepted.dimensions.progressionRate).toBeCloseTo(1 - 0.5 * 0.95 ** 20, 12);
  });
  it('rejects another member\'s recommendation and a bad learning rate', () => {
    expect(() => updateProfile(initialProfile(8), rec('deload'), fb('accepted'))).toThrow(PreferenceInputError);
    expect(() => initialProfile(7, 0)).toThrow(/^learningRate:/);
  });
});

describe('insights', () => {
  const r = rec('increase_weight', { loadKg: 62.5 });
  const entries = Array.from({ length: 10 }, (_, i) => ({
    recommendationId: `r${String(i)}`, recommendation: r, feedback: fb(i < 8 ? 'accepted' : 'skipped', { perceivedExertion: 5 }),
  }));
  const profile = learnProfile(7, entries);
  const insights = memberInsights({
    profile, entries,
    outcomes: [{ recommendationId: 'r0', met: true }, { recommendationId: 'r1', met: true }, { recommendationId: 'r2', met: false }, { recommendationId: 'r9', met: false }],
    trends: [
      { exerciseId: 'barbell-bench-press', primaryMuscles: ['chest'], e1rmChangePctPerWeek: 1.5 },
      { exerciseId: 'barbell-squat', primaryMuscles: ['quadriceps'], e1rmChangePctPerWeek: -0.4 },
      { exerciseId: 'barbell-row', primaryMuscles: ['middle_back'], e1rmChangePctPerWeek: 0.3 },
    ],
    adherence: [{ weekStart: '2024-01-01', planned: 3, done: 3 }, { weekStart: '2024-01-08', planned: 3, done: 1 }],
  });
  it('reads rates, accuracy and areas', () => {
    expect(insights.acceptanceRate).toBe(0.8);
    expect(insights.recommendationAccuracy).toBeCloseTo(2 / 3, 12); // r9 was skipped: not judged
    expect(insights.strongAreas.map((a) => a.muscle)).toEqual(['chest']);
    expect(insights.weakAreas.map((a) => a.muscle)).toEqual(['quadriceps']);
    expect(insights.consistency).toMatchObject({ adherence: 4 / 6, weeksOnPlan: 1, weeks: 2 });
  });
  it('writes sentences', () => {
    // intensity: 8 × → 1 then 2 × → 0.25: 1 − 0.5·0.95^8 = 0.668 → 0.647 → 0.627; progression: → 0.635 → 0.603.
    expect(insights.summary).toEqual([
      'Prefers heavier, harder work (0.63 on 0–1, confidence 40 %).',
      'Likes to progress quickly (0.60 on 0–1, confidence 40 %).',
    ]);
    expect(insights.improvement.sentence).toBe('Strength is rising: e1RM +0.3 %/week (median of 3 exercises).');
    expect(insights.consistency.sentence).toBe('67 % of planned sessions done; 1 of 2 weeks on plan.');
    expect(insights.nextFocusAreas).toEqual([
      'Bring up quadriceps: e1RM −0.4 %/week over 1 exercise(s).',
      'Consistency: 67 % of planned sessions done — agree a schedule the member can keep.',
    ]);
    expect(preferenceSummary(initialProfile(3))).toEqual(['Not enough feedback yet to read preferences (0 feedback so far).']);
  });
  it('judges an expected outcome from the next session', () => {
    const set = (loadKg: number, reps: number) => ({ loadKg, reps, rir: null, rpe: null, targetReps: 6, form: null });
    const session = (sets: ReturnType<typeof set>[]) => ({ performedAt: '2024-01-10T10:00:00Z', exerciseId: base.exerciseId, sets });
    expect(expectedOutcomeMet(r, session([set(62.5, 6), set(62.5, 6), set(62.5, 7)]))).toBe(true);
    expect(expectedOutcomeMet(r, session([set(62.5, 6), set(62.5, 5), set(62.5, 4)]))).toBe(false);
    expect(expectedOutcomeMet(r, { ...session([]), exerciseId: 'other' })).toBeNull();
  });
});

