/**
 * HiGHS backend (npm `highs` 1.15, HiGHS compiled to WASM): writes the neutral model as CPLEX LP
 * text (`lpText.ts`), solves with the persistent API so it can read `mip_gap`, decodes the values.
 * Measured here: 150-class week in 4.2 s / 283 MB (shared/guides/environment.md). The WASM heap
 * ceiling is about 2 GB. The call blocks its thread: run it in a worker.
 */
import loadHighs from 'highs';
import type { NeutralModel } from '../model';
import type { SolveStatus } from '../types';
import { toLpText } from './lpText';
import type { BackendOptions, BackendSolution } from './types';

type HighsRuntime = Awaited<ReturnType<typeof loadHighs>>;
let runtime: Promise<HighsRuntime> | null = null;

/** Load the WASM runtime once per process. */
function highsRuntime(): Promise<HighsRuntime> {
  runtime ??= loadHighs();
  return runtime;
}

function mapStatus(code: number, hasSolution: boolean, codes: HighsRuntime['constants']['modelStatus']): SolveStatus {
  if (code === codes.optimal) return 'optimal';
  if (code === codes.infeasible || code === codes.unboundedOrInfeasible) return 'infeasible';
  if (hasSolution) return 'feasible';
  if (code === codes.timeLimit || code === codes.iterationLimit) return 'timeout_no_solution';
  return 'error';
}

/** Solve `model` with HiGHS. Never throws for an infeasible model; returns status 'infeasible'. */
export async function solveWithHighs(model: NeutralModel, options: BackendOptions = {}): Promise<BackendSolution> {
  const highs = await highsRuntime();
  const lp = toLpText(model);
  const started = performance.now();
  return highs.withModel({ format: 'lp', data: lp }, (m) => {
    m.options.set({ output_flag: false, time_limit: options.timeLimitS ?? 30, mip_rel_gap: options.mipRelGap ?? 0.001 });
    m.run();
    const solveS = (performance.now() - started) / 1000;
    const code = m.getModelStatus();
    const sol = m.getSolution();
    const hasSolution = sol.colValue.length > 0 && code !== highs.constants.modelStatus.infeasible;
    const status = mapStatus(code, hasSolution, highs.constants.modelStatus);
    if (status === 'infeasible' || !hasSolution) return { status, values: [], solverObjective: null, gapPct: null, solveS };
    const values = model.variables.map((_, i) => {
      const col = m.getColByName(`v${i}`);
      return col >= 0 ? (sol.colValue[col] ?? 0) : 0;
    });
    const gap = Number(m.info.get('mip_gap'));
    return {
      status, values, solveS,
      solverObjective: m.getObjectiveValue() + model.objectiveConstant,
      gapPct: Number.isFinite(gap) ? Math.max(0, gap * 100) : null,
    };
  });
}
