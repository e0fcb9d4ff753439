/**
 * From a questionnaire (and optionally a baseline test) to the planner's request, and the draft.
 *
 * 1. Profile: the questionnaire's goal, experience, days, minutes, equipment (the club's list, or
 *    the home gym's plus body weight), injuries (excluded muscles and patterns) and excluded ids
 *    replace the member's. Body mass and sex come from the questionnaire, else the member.
 * 2. Template: `questionnaire.template` or the one for the days per week (templates.ts).
 * 3. Exercises: the planner fills the template's slots; `ranker` (default `plannerRanker`)
 *    ranks each slot's eligible candidates (ranker.ts).
 * 4. e1RMs, first that applies per exercise: the member's demonstrated e1RM from their own log
 *    (demonstrated.ts: recent top sets, unlogged RIR read as 2, no extra starting fraction);
 *    the baseline test's e1RM (assessment.ts) for the tested exercise; the test transferred to a
 *    same-pattern exercise; the demonstrated e1RM of a logged same-pattern, else related-pattern,
 *    exercise, transferred; the test transferred to a related-pattern exercise (transfers × 0.8,
 *    demonstrated.ts `transferDemonstrated`); strength-standards priors (standards.ts) when a table is given; else the planner's
 *    body-mass prior. A layoff (> 14 days since the exercise) keeps the planner's own cut
 *    history estimate instead. Priors cannot know a trained lifter; the plan says so and points
 *    to the baseline test.
 * 5. The draft says per exercise where its numbers came from (`sources`, and each prescription's
 *    reason) and that week 1 calibrates.
 */
import { generatePlan } from '../planner/generate';
import type { PlanRequest } from '../planner/request';
import type { GivenE1rm } from '../planner/loads';
import type { Equipment, Exercise, MemberProfile, PlanDraft, SetRecord } from '../types';
import { EQUIPMENT } from '../exercises/vocabulary';
import { TRANSFER_FRACTION, assessLifts, transferE1rm } from './assessment';
import { demonstratedE1rms, transferDemonstrated } from './demonstrated';
import type { AssessedLift } from './assessment';
import { OnboardingInputError } from './errors';
import { parseQuestionnaire } from './questionnaire';
import type { Questionnaire, TemplateKey } from './questionnaire';
import { plannerRanker } from './ranker';
import type { ExerciseRanker } from './ranker';
import { standardsPrior } from './standards';
import type { StrengthStandards } from './standards';
import { STARTER_TEMPLATES, templateForDays, templateSplit } from './templates';

/** A commercial club's kit when the member trains at the club (every loaded kind, bands, bars, body weight). */
export const CLUB_EQUIPMENT: readonly Equipment[] = [
  'barbell', 'dumbbell', 'kettlebell', 'cable', 'machine', 'smith_machine', 'ez_bar', 'bands', 'body_only', 'pullup_bar',
];

export interface OnboardingInput {
  /** The member as stored (new or existing); questionnaire answers replace the planning fields. */
  member: MemberProfile;
  sex: 'female' | 'male' | null;
  /** Raw answers; validated here (errors name `questionnaire.<field>`). */
  questionnaire: unknown;
  /** Raw baseline test, or undefined (errors name `assessment.<field>`). */
  assessment?: unknown;
  library: readonly Exercise[];
  /** The member's logged sets (empty for a new member). */
  history: readonly SetRecord[];
  /** Parsed strength standards, or null when the data is not available (body-mass prior then). */
  standards: StrengthStandards | null;
  /** The club's equipment; default `CLUB_EQUIPMENT`. */
  clubEquipment?: readonly Equipment[];
  ranker?: ExerciseRanker;
  /** Block length, 1–12 weeks. */
  weeks: number;
  /** ISO-8601 time the plan is made. */
  now: string;
}

export type NumberSource = 'test' | 'test_transfer' | 'standards' | 'history' | 'history_transfer' | 'model' | 'body_mass' | 'minimum' | 'body_weight';

/** Where one exercise's week-1 numbers came from. */
export interface ExerciseSource {
  exerciseId: string;
  exerciseName: string;
  source: NumberSource;
  /** Week-1 load, kg (null for body weight). */
  week1LoadKg: number | null;
  /** True when week 1 is a calibration week for this exercise. */
  calibrates: boolean;
  detail: string;
}

export interface OnboardingRequest {
  questionnaire: Questionnaire;
  member: MemberProfile;
  template: { key: TemplateKey; name: string; overridden: boolean; days: number };
  assessed: AssessedLift[];
  /** e1RMs handed to the planner, by exercise id. */
  given: Map<string, GivenE1rm & { transferred: boolean }>;
  request: PlanRequest;
  notes: string[];
}

export interface OnboardingPlan extends OnboardingRequest {
  draft: PlanDraft;
  sources: ExerciseSource[];
}

