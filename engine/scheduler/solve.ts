/**
 * Entry point of the scheduler engine: validate → build the neutral MIP → solve with a backend →
 * decode the timetable → score it from the timetable itself (`score.ts`).
 *
 * Default backend: javascript-lp-solver only for tiny models (≤ `JSLP_MAX_BINARIES` binaries),
 * HiGHS otherwise (environment.md: 4.2 s / 283 MB vs 71 s / 16.6 GB for a 150-class week; HiGHS
 * now warm-starts large models, see `backends/highs.ts`).
 * An impossible week returns status 'infeasible' with an empty timetable and an `explanation` in
 * words (`explain.ts`: counting checks, then an elastic relaxation on HiGHS).
 * Progress and cancel: `onProgress`, `signal`, `cancelFlag` (see `backends/types.ts`); the solve
 * blocks its thread, so hosts run it in a worker thread (which can also simply be terminated).
 */
import { explainInfeasible, type Explanation } from './explain';
import { solveWithHighs } from './backends/highs';
import { solveWithJslp } from './backends/jslp';
import type { BackendOptions, BackendSolution } from './backends/types';
import { buildModel, type NeutralModel } from './model';
import { scoreTimetable, weightedObjective } from './score';
import { DEFAULT_WEIGHTS, type BackendName, type DemandFn, type ObjectiveWeights, type ScheduleResult, type ScheduledClass } from './types';
import { validateClub } from './validate';

/** Largest model (binary variables) the default choice hands to javascript-lp-solver. */
export const JSLP_MAX_BINARIES = 150;

export interface ScheduleOptions extends BackendOptions {
  /** 'auto' (default) picks by model size. */
  backend?: BackendName | 'auto';
  /** Objective weights; missing keys take `DEFAULT_WEIGHTS`. */
  weights?: Partial<ObjectiveWeights>;
}

/** The backend 'auto' picks for this model. */
export function chooseBackend(model: NeutralModel): BackendName {
  const binaries = model.variables.filter((v) => v.kind === 'binary').length;
  return binaries <= JSLP_MAX_BINARIES ? 'jslp' : 'highs';
}

/** Classes whose binary variable is 1 (> 0.5), in model order. */
export function decodeTimetable(model: NeutralModel, values: readonly number[]): ScheduledClass[] {
  return model.assignments.filter((_, i) => (values[i] ?? 0) > 0.5);
}

function runBackend(name: BackendName, model: NeutralModel, options: BackendOptions): Promise<BackendSolution> {
  return name === 'highs' ? solveWithHighs(model, options) : solveWithJslp(model, options);
}

/**
 * Build and solve next week's timetable. `clubInput` is validated (throws `ClubValidationError`
 * naming the item). `demand(classTypeId, weekday, hour)` gives predicted attendance in people.
 */
export async function scheduleWeek(clubInput: unknown, demand: DemandFn, options: ScheduleOptions = {}): Promise<ScheduleResult & {
  /** The solver's own objective (every term exact, so it equals `objective` for the same timetable), or null. */
  solverObjective: number | null;
  explanation: Explanation | null;
  /** Seconds until the backend knew a first feasible timetable (null: none, or cannot tell). */
  firstFeasibleS: number | null;
  /** True when `signal` / `cancelFlag` stopped the solve. */
  cancelled: boolean;
}> {
  const club = validateClub(clubInput);
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const model = buildModel(club, demand, weights);
  const backend = options.backend === undefined || options.backend === 'auto' ? chooseBackend(model) : options.backend;
  const sol = await runBackend(backend, model, options);
  const timetable = sol.values.length > 0 ? decodeTimetable(model, sol.values) : [];
  const perObjective = scoreTimetable(club, demand, timetable);
  // An impossible week is explained in words (counting checks, then an elastic relaxation).
  const explanation = sol.status === 'infeasible'
    ? await explainInfeasible(club, options.timeLimitS === undefined ? {} : { timeLimitS: options.timeLimitS })
    : null;
  return {
    timetable,
    objective: timetable.length > 0 ? weightedObjective(perObjective, weights) : 0,
    perObjective,
    gapPct: sol.gapPct,
    status: sol.status,
    backend,
    solveS: sol.solveS,
    solverObjective: sol.solverObjective,
    explanation,
    firstFeasibleS: sol.firstFeasibleS ?? null,
    cancelled: sol.cancelled ?? false,
  };
}
