/** What every backend returns: values per neutral variable index, plus status and timing. */
import type { SolveStatus } from '../types';

export interface BackendOptions {
  /** Wall-clock limit in seconds (default 30). */
  timeLimitS?: number;
  /** Relative MIP gap at which to stop, as a fraction (default 0.001 = 0.1 %). */
  mipRelGap?: number;
}

export interface BackendSolution {
  status: SolveStatus;
  /** Value of each neutral-model variable by index; empty when there is no solution. */
  values: number[];
  /** The solver's objective (including the model's constant), or null without a solution. */
  solverObjective: number | null;
  /** Relative gap in percent, null when the backend cannot say. */
  gapPct: number | null;
  /** Seconds spent in the solver call (wall clock). */
  solveS: number;
}