function dedupe<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/** The member profile the questionnaire describes. */
export function profileFrom(member: MemberProfile, q: Questionnaire, club: readonly Equipment[]): MemberProfile {
  const equipment = q.equipment.access === 'club' ? [...club] : dedupe<Equipment>([...q.equipment.equipment, 'body_only']);
  return {
    ...member,
    goal: q.goal, level: q.experience, daysPerWeek: q.daysPerWeek, sessionMinutes: q.sessionMinutes,
    equipment: equipment.filter((e) => (EQUIPMENT as readonly string[]).includes(e)),
    excludedMuscles: dedupe(q.injuries.muscles), excludedPatterns: dedupe(q.injuries.patterns),
    excludedExerciseIds: dedupe(q.excludedExerciseIds),
    bodyMassKg: q.bodyMassKg ?? member.bodyMassKg,
  };
}

/**
 * Validate the answers and build the planner request. Throws `OnboardingInputError` naming the
 * field for a bad answer or test, or an unknown exercise id in the answers (`questionnaire.preferredExerciseIds`).
 */
export function onboardingRequest(input: OnboardingInput): OnboardingRequest {
  const q = parseQuestionnaire(input.questionnaire);
  const ids = new Set(input.library.map((e) => e.id));
  for (const field of ['excludedExerciseIds', 'preferredExerciseIds', 'dislikedExerciseIds'] as const) {
    const unknown = q[field].find((id) => !ids.has(id));
    if (unknown !== undefined) throw new OnboardingInputError(`questionnaire.${field}`, `there is no exercise "${unknown}" in the library`);
  }
  if (input.library.length === 0) throw new OnboardingInputError('library', 'is empty: onboarding needs exercises to choose from');
  const member = profileFrom(input.member, q, input.clubEquipment ?? CLUB_EQUIPMENT);
  const overridden = q.template !== undefined;
  const key = q.template ?? templateForDays(q.daysPerWeek);
  const days = overridden ? STARTER_TEMPLATES[key].days : q.daysPerWeek;
  const split = templateSplit(key, days);
  const notes: string[] = [`Onboarding: starter template ${STARTER_TEMPLATES[key].name}${overridden && days !== q.daysPerWeek ? ` chosen by the trainer, so ${String(days)} days a week (the questionnaire said ${String(q.daysPerWeek)})` : ''}.`];

  const assessed = input.assessment === undefined ? [] : assessLifts(input.assessment, input.library);
  const byId = new Map(input.library.map((e) => [e.id, e]));
  const given: OnboardingRequest['given'] = new Map();
  const unit = member.preferredUnit;
  const fmt = (kg: number): string => (unit === 'lb' ? `${String(Math.round(kg / 0.45359237))} lb` : `${String(Math.round(kg * 10) / 10)} kg`);
  const demonstrated = demonstratedE1rms(input.history, input.library, input.now);
  for (const d of demonstrated.values()) {
    const t = d.top;
    given.set(d.exerciseId, {
      e1rmKg: d.e1rmKg, source: 'history', transferred: false,
      label: `Logged: top set ${fmt(t.loadKg)} × ${String(t.reps)} @ RIR ${String(t.rir)}${t.rirLogged ? '' : ' (assumed, not logged)'}, e1RM ${fmt(d.e1rmKg)} over ${String(d.sessions)} session${d.sessions === 1 ? '' : 's'}, no extra discount`,
    });
  }
  for (const a of assessed) {
    if (given.has(a.exerciseId)) continue;
    given.set(a.exerciseId, {
      e1rmKg: a.startE1rmKg, source: 'assessment', transferred: false,
      label: `Baseline test ${fmt(a.loadKg)} × ${String(a.reps)} @ RIR ${String(a.rir)}: e1RM ${fmt(a.e1rmKg)} (${fmt(a.lowKg)}–${fmt(a.highKg)}), no extra discount`,
    });
  }
  const testPool = new Map(assessed.map((a) => [a.exerciseId, {
    exerciseId: a.exerciseId, exerciseName: a.exerciseName, e1rmKg: a.startE1rmKg, sessions: 1,
    top: { loadKg: a.loadKg, reps: a.reps, rir: a.rir, rirLogged: true },
  }]));
  for (const e of input.library) {
    if (given.has(e.id)) continue;
    for (const a of assessed) {
      const tested = byId.get(a.exerciseId)!;
      const kg = transferE1rm(a, tested, e);
      if (kg !== null) {
        given.set(e.id, { e1rmKg: kg, source: 'assessment', transferred: true, label: `From the baseline test of ${a.exerciseName} (e1RM ${fmt(a.e1rmKg)}), transferred to this exercise, start at ${String(Math.round(TRANSFER_FRACTION * 100))} %` });
        break;
      }
    }
    if (given.has(e.id)) continue;
    const moved = transferDemonstrated(demonstrated, byId, e);
    if (moved !== null) {
      given.set(e.id, { e1rmKg: moved.e1rmKg, source: 'history', transferred: true, label: `From the logged ${moved.from.exerciseName} (e1RM ${fmt(moved.from.e1rmKg)}), transferred to this ${moved.samePattern ? 'same-pattern' : 'related'} exercise, start at ${String(Math.round(TRANSFER_FRACTION * 100))} %` });
      continue;
    }
    const related = transferDemonstrated(testPool, byId, e);
    if (related !== null) {
      given.set(e.id, { e1rmKg: related.e1rmKg, source: 'assessment', transferred: true, label: `From the baseline test of ${related.from.exerciseName} (e1RM ${fmt(related.from.e1rmKg)}), transferred to this related exercise, start at ${String(Math.round(TRANSFER_FRACTION * 100))} %` });
      continue;
    }
    if (input.standards === null) continue;
    const prior = standardsPrior(input.standards, e, { sex: q.sex ?? input.sex, bodyMassKg: member.bodyMassKg, level: member.level });
    if (prior !== null) { given.set(e.id, { e1rmKg: prior.e1rmKg, source: 'standards', transferred: false, label: prior.label }); }
  }
  if (assessed.length === 0 && demonstrated.size === 0) {
    notes.push('No baseline test and no logged sets: loads come from population priors, which cannot know a trained lifter (they start far too light for one). A baseline test of the key lifts is the remedy.');
  }
  if (input.standards === null && assessed.length === 0) notes.push('Strength standards were not available: untested lifts start from the body-mass prior.');
  const ranker = input.ranker ?? plannerRanker;
  const prefs = { preferredExerciseIds: q.preferredExerciseIds, dislikedExerciseIds: q.dislikedExerciseIds };
  const request: PlanRequest = {
    member, library: input.library, history: input.history, weeks: input.weeks, now: input.now,
    daysPerWeek: days, goal: q.goal, sessionMinutes: q.sessionMinutes, split,
    rankSlot: (query) => ranker.rank(query, prefs),
    givenE1rm: new Map([...given].map(([id, g]) => [id, { e1rmKg: g.e1rmKg, source: g.source, label: g.label }])),
  };
  notes.push(`Exercises ranked by ${ranker.name}.`);
  return {
    questionnaire: q, member, template: { key, name: STARTER_TEMPLATES[key].name, overridden, days }, assessed, given, request, notes,
  };
}

