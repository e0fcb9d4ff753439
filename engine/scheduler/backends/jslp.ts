/**
 * javascript-lp-solver backend (the design card's solver). Converts the neutral model to its JSON
 * model (`variables` → coefficient maps, `constraints` → {min,max}, `binaries`). Pure JS; fine for
 * small weeks only — 150 classes took 71 s / 16.6 GB here (shared/guides/environment.md).
 * It reports no gap; a timed-out run returns its incumbent as 'feasible' with gapPct null.
 */
import solver from 'javascript-lp-solver';
import type { Model } from 'javascript-lp-solver';
import type { NeutralModel } from '../model';
import type { BackendOptions, BackendSolution } from './types';

/** The jsLP JSON model; objective row is named `__obj`. */
export function toJslpModel(model: NeutralModel, options: BackendOptions = {}): Model {
  const variables: Record<string, Record<string, number>> = {};
  const name = (i: number) => `v${i}`;
  model.variables.forEach((_, i) => { variables[name(i)] = {}; });
  for (const t of model.objective) variables[name(t.v)]!.__obj = t.c;
  const constraints: Model['constraints'] = {};
  model.constraints.forEach((row, r) => {
    for (const t of row.terms) {
      const coeffs = variables[name(t.v)]!;
      coeffs[`r${r}`] = (coeffs[`r${r}`] ?? 0) + t.c;
    }
    constraints[`r${r}`] = { ...(row.lo !== null ? { min: row.lo } : {}), ...(row.hi !== null ? { max: row.hi } : {}) };
  });
  const binaries: Record<string, boolean> = {};
  model.variables.forEach((v, i) => {
    if (v.kind === 'binary') binaries[name(i)] = true;
    else {
      variables[name(i)]![`ub${i}`] = 1;
      constraints[`ub${i}`] = { min: v.lb, max: v.ub };
    }
  });
  return {
    optimize: '__obj', opType: 'max', constraints, variables, binaries,
    options: { timeout: (options.timeLimitS ?? 30) * 1000, tolerance: options.mipRelGap ?? 0 },
  };
}

interface TableauLike { isIntegral(): boolean; evaluation: number }

/**
 * Solve `model` with javascript-lp-solver (synchronous inside; wrapped as async for parity).
 *
 * `firstFeasibleS`: jsLP has no callbacks, so for the duration of the call `Tableau.prototype.
 * isIntegral` is wrapped; its branch-and-cut calls it only on a node that beats the incumbent, so
 * its first `true` is the first integer-feasible timetable (wall time from the start of this
 * call). The same hook feeds `onProgress` (incumbent only; jsLP exposes no bound, so gapPct is
 * null). `signal` / `cancelFlag` are only checked before starting: jsLP cannot be interrupted
 * (only its own `timeout`, checked between nodes, stops it).
 * `solverObjective` is recomputed from the returned values at full precision (jsLP rounds its
 * reported `result`). A result with a fractional binary (jsLP's answer when its timeout cuts the
 * search) is not a timetable and comes back as 'timeout_no_solution'.
 */
export async function solveWithJslp(model: NeutralModel, options: BackendOptions = {}): Promise<BackendSolution> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  if (options.signal?.aborted || (options.cancelFlag && Atomics.load(options.cancelFlag, 0) !== 0)) {
    return { status: 'timeout_no_solution', values: [], solverObjective: null, gapPct: null, solveS: elapsed(), firstFeasibleS: null, cancelled: true };
  }
  const proto = (solver as unknown as { Tableau: { prototype: TableauLike } }).Tableau.prototype;
  const original = proto.isIntegral;
  let firstFeasibleS: number | null = null;
  proto.isIntegral = function isIntegral(this: TableauLike): boolean {
    const integral = original.call(this);
    if (integral) {
      firstFeasibleS ??= elapsed();
      // jsLP minimises internally: a maximisation's evaluation is the objective with its sign flipped.
      options.onProgress?.({ elapsedS: elapsed(), gapPct: null, incumbent: -this.evaluation + model.objectiveConstant });
    }
    return integral;
  };
  let result: Record<string, number | boolean | undefined>;
  try {
    result = solver.Solve(toJslpModel(model, options)) as Record<string, number | boolean | undefined>;
  } finally {
    proto.isIntegral = original;
  }
  const solveS = elapsed();
  const timedOut = solveS >= (options.timeLimitS ?? 30);
  if (!result.feasible) {
    return { status: timedOut ? 'timeout_no_solution' : 'infeasible', values: [], solverObjective: null, gapPct: null, solveS, firstFeasibleS: timedOut ? firstFeasibleS : null };
  }
  const values = model.variables.map((_, i) => Number(result[`v${i}`] ?? 0));
  // Stopped by its timeout, jsLP can hand back a node's LP solution with fractional binaries
  // (measured: 10 of 1,601 on the demo club at 10 s). That is no timetable: report none.
  const fractional = model.variables.some((v, i) => v.kind === 'binary' && Math.abs((values[i] ?? 0) - Math.round(values[i] ?? 0)) > 1e-6);
  if (fractional) {
    return { status: timedOut ? 'timeout_no_solution' : 'error', values: [], solverObjective: null, gapPct: null, solveS, firstFeasibleS: null };
  }
  return {
    status: timedOut ? 'feasible' : 'optimal', values, solveS, firstFeasibleS,
    solverObjective: model.objective.reduce((sum, t) => sum + t.c * (values[t.v] ?? 0), 0) + model.objectiveConstant,
    gapPct: timedOut ? null : 0,
  };
}
