/**
 * Shared shapes of progression, safety, preferences and the weekly review (issue 3).
 * Pure data, JSON-safe. Loads in kg, rest in s, times ISO-8601, ratings 1–10.
 * The recommendation follows the product specification's shape (snake_case names there,
 * camelCase here: expected_outcome → expectedOutcome).
 */
import type { Equipment, WeightUnit } from '../types';

export const RECOMMENDATION_TYPES = [
  'increase_weight', 'decrease_weight', 'adjust_reps', 'modify_rest', 'change_exercise', 'add_warmup',
  'suggest_form_focus', 'deload',
] as const;
export type RecommendationType = (typeof RECOMMENDATION_TYPES)[number];

export const RISKS = ['low', 'medium', 'high'] as const;
export type Risk = (typeof RISKS)[number];

/** One exercise's prescription for a session: what a recommendation starts from and suggests. */
export interface Prescribed {
  exerciseId: string;
  sets: number;
  repMin: number;
  repMax: number;
  /** Load per set in kg; null for body weight. */
  loadKg: number | null;
  restS: number;
  targetRir: number | null;
}

export interface Factor {
  /** e.g. `e1rm_trend`, `completion_rate`, `rir_trend`, `days_since_last`, `fatigue`, `sleep`. */
  name: string;
  value: number | string;
  /** How it moved the decision, for people: "+2.1 %/week", "3 of 3 sessions completed". */
  note: string;
}

export interface Alternative {
  type: RecommendationType;
  suggested: Prescribed;
  reasoning: string;
}

export interface Recommendation {
  memberId: number;
  exerciseId: string;
  type: RecommendationType;
  original: Prescribed;
  suggested: Prescribed;
  /**
   * P(the member completes `suggested` within ±1 RIR of its target), 0–1, from the RIR model's
   * prediction at the suggested load (engine/progression/confidence.ts); null when there is none
   * (body weight, or no model prediction).
   */
  confidence: number | null;
  /** What the confidence rests on (sets, source, the prediction), or null with it. */
  confidenceBasis: import('./confidence').ConfidenceBasis | null;
  reasoning: string;
  factors: Factor[];
  expectedOutcome: string;
  risk: Risk;
  alternatives: Alternative[];
  /** Where the suggested load came from: the rule, the RIR model, and their blend (0.7 model + 0.3 rule). */
  sources: {
    rule: { name: string; loadKg: number | null; reps: number };
    model: { loadKg: number; reps: number } | null;
    blendedLoadKg: number | null;
  };
}

/** A member's daily check-in (1–10 each; for fatigue and soreness 10 is worst). */
export interface CheckIn {
  at: string;
  sleep: number;
  fatigue: number;
  soreness: number;
  energy: number;
  painReported: boolean;
  illness: boolean;
  /** Where it hurts, free text, when painReported. */
  painNote?: string;
}

/** A logged set of one exercise in one session, with what was asked of it. */
export interface LoggedSet {
  loadKg: number;
  reps: number;
  rir: number | null;
  rpe: number | null;
  /** Reps the plan asked for (repMin when a range); null when unplanned. */
  targetReps: number | null;
  /** Form rating by the trainer or member (1–10), when given. */
  form: number | null;
}

/** One session of one exercise. */
export interface ExerciseSession {
  performedAt: string;
  exerciseId: string;
  sets: LoggedSet[];
}

/** What a member can actually load: plate pairs, bars, dumbbells, kettlebells and machine stacks. */
export interface LoadInventory {
  /** The unit the plates and steps are made in; the arithmetic runs in it so lb plates add up exactly. */
  unit: WeightUnit;
  /** Bar mass in kg (barbell, smith, ez bar), unless `barKgByEquipment` names one. */
  barKg: number;
  /** Bar mass in kg per bar equipment (e.g. a 10 kg ez bar, a counterweighted smith bar). */
  barKgByEquipment?: Partial<Record<'barbell' | 'ez_bar' | 'smith_machine', number>>;
  /** Plate masses available in pairs, kg (or lb converted to kg). */
  plateKg: number[];
  /** Pairs available of each `plateKg` entry (same order); absent: as many as needed. */
  platePairs?: number[];
  /** Dumbbell masses available, kg. */
  dumbbellKg: number[];
  /** Machine/cable stack step and minimum, kg: the default for every machine. */
  stackStepKg: number;
  stackMinKg: number;
  /** Per machine (exercise id) stack overrides, kg; `maxKg` caps the stack when given. */
  machineStacks?: Record<string, { minKg: number; stepKg: number; maxKg?: number }>;
  /** Kettlebells available, kg. */
  kettlebellKg: number[];
}

/** Rounds a load to the inventory for the given equipment (engine/progression/inventory.ts). */
export type RoundToInventory = (kg: number, equipment: Equipment, inventory: LoadInventory, direction?: 'down' | 'nearest' | 'up', exerciseId?: string) => number | null;
