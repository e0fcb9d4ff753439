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

/** Solve `model` with javascript-lp-solver (synchronous inside; wrapped as async for parity). */
export async function solveWithJslp(model: NeutralModel, options: BackendOptions = {}): Promise<BackendSolution> {
  const started = performance.now();
  const result = solver.Solve(toJslpModel(model, options)) as Record<string, number | boolean | undefined>;
  const solveS = (performance.now() - started) / 1000;
  const timedOut = solveS >= (options.timeLimitS ?? 30);
  if (!result.feasible) {
    return { status: timedOut ? 'timeout_no_solution' : 'infeasible', values: [], solverObjective: null, gapPct: null, solveS };
  }
  const values = model.variables.map((_, i) => Number(result[`v${i}`] ?? 0));
  return {
    status: timedOut ? 'feasible' : 'optimal', values, solveS,
    solverObjective: Number(result.result) + model.objectiveConstant,
    gapPct: timedOut ? null : 0,
  };
}
