/** Views of the onboarding operation (issue 15 part 3). */
import type { PlanView } from './views';

export interface OnboardingAssessedView {
  lift: string;
  exerciseId: string;
  exerciseName: string;
  loadKg: number;
  reps: number;
  rir: number;
  /** Epley e1RM with reps + RIR, kg, and its range (see engine/onboarding/assessment.ts). */
  e1rmKg: number;
  lowKg: number;
  highKg: number;
  /** What the plan's loads start from: the e1RM itself (START_FRACTION 1; week 1's RIR 3 is the margin). */
  startE1rmKg: number;
}

export interface OnboardingSourceView {
  exerciseId: string;
  exerciseName: string;
  /** test | test_transfer | standards | history | history_transfer | model | body_mass | minimum | body_weight */
  source: string;
  week1LoadKg: number | null;
  calibrates: boolean;
  detail: string;
}

export interface OnboardingView {
  memberId: number;
  memberName: string;
  /** True when the op created the member. */
  createdMember: boolean;
  planId: number;
  template: { key: string; name: string; overridden: boolean; days: number };
  assessed: OnboardingAssessedView[];
  sources: OnboardingSourceView[];
  /** Where untested priors came from: the strength-standards file, or null (body-mass prior). */
  standards: string | null;
  plan: PlanView;
}
