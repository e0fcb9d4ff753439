/**
 * HiGHS backend (npm `highs` 1.15, HiGHS compiled to single-threaded 32-bit WASM, heap ceiling
 * about 2 GB). The neutral model is passed as arrays (`toHighsModelData`: column j = variable j,
 * CSR rows), not as LP text, to the persistent API. The call blocks its thread: run it in a worker.
 *
 * Warm start ('lp-support', default from `WARM_START_MIN_BINARIES` binaries on), all inside one
 * native model and all counted in `solveS`:
 *  1. solve the LP relaxation (integrality cleared). Its optimum bounds the MIP; an infeasible LP
 *     returns 'infeasible' at once;
 *  2. solve the MIP restricted to the binaries that are non-zero in that LP optimum (the others
 *     fixed to 0: a RENS-like sub-MIP, ~200 binaries instead of 5 904 on the large club), for at
 *     most `SUB_MIP_SHARE` of the time limit. It stops as soon as its incumbent is within the
 *     target gap of the LP bound (`mipInterrupt` callback). When it is, that incumbent is
 *     returned with that gap and status 'optimal' — the same meaning HiGHS gives 'optimal'
 *     (optimal within `mip_rel_gap`), proven against a valid bound of the whole model;
 *  3. otherwise (or with `mipRelGap` 0) restore the bounds and solve the full MIP with the
 *     sub-MIP's timetable as its start. If the LP or the sub-MIP fails, step 3 runs cold.
 * Measured on the large club (mipRelGap 0.01): the cold full MIP needs 5.5–7.5 s (HiGHS's own
 * heuristics found nothing better than a 68 % gap before 7 s); with the warm start 2.5 s on an
 * idle machine (LP 0.7 s, sub-MIP 1.7 s), ending at 0.75 % gap (seed 1; seeds 2 and 3: 0.49 %
 * and 0.09 %). The machine is shared, so wall times under load are up to 2× that.
 *
 * Callbacks: `mipImprovingSolution` gives `firstFeasibleS` (wall time from the start of this
 * call, model conversion included, to the first incumbent of step 2 or 3) and progress;
 * `mipLogging` progress; `mipInterrupt` / `simplexInterrupt` check `signal` / `cancelFlag`.
 * During step 2 the progress gap is measured against the LP bound, so it is a whole-model gap.
 */
import loadHighs, { type HighsCallbackMap, type ModelData } from 'highs';
import type { NeutralModel } from '../model';
import type { SolveStatus } from '../types';
import type { BackendOptions, BackendSolution } from './types';

type HighsRuntime = Awaited<ReturnType<typeof loadHighs>>;
let runtime: Promise<HighsRuntime> | null = null;

/** Models with at least this many binaries get the LP-support warm start under 'auto'. */
export const WARM_START_MIN_BINARIES = 2000;
/** Largest share of the time limit the restricted sub-MIP (step 2) may use. */
const SUB_MIP_SHARE = 0.4;

/** Load the WASM runtime once per process. */
function highsRuntime(): Promise<HighsRuntime> {
  runtime ??= loadHighs();
  return runtime;
}

function mapStatus(code: number, hasSolution: boolean, codes: HighsRuntime['constants']['modelStatus']): SolveStatus {
  if (code === codes.optimal) return 'optimal';
  if (code === codes.infeasible || code === codes.unboundedOrInfeasible) return 'infeasible';
  if (hasSolution) return 'feasible';
  if (code === codes.timeLimit || code === codes.iterationLimit || code === codes.interrupted) return 'timeout_no_solution';
  return 'error';
}

/** HiGHS's relative gap: |bound − incumbent| / |incumbent| (objective without the constant). */
function relGap(incumbent: number, bound: number): number {
  return Math.abs(bound - incumbent) / Math.max(1e-9, Math.abs(incumbent));
}

/**
 * The neutral model as HiGHS's structured input (column j = neutral variable j, row i = constraint
 * i, CSR matrix). Duplicate terms of a row are summed and zero sums dropped. Passing arrays
 * instead of LP text skips the text parser and the by-name column lookup.
 */