/** Where the week-1 numbers of each exercise of `draft` came from. */
export function sourcesOf(draft: PlanDraft, req: OnboardingRequest): ExerciseSource[] {
  const out = new Map<string, ExerciseSource>();
  for (const s of draft.weeks[0]?.sessions ?? []) {
    for (const p of s.prescriptions) {
      if (out.has(p.exerciseId)) continue;
      const g = req.given.get(p.exerciseId);
      const givenUsed = g !== undefined && p.reason.startsWith(g.label);
      let source: NumberSource;
      if (p.loadKg === null) source = 'body_weight';
      else if (givenUsed && g.source === 'history') source = g.transferred ? 'history_transfer' : 'history';
      else if (givenUsed) source = g.source === 'standards' ? 'standards' : g.transferred ? 'test_transfer' : 'test';
      else if (p.reason.startsWith('e1RM ')) source = 'history';
      else if (p.reason.startsWith('RIR model') || p.reason.includes('RIR model')) source = 'model';
      else if (p.reason.includes('body mass')) source = 'body_mass';
      else source = 'minimum';
      out.set(p.exerciseId, { exerciseId: p.exerciseId, exerciseName: p.exerciseName, source, week1LoadKg: p.loadKg, calibrates: p.isCalibration, detail: p.reason });
    }
  }
  return [...out.values()];
}

const SOURCE_TEXT: Readonly<Record<NumberSource, string>> = {
  test: 'from the baseline test', test_transfer: 'transferred from a baseline test', standards: 'from strength-standards priors',
  history: "from the member's logged history", history_transfer: "transferred from a logged lift of the same pattern", model: "from the member's RIR model", body_mass: 'from the body-mass prior',
  minimum: 'at the lightest load', body_weight: 'body weight',
};

/**
 * The member's first plan: the planner's draft of `onboardingRequest(input)`, with notes saying
 * which numbers came from the test, which from priors, and that week 1 calibrates. Throws
 * `OnboardingInputError` or the planner's `PlannerInputError` (both name the field).
 */
export function onboardPlan(input: OnboardingInput): OnboardingPlan {
  const req = onboardingRequest(input);
  const draft = generatePlan(req.request);
  const sources = sourcesOf(draft, req);
  const groups = new Map<NumberSource, string[]>();
  for (const s of sources) groups.set(s.source, [...(groups.get(s.source) ?? []), s.exerciseName]);
  const lines = [...groups].map(([src, names]) => `${SOURCE_TEXT[src]}: ${names.join(', ')}`);
  const calibrating = sources.filter((s) => s.calibrates).length;
  const notes = [
    ...req.notes,
    `Where the first numbers come from — ${lines.join('; ')}.`,
    calibrating > 0
      ? `Week 1 calibrates ${String(calibrating)} of ${String(sources.length)} exercises: work up to the target RIR and log it; week 2 loads follow what was logged.`
      : 'Every load comes from logged history.',
  ];
  return { ...req, draft: { ...draft, notes: [...notes, ...draft.notes] }, sources };
}
