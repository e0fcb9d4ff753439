/**
 * The one API contract. Every operation is declared here once; the handler map, the preload
 * bridge, the HTTP routes and the typed client are all derived from it.
 */
import { z } from 'zod';
import { COACHES, MANAGERS, op, STAFF_ONLY, type Operation } from './op';
import {
  FileName, FileText, Goal, Id, IsoDate, MemberFields, MemberId, MemberPatch, PlanId, PrescriptionPatch, Unit,
} from './schemas';
import type * as V from './views';
import { PLAN_STATUSES } from './views';
import { scheduleContract } from './schedule';
import { classesContract } from './classes';
import { liveContract } from './live';
import { phonesContract } from './phones';
import { coachContract } from './coach';
import { recommendContract } from './recommend';
import { EQUIPMENT, LEVELS } from '../../engine/exercises/vocabulary';
import { paymentsContract } from './payments';
import { onboardingContract } from './onboarding';
import { inventoryContract } from './inventory';
import { SafetyConstraintsSchema } from '../../engine/safety/constraints';
import { authContract } from './auth';
import { systemContract } from './system';
import { IMPORT_FORMATS } from '../../engine/imports/formats';

const staffOnly = STAFF_ONLY;
/** A random seed: a 32-bit unsigned integer. */
const Seed = z.number().int().min(0, 'must be 0 or more').max(2 ** 32 - 1, 'must fit in 32 bits');
const Rating = z.number().int().min(1, 'must be 1–10').max(10, 'must be 1–10');
const coaches = COACHES;
/** `auto` recognises the app from the file; or one of the known apps. */
const ImportFormatChoice = z.enum(['auto', ...IMPORT_FORMATS]);