export function toHighsModelData(model: NeutralModel, constants: HighsRuntime['constants']): ModelData {
  const n = model.variables.length;
  const colCost = new Float64Array(n);
  for (const t of model.objective) colCost[t.v] = (colCost[t.v] ?? 0) + t.c;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  for (const row of model.constraints) {
    const merged = new Map<number, number>();
    for (const t of row.terms) merged.set(t.v, (merged.get(t.v) ?? 0) + t.c);
    for (const [v, c] of [...merged].sort((a, b) => a[0] - b[0])) {
      if (c !== 0) { indices.push(v); values.push(c); }
    }
    starts.push(indices.length);
    rowLower.push(row.lo ?? -Infinity);
    rowUpper.push(row.hi ?? Infinity);
  }
  return {
    numCols: n,
    numRows: model.constraints.length,
    sense: model.sense === 'max' ? constants.objectiveSense.maximize : constants.objectiveSense.minimize,
    colCost,
    colLower: Float64Array.from(model.variables, (v) => v.lb),
    colUpper: Float64Array.from(model.variables, (v) => v.ub),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    matrix: { format: 'csr', numRows: model.constraints.length, numCols: n, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: Int32Array.from(model.variables, (v) => (v.kind === 'binary' ? constants.variableType.integer : constants.variableType.continuous)),
  };
}

/** Solve `model` with HiGHS. Never throws for an infeasible model; returns status 'infeasible'. */
export async function solveWithHighs(model: NeutralModel, options: BackendOptions = {}): Promise<BackendSolution> {
  const highs = await highsRuntime();
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const limitS = options.timeLimitS ?? 30;
  const target = options.mipRelGap ?? 0.001;
  const remaining = () => Math.max(0.01, limitS - elapsed());
  const binaries = model.variables.filter((v) => v.kind === 'binary').length;
  const warm = options.warmStart === 'lp-support'
    || ((options.warmStart ?? 'auto') === 'auto' && binaries >= WARM_START_MIN_BINARIES);
  const cancelRequested = () => options.signal?.aborted === true
    || (options.cancelFlag !== undefined && Atomics.load(options.cancelFlag, 0) !== 0);
  const data = toHighsModelData(model, highs.constants);
  const { callbackType, modelStatus, variableType } = highs.constants;

  return highs.withModel(data, (m) => {
    const binCols = model.variables.flatMap((v, i) => (v.kind === 'binary' ? [i] : []));
    let firstFeasibleS: number | null = null;
    let cancelled = false;
    let incumbent: number | null = null; // without the constant
    let lpBound: number | null = null; // without the constant; bound of the whole model
    let inSubMip = false;

    const report = (bound: number | null) => {
      if (!options.onProgress) return;
      const b = inSubMip ? lpBound : bound;
      options.onProgress({
        elapsedS: elapsed(),
        gapPct: incumbent !== null && b !== null && Number.isFinite(b) ? relGap(incumbent, b) * 100 : null,
        incumbent: incumbent === null ? null : incumbent + model.objectiveConstant,
      });
    };
    /** Full-model gap of the sub-MIP incumbent against the LP bound (null outside step 2). */
    const subGap = (primal: number | undefined) => (inSubMip && lpBound !== null && primal !== undefined && Number.isFinite(primal) ? relGap(primal, lpBound) : null);
    const interrupt = (e: { interrupt(): void; data: { mip_primal_bound?: number } }) => {
      if (cancelRequested()) { cancelled = true; e.interrupt(); return undefined; }
      // Step 2 is done as soon as its incumbent is within the target of the whole model's bound.
      const g = subGap(e.data.mip_primal_bound);
      if (g !== null && g <= target) e.interrupt();
      return undefined;
    };
    const callbacks: HighsCallbackMap = {
      [callbackType.mipImprovingSolution]: (e) => {
        firstFeasibleS ??= elapsed();
        const obj = e.data.objective_function_value;
        if (obj !== undefined && Number.isFinite(obj) && (incumbent === null || obj > incumbent)) incumbent = obj;
        report(e.data.mip_dual_bound ?? null);
        return undefined;
      },
      ...(options.onProgress ? { [callbackType.mipLogging]: (e) => { report(e.data.mip_dual_bound ?? null); return undefined; } } : {}),
      ...(warm || options.signal || options.cancelFlag ? { [callbackType.mipInterrupt]: interrupt } : {}),
      ...(options.signal || options.cancelFlag ? { [callbackType.simplexInterrupt]: interrupt } : {}),
    } satisfies HighsCallbackMap;
    const run = (opts: Record<string, number | boolean | string>) => {
      m.zeroAllClocks(); // HiGHS's time_limit counts cumulative run time; each step gets the wall time left
      m.options.set({ output_flag: false, time_limit: remaining(), ...opts });
      m.run(callbacks);
    };
    const primalFeasible = () => Number(m.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
    const done = (status: SolveStatus, x: ArrayLike<number> | null, objective: number | null, gap: number): BackendSolution => {
      const solveS = elapsed();
      if (status === 'infeasible' || x === null || objective === null) {
        return { status, values: [], solverObjective: null, gapPct: null, solveS, firstFeasibleS: null, cancelled };
      }
      return {
        status, solveS, firstFeasibleS, cancelled,
        values: model.variables.map((_, i) => x[i] ?? 0),
        solverObjective: objective + model.objectiveConstant,
        gapPct: Number.isFinite(gap) ? Math.max(0, gap * 100) : null,
      };
    };

    let start: Float64Array | null = null;
    let startObjective = 0;
    if (cancelRequested()) cancelled = true;
    else if (warm) {
      // Step 1: the LP relaxation; its optimum bounds the MIP.
      m.raw.clearIntegrality();
      run({});
      const lpStatus = m.getModelStatus();
      const restoreIntegrality = () => m.raw.changeColsIntegrality({ kind: 'set', indices: Int32Array.from(binCols) }, binCols.map(() => variableType.integer));
      if (!cancelled && (lpStatus === modelStatus.infeasible)) return done('infeasible', null, null, NaN);
      if (!cancelled && lpStatus === modelStatus.optimal) {
        lpBound = m.getObjectiveValue();
        const x = m.getSolution().colValue;
        const fixed = Int32Array.from(binCols.filter((c) => (x[c] ?? 0) <= 1e-6));
        // Step 2: the MIP restricted to the LP's support (the other binaries fixed to 0).
        restoreIntegrality();
        if (fixed.length > 0) m.raw.changeColsBounds({ kind: 'set', indices: fixed }, new Float64Array(fixed.length), new Float64Array(fixed.length));
        inSubMip = true;
        run({ mip_rel_gap: target / 2, time_limit: Math.min(remaining(), Math.max(1, SUB_MIP_SHARE * limitS)) });
        inSubMip = false;
        if (primalFeasible()) {
          start = Float64Array.from(m.getSolution().colValue);
          startObjective = model.objective.reduce((sum, t) => sum + t.c * (start![t.v] ?? 0), 0);
        }
        if (fixed.length > 0) m.raw.changeColsBounds({ kind: 'set', indices: fixed }, Float64Array.from(fixed, (c) => model.variables[c]!.lb), Float64Array.from(fixed, (c) => model.variables[c]!.ub));
        // Already within the target of the LP bound: proven, no need for the full MIP. Reported
        // 'optimal' in the same sense HiGHS uses it (optimal within mip_rel_gap).
        if (start && !cancelled && target > 0 && relGap(startObjective, lpBound) <= target) {
          return done('optimal', start, startObjective, relGap(startObjective, lpBound));
        }
      } else restoreIntegrality();
    }
    // Step 3 (or the only step): the full MIP, from the sub-MIP's timetable when there is one.
    let fullRan = false;
    if (!cancelled) {
      if (start) m.raw.setSolution({ colValue: start });
      run({ mip_rel_gap: target });
      fullRan = true;
    }

    const code = m.getModelStatus();
    // Only step 3 leaves a MIP solution of the whole model (step 1 leaves a fractional LP point).
    const hasSolution = fullRan && primalFeasible();
    let colValue: ArrayLike<number> | null = hasSolution ? m.getSolution().colValue : null;
    let objective = hasSolution ? m.getObjectiveValue() : null;
    let gap = hasSolution ? Number(m.info.get('mip_gap')) : NaN;
    if (!colValue && start) {
      // Cancelled or out of time before step 3 took the start over: return the sub-MIP's timetable.
      colValue = start;
      objective = startObjective;
      gap = lpBound === null ? NaN : relGap(startObjective, lpBound);
    }
    const status = cancelled
      ? (colValue ? 'feasible' : 'timeout_no_solution')
      : mapStatus(code, colValue !== null, modelStatus);
    return done(status, colValue, objective, gap);
  });
}
