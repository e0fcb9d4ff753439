/** What every backend takes and returns: values per neutral variable index, plus status and timing. */
import type { SolveStatus } from '../types';

/** One progress report of a running solve. */
export interface SolveProgress {
  /** Wall-clock seconds since the backend call started. */
  elapsedS: number;
  /**
   * Relative gap of the incumbent to the best proven bound of the WHOLE model, in percent (as
   * HiGHS defines it: |bound − incumbent| / |incumbent| without the model's constant); null
   * while there is no incumbent or no bound.
   */
  gapPct: number | null;
  /** Best objective found so far (solver objective, including the model's constant), or null. */
  incumbent: number | null;
}

export interface BackendOptions {
  /** Wall-clock limit in seconds for the whole backend call (default 30). */
  timeLimitS?: number;
  /** Relative MIP gap at which to stop, as a fraction (default 0.001 = 0.1 %; 0 = prove optimality). */
  mipRelGap?: number;
  /**
   * Called synchronously from inside the solve when there is news (HiGHS: every new incumbent
   * and every MIP log line, about once a second; javascript-lp-solver: every new incumbent).
   * The solve blocks its thread, so the callback must be quick; in a worker, `postMessage` it.
   */
  onProgress?: (p: SolveProgress) => void;
  /**
   * Cancels the solve; the best timetable found so far is returned (status 'feasible', or
   * 'timeout_no_solution' when there is none) with `cancelled: true`. HiGHS checks it at its MIP
   * and simplex interrupt checkpoints. NOTE: `run()` blocks the thread, so an AbortController
   * on the same thread can only fire from inside `onProgress`; to cancel from another thread use
   * `cancelFlag` (or terminate the worker). javascript-lp-solver only checks it before starting.
   */
  signal?: AbortSignal;
  /**
   * Cross-thread cancel: an `Int32Array` over a `SharedArrayBuffer`; the solve stops as with
   * `signal` once `Atomics.load(cancelFlag, 0) !== 0` (HiGHS only).
   */
  cancelFlag?: Int32Array;
  /**
   * HiGHS only. 'lp-support' first solves the LP relaxation, then the MIP restricted to the
   * binaries that are non-zero in the LP optimum, and hands that timetable to the full MIP as
   * its start; 'none' solves the full MIP directly. 'auto' (default) uses 'lp-support' from
   * `WARM_START_MIN_BINARIES` binaries on.
   */
  warmStart?: 'auto' | 'lp-support' | 'none';
}

export interface BackendSolution {
  status: SolveStatus;
  /** Value of each neutral-model variable by index; empty when there is no solution. */
  values: number[];
  /** The solver's objective (including the model's constant), or null without a solution. */
  solverObjective: number | null;
  /** Relative gap in percent, null when the backend cannot say. */
  gapPct: number | null;
  /** Seconds spent in the solver call (wall clock, everything inside the backend call). */
  solveS: number;
  /**
   * Seconds from the start of the backend call until the first feasible timetable was known
   * (each backend's docstring says how it is measured); null when none was found or the backend
   * cannot tell.
   */
  firstFeasibleS?: number | null;
  /** True when the solve was stopped by `signal` / `cancelFlag`. */
  cancelled?: boolean;
}
