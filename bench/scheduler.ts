/**
 * The scheduler benchmark: generated small / medium / large clubs solved by each backend
 * (HiGHS WASM and javascript-lp-solver), and the demand forecast on the real occupancy data.
 * Peak memory is the process's largest RSS seen after each solve (WASM memory is not returned).
 */
import { generateClub, syntheticDemand } from '../engine/scheduler/generate';
import { buildModel } from '../engine/scheduler/model';
import { chooseBackend, scheduleWeek } from '../engine/scheduler/solve';
import { DEFAULT_WEIGHTS } from '../engine/scheduler/types';
import { demandBench } from './scheduler-demand';
import { round } from './stats';

const SIZES = ['small', 'medium', 'large'] as const;
/** Time limits (s) per size, to keep `npm run bench` bounded; javascript-lp-solver is not run on the large club (environment.md: 71 s and 16.6 GB). */
const LIMIT_S = { small: 10, medium: 20, large: 30 } as const;

export async function scheduler(log: (line: string) => void): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let peakMb = 0;
  log(`${'size'.padEnd(7)} ${'backend'.padEnd(8)} ${'binaries'.padStart(8)} ${'status'.padEnd(10)} ${'solve s'.padStart(8)} ${'gap %'.padStart(6)} ${'objective'.padStart(10)} ${'peak MB'.padStart(8)}`);
  for (const size of SIZES) {
    const club = generateClub(size, 1);
    const demand = syntheticDemand(club, 1);
    const model = buildModel(club, demand, DEFAULT_WEIGHTS);
    const binaries = model.assignments.length;
    const backends = size === 'large' ? (['highs'] as const) : (['highs', 'jslp'] as const);
    for (const backend of backends) {
      const r = await scheduleWeek(club, demand, { backend, timeLimitS: LIMIT_S[size], mipRelGap: 0.01 });
      peakMb = Math.max(peakMb, process.memoryUsage().rss / 1e6);
      const key = `${size}_${backend === 'jslp' ? 'jslp' : 'highs'}`;
      out[`${key}_solve_s`] = round(r.solveS, 2);
      out[`${key}_gap_pct`] = r.gapPct === null ? -1 : round(r.gapPct, 2);
      out[`${key}_objective`] = round(r.objective, 4);
      out[`${key}_peak_mb`] = Math.round(peakMb);
      log(`${size.padEnd(7)} ${backend.padEnd(8)} ${String(binaries).padStart(8)} ${r.status.padEnd(10)} ${r.solveS.toFixed(2).padStart(8)} ${(r.gapPct === null ? '—' : r.gapPct.toFixed(2)).padStart(6)} ${r.objective.toFixed(4).padStart(10)} ${String(Math.round(peakMb)).padStart(8)}`);
    }
    if (size === 'large') {
      const def = chooseBackend(model) === 'jslp' ? 'jslp' : 'highs';
      for (const k of ['solve_s', 'gap_pct', 'peak_mb'] as const) out[`large_default_${k}`] = out[`large_${def}_${k}`]!;
    }
  }
  log('(gap −1 in JSON: the backend reports no gap; javascript-lp-solver is not run on the large club)');
  log('\n# demand forecast (real occupancy data)');
  return { ...out, ...(await demandBench(log)) };
}