export const contract = {
  'members/list': op<V.MemberSummary[]>()({
    input: z.object({ query: z.string().max(120).optional() }).strict(),
    access: staffOnly,
    summary: 'Members, optionally filtered by a search text.',
  }),
  'members/get': op<V.Member>()({
    input: z.object({ memberId: MemberId }).strict(),
    access: staffOnly,
    ownedBy: 'memberId',
    summary: 'One member with their profile and training totals.',
  }),
  'members/create': op<V.Member>()({
    input: MemberFields.strict(),
    access: staffOnly,
    summary: 'Create a member.',
  }),
  'members/update': op<V.Member>()({
    input: z.object({ memberId: MemberId, patch: MemberPatch }).strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: "Change a member's profile.",
  }),
  'history/e1rm': op<V.E1rmSeries[]>()({
    input: z.object({ memberId: MemberId, limit: z.number().int().min(1).max(20).default(4) }).strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: "e1RM per session for the member's most trained lifts.",
  }),
  'history/volume': op<V.WeeklyVolume[]>()({
    input: z.object({ memberId: MemberId }).strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: 'Hard sets and tonnage per week.',
  }),
  'history/sets': op<V.SetLogView[]>()({
    input: z.object({ memberId: MemberId, limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: 'The most recent logged sets.',
  }),
  'exercises/list': op<V.ExerciseView[]>()({
    input: z.object({ query: z.string().max(120).optional(), limit: z.number().int().min(1).max(2000).default(200) }).strict(),
    access: coaches,
    summary: 'Exercises of the library, optionally searched by name.',
  }),
  'exercises/map-name': op<{ updatedSets: number }>()({
    input: z.object({ name: z.string().min(1).max(200), exerciseId: z.string().min(1).max(120), source: z.enum(IMPORT_FORMATS).default('strong') }).strict(),
    access: coaches,
    summary: 'Map an imported exercise name (of the app `source`) to a library exercise; updates stored sets.',
  }),
  'imports/exercises': op<V.ExerciseImportReport>()({
    input: z.object({ fileName: FileName, content: FileText }).strict(),
    access: coaches,
    largeBody: true,
    summary: 'Import a free-exercise-db JSON file; re-importing updates.',
    reportsProgress: true,
    runsInWorker: true,
  }),
  'imports/strong': op<V.StrongImportReport>()({
    input: z
      .object({
        fileName: FileName,
        content: FileText,
        memberId: MemberId.optional(),
        memberName: z.string().trim().min(1).max(120).optional(),
        unit: Unit.optional(),
      })
      .strict(),
    access: coaches,
    ownedBy: 'memberId',
    largeBody: true,
    summary: 'Import a Strong app CSV export into a member (created when named and new).',
    reportsProgress: true,
    runsInWorker: true,
  }),
  'imports/history': op<V.HistoryImportReport>()({
    input: z
      .object({
        fileName: FileName,
        content: FileText,
        memberId: MemberId.optional(),
        memberName: z.string().trim().min(1).max(120).optional(),
        format: ImportFormatChoice.default('auto'),
        unit: Unit.optional(),
      })
      .strict(),
    access: coaches,
    ownedBy: 'memberId',
    largeBody: true,
    summary: "Import a workout-app export (Strong, Hevy, Fitbod, FitNotes; recognised or chosen) into a member's history.",
    reportsProgress: true,
    runsInWorker: true,
  }),
  'imports/preview': op<V.ImportPreview>()({
    input: z.object({ fileName: FileName, content: FileText, format: ImportFormatChoice.default('auto'), unit: Unit.optional() }).strict(),
    access: coaches,
    largeBody: true,
    summary: 'What importing a workout-app export would store: the app and layout recognised, the unit and its reason, the first sets, warnings. Stores nothing.',
    runsInWorker: true,
  }),
  'plans/generate': op<V.PlanView>()({
    input: z
      .object({
        memberId: MemberId,
        weeks: z.number().int().min(1).max(12).default(4),
        daysPerWeek: z.number().int().min(2).max(6).optional(),
        goal: Goal.optional(),
        sessionMinutes: z.number().int().min(20).max(180).optional(),
        asOf: IsoDate.optional(),
        /** For this plan only: the level to plan for (default the member's). */
        level: z.enum(LEVELS).optional(),
        /** For this plan only: equipment left out ("no barbell"). */
        avoidEquipment: z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length).optional(),
      })
      .strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: 'Generate and store a draft plan from the member profile and history (optionally another level, or without some equipment).',
  }),
  'plans/get': op<V.PlanView>()({ input: z.object({ planId: PlanId }).strict(), access: coaches,
    ownedBy: 'planId', summary: 'One plan, week by week.' }),
  'plans/list': op<V.PlanSummary[]>()({
    input: z.object({ memberId: MemberId.optional(), status: z.enum(PLAN_STATUSES).optional() }).strict(),
    access: coaches,
    summary: 'Plans, by member and status.',
  }),
  'plans/update-prescription': op<V.PlanView>()({
    input: z.object({ prescriptionId: Id, patch: PrescriptionPatch }).strict(),
    access: coaches,
    ownedBy: 'prescriptionId',
    summary: 'Edit one prescription of a draft plan.',
  }),
  'plans/add-prescription': op<V.PlanView>()({
    input: z.object({ planId: PlanId, sessionId: Id, exerciseId: z.string().trim().min(1).max(120) }).strict(),
    access: coaches,
    ownedBy: 'planId',
    summary: "Add an exercise (e.g. a recommended one) to the end of a draft plan's session, dosed by the planner's table, load calibrated in week 1.",
  }),
  'plans/undo': op<V.PlanView>()({
    input: z.object({ planId: PlanId }).strict(),
    access: coaches,
    ownedBy: 'planId',
    summary: 'Undo the last prescription edit of a draft plan.',
  }),
  'plans/approve': op<V.PlanView>()({
    input: z.object({ planId: PlanId }).strict(),
    access: coaches,
    ownedBy: 'planId',
    summary: 'Approve a draft: records the approver and time and locks the plan.',
  }),
  'plans/archive': op<V.PlanView>()({
    input: z.object({ planId: PlanId }).strict(),
    access: coaches,
    ownedBy: 'planId',
    summary: 'Archive a plan.',
  }),
  'rir/member': op<V.RirMemberView>()({
    input: z.object({ memberId: MemberId, limit: z.number().int().min(1).max(500).default(50) }).strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: "The RIR model's learnt bias, accuracy and recent predictions for a member.",
  }),
  'rir/predict': op<V.RirPredictView>()({
    input: z.object({
      memberId: MemberId,
      exerciseId: z.string().min(1).max(120),
      loadKg: z.number().positive('must be above 0 kg').max(1000),
      reps: z.number().int().min(0).max(100).optional(),
      setIndex: z.number().int().min(1).max(20).default(1),
    }).strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: 'Predict reps to failure (and RIR after `reps`) for a member, exercise and load.',
  }),
  'models/list': op<V.ModelsView>()({
    input: z.object({}).strict(),
    access: coaches,
    summary: 'The RIR population models: versions, validation metrics, the active one and every switch.',
  }),
  'models/refit': op<V.RefitReport>()({
    input: z.object({ seed: Seed.default(1) }).strict(),
    access: MANAGERS,
    summary: "Refit the RIR model's population part on every member's sets; it is activated only if it beats the active one on held-out sets.",
    reportsProgress: true,
    runsInWorker: true,
  }),
  'models/rollback': op<V.ModelsView>()({
    input: z.object({}).strict(),
    access: MANAGERS,
    summary: 'Re-activate the previously active RIR population model.',
  }),
  'checkins/create': op<V.CheckInView>()({
    input: z.object({
      memberId: MemberId,
      sleep: Rating, fatigue: Rating, soreness: Rating, energy: Rating,
      painReported: z.boolean().default(false),
      painNote: z.string().max(500).optional(),
      illness: z.boolean().default(false),
    }).strict(),
    access: staffOnly,
    ownedBy: 'memberId',
    summary: "Record a member's check-in (1–10 each; fatigue and soreness: 10 is worst).",
  }),
  'checkins/list': op<V.CheckInView[]>()({
    input: z.object({ memberId: MemberId }).strict(),
    access: staffOnly,
    ownedBy: 'memberId',
    summary: "A member's recent check-ins, newest first.",
  }),
  'recommendations/generate': op<V.RecommendationView[]>()({
    input: z.object({ memberId: MemberId }).strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: "Progression recommendations for the exercises of the member's approved plan, after the safety layer.",
  }),
  'recommendations/list': op<V.RecommendationView[]>()({
    input: z.object({ memberId: MemberId, status: z.enum(['pending', 'accepted', 'modified', 'skipped', 'superseded']).optional() }).strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: "A member's recommendations, newest first.",
  }),
  'recommendations/feedback': op<V.RecommendationView>()({
    input: z.object({
      recommendationId: Id,
      action: z.enum(['accepted', 'modified', 'skipped']),
      difficulty: Rating, effectiveness: Rating, perceivedExertion: Rating, formQuality: Rating,
      completionTimeS: z.number().int().min(0).max(14_400).optional(),
      notes: z.string().max(2000).optional(),
      modifiedTo: z.object({
        loadKg: z.number().min(0).max(1000).nullable(), sets: z.number().int().min(1).max(12),
        repMin: z.number().int().min(1).max(100), repMax: z.number().int().min(1).max(100), restS: z.number().int().min(0).max(900),
      }).strict().partial().optional(),
    }).strict(),
    access: coaches,
    ownedBy: 'recommendationId',
    summary: 'Accept, modify or skip a recommendation, with ratings; updates the preference profile.',
  }),
  'preferences/insights': op<V.PreferenceInsightsView>()({
    input: z.object({ memberId: MemberId }).strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: "A member's learnt preferences, insights and their trend.",
  }),
  'weekly/analyze': op<V.PlanAdjustmentView>()({
    input: z.object({ memberId: MemberId, weekStart: IsoDate.optional() }).strict(),
    access: coaches,
    ownedBy: 'memberId',
    summary: "Analyse the member's week and propose next-week changes to the approved plan, pending a trainer.",
  }),
  'weekly/pending': op<V.PlanAdjustmentView[]>()({
    input: z.object({}).strict(),
    access: coaches,
    summary: 'Members with proposed plan adjustments waiting for a trainer.',
  }),
  'weekly/decide': op<V.PlanAdjustmentView>()({
    input: z.object({
      adjustmentId: Id,
      all: z.enum(['accept', 'reject']).optional(),
      lines: z.array(z.object({
        id: z.string().min(1).max(80),
        decision: z.enum(['accept', 'reject', 'edit']),
        value: z.union([z.number().min(-10_000).max(10_000), z.string().max(120)]).optional(),
      }).strict()).max(500).default([]),
    }).strict(),
    access: coaches,
    ownedBy: 'adjustmentId',
    summary: 'Accept, edit or reject proposed lines (or all at once); accepted lines are applied to the plan after the safety layer.',
  }),
  'session/adjust': op<V.SessionAdjustView>()({
    input: z.object({ prescriptionId: Id, fatigue: Rating.optional(), formRating: Rating.optional() }).strict()
      .refine((i) => i.fatigue !== undefined || i.formRating !== undefined, { message: 'give a fatigue or a form rating', path: ['fatigue'] }),
    access: coaches,
    ownedBy: 'prescriptionId',
    summary: 'During a session: a lighter load when fatigue is high, an easier alternative when form is poor.',
  }),
  'weekly/analyze-all': op<V.WeeklyRunView>()({
    input: z.object({ weekStart: IsoDate.optional() }).strict(),
    access: coaches,
    summary: 'Run the weekly analysis for every member with an approved plan.',
  }),
  'safety/constraints': op<import('../../engine/safety/index').SafetyConstraints>()({
    input: z.object({}).strict(),
    access: coaches,
    summary: "The club's safety constraints (defaults from the product specification).",
  }),
  'safety/set-constraints': op<import('../../engine/safety/index').SafetyConstraints>()({
    input: z.object({ constraints: SafetyConstraintsSchema.partial() }).strict(),
    access: MANAGERS,
    summary: "Change the club's safety constraints; missing fields take the defaults.",
  }),
  'demo/create': op<V.DemoClubReport>()({
    input: z.object({ seed: Seed.default(7), members: z.number().int().min(1).max(30).default(6) }).strict(),
    access: coaches,
    summary: 'Create the clearly labelled demo club: members with generated histories.',
  }),
  ...authContract,
  ...systemContract,
  ...scheduleContract,
  ...classesContract,
  ...liveContract,
  ...phonesContract,
  ...coachContract,
  ...recommendContract,
  ...paymentsContract,
  ...onboardingContract,
  ...inventoryContract,
} as const satisfies Record<string, Operation<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type InputOf<N extends OpName> = z.input<Contract[N]['input']>;
export type ParsedInputOf<N extends OpName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OpName> = Exclude<Contract[N]['__output'], undefined>;

type Namespace<N> = N extends `${infer A}/${string}` ? A : never;
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

/** `studio.plans.updatePrescription(input)`: the nested, typed API derived from the names. */
export type StudioApi = {
  [A in Namespace<OpName>]: {
    [N in OpName as N extends `${A}/${infer M}` ? Camel<M> : never]: (input: InputOf<N>) => Promise<OutputOf<N>>;
  };
};

export const OP_NAMES = Object.keys(contract) as OpName[];

/** Splits `plans/update-prescription` into `['plans', 'updatePrescription']`. */
export function apiPath(name: OpName): [string, string] {
  const [ns, method] = name.split('/') as [string, string];
  return [ns, method.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
}

/**
 * Builds the nested API object from one generic `call`. Used by the preload bridge and the
 * HTTP client alike, so neither lists the operations by hand.
 */
export function buildApi(call: (name: OpName, input: unknown) => Promise<unknown>): StudioApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of OP_NAMES) {
    const [ns, method] = apiPath(name);
    (api[ns] ??= {})[method] = (input: unknown) => call(name, input ?? {});
  }
  return api as unknown as StudioApi;
}

export * from './views';
export * from './schedule-views';
export * from './auth-views';
export * from './classes-views';
export * from './live-views';
export * from './phones-views';
export * from './coach-views';
export * from './payments-views';
export * from './onboarding-views';
export * from './recommend-views';
export { STAFF_ROLES, type StaffRole, type Access, type OwnedBy } from './op';
