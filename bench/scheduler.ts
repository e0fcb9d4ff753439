/**
 * The scheduler benchmark: generated small / medium / large clubs (seed 1, synthetic demand)
 * solved by each backend (HiGHS WASM and javascript-lp-solver) to proven optimality (small, medium)
 * or a 1 % gap (large), and the demand
 * forecast on the real occupancy data.
 *
 * Every size × backend solve runs in its own child process (`scheduler-child.ts`, via
 * `node --import tsx`), one after the other, so `peak_mb` is that run's own max RSS (MB, Node +
 * WASM heap) and not a running maximum. javascript-lp-solver on the large club (environment.md:
 * 71 s and 16.6 GB) runs with `--max-old-space-size=3072` and is killed after `KILL_S` seconds;
 * its figures are then the time until the kill / crash and the peak RSS last sampled from
 * /proc (VmHWM, every 250 ms), and the rest are -1.
 *
 * JSON keys (units in the names): `${size}_${backend}_solve_s` (wall seconds inside the backend
 * call), `_first_feasible_s` (seconds to the first feasible timetable, see each backend),
 * `_gap_pct`, `_objective` (real, recomputed from the timetable), `_solver_objective`,
 * `_peak_mb`, `_cpu_s` (CPU seconds of the child's whole scheduleWeek call, all its threads: a
 * figure less sensitive than wall time to other load on a shared machine); `large_default_*` repeat the backend the 'auto' choice picks for the large club.
 * -1 means the value does not exist (no gap reported, killed, no solution).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateClub, syntheticDemand } from '../engine/scheduler/generate';
import { buildModel } from '../engine/scheduler/model';
import { chooseBackend } from '../engine/scheduler/solve';
import { DEFAULT_WEIGHTS } from '../engine/scheduler/types';
import type { ChildResult } from './scheduler-child';
import { demandHoldoutBench } from './scheduler-demand';
import { schedulerHost } from './scheduler-host';
import { round } from './stats';

const SIZES = ['small', 'medium', 'large'] as const;
const BACKENDS = ['highs', 'jslp'] as const;
/** Solver time limits (s) per size. */
const LIMIT_S = { small: 10, medium: 20, large: 30 } as const;
/** Hard wall limit (s) for a child process, after which it is killed. */
const KILL_S = 45;
/**
 * Gap targets: the small and medium clubs are solved to proven optimality (gap 0), so the two
 * backends can be cross-checked on the same objective; the large club to the 1 %.
 */
const MIP_REL_GAP = { small: 0, medium: 0, large: 0.01 } as const;
const CHILD = fileURLToPath(new URL('./scheduler-child.ts', import.meta.url));

interface RunOutcome { result: ChildResult | null; note: string; wallS: number; sampledPeakMb: number }

/** Peak RSS so far (VmHWM) of a live process in MB, 0 when unreadable. */
function vmHwmMb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch { return 0; }
}

function runChild(size: string, backend: string): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--max-old-space-size=3072', '--import', 'tsx', CHILD, size, backend, String(LIMIT_S[size as keyof typeof LIMIT_S]), String(MIP_REL_GAP[size as keyof typeof MIP_REL_GAP])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sampledPeakMb = 0;
    let killed = false;
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const sampler = setInterval(() => { if (child.pid) sampledPeakMb = Math.max(sampledPeakMb, vmHwmMb(child.pid)); }, 250);
    const killer = setTimeout(() => {
      if (child.pid) sampledPeakMb = Math.max(sampledPeakMb, vmHwmMb(child.pid));
      killed = true;
      child.kill('SIGKILL');
    }, KILL_S * 1000);
    child.on('close', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      const wallS = (performance.now() - started) / 1000;
      const line = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) { resolve({ result: JSON.parse(line) as ChildResult, note: '', wallS, sampledPeakMb }); return; }
      const oom = /heap out of memory|Allocation failed|OOM/i.test(stderr);
      const note = killed ? `killed at ${KILL_S} s` : oom ? `out of memory after ${wallS.toFixed(0)} s` : `crashed (code ${code}, ${signal ?? 'no signal'})`;
      resolve({ result: null, note, wallS, sampledPeakMb });
    });
  });
}

const fmt = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? '—' : v.toFixed(digits));
const orMinus1 = (v: number | null | undefined, digits: number) => (v === null || v === undefined ? -1 : round(v, digits));

export async function scheduler(log: (line: string) => void): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const rawSolverObjective: Record<string, number | null> = {};
  log(`${'size'.padEnd(7)} ${'backend'.padEnd(8)} ${'binaries'.padStart(8)} ${'status'.padEnd(22)} ${'1st feas s'.padStart(10)} ${'solve s'.padStart(8)} ${'gap %'.padStart(6)} ${'objective'.padStart(10)} ${'peak MB'.padStart(8)} ${'cpu s'.padStart(6)}`);
  for (const size of SIZES) {
    const club = generateClub(size, 1);
    const model = buildModel(club, syntheticDemand(club, 1), DEFAULT_WEIGHTS);
    const binaries = model.assignments.length;
    for (const backend of BACKENDS) {
      const { result: r, note, wallS, sampledPeakMb } = await runChild(size, backend);
      const key = `${size}_${backend}`;
      const peakMb = r ? r.peakMb : sampledPeakMb;
      out[`${key}_solve_s`] = r ? round(r.solveS, 2) : round(wallS, 1);
      out[`${key}_first_feasible_s`] = orMinus1(r?.firstFeasibleS, 2);
      out[`${key}_gap_pct`] = orMinus1(r?.gapPct, 2);
      out[`${key}_objective`] = orMinus1(r?.objective, 4);
      out[`${key}_solver_objective`] = orMinus1(r?.solverObjective, 4);
      rawSolverObjective[key] = r?.solverObjective ?? null;
      out[`${key}_peak_mb`] = Math.round(peakMb);
      out[`${key}_cpu_s`] = orMinus1(r?.cpuS, 2);
      const status = r ? r.status : note;
      const solveS = r ? r.solveS : wallS;
      log(`${size.padEnd(7)} ${backend.padEnd(8)} ${String(binaries).padStart(8)} ${status.padEnd(22)} ${fmt(r?.firstFeasibleS, 2).padStart(10)} ${solveS.toFixed(2).padStart(8)} ${fmt(r?.gapPct, 2).padStart(6)} ${fmt(r?.objective, 4).padStart(10)} ${String(Math.round(peakMb)).padStart(8)} ${fmt(r?.cpuS, 2).padStart(6)}`);
    }
    if (size === 'medium') {
      // The cross-check: both backends prove optimality with the same objective value.
      const [h, j] = [rawSolverObjective.medium_highs, rawSolverObjective.medium_jslp];
      out.medium_objective_abs_diff = h == null || j == null ? -1 : Number(Math.abs(h - j).toExponential(2));
      log(`medium cross-check: |HiGHS − jslp| solver objective = ${out.medium_objective_abs_diff}`);
    }
    if (size === 'large') {
      const def = chooseBackend(model);
      for (const k of ['solve_s', 'gap_pct', 'peak_mb', 'first_feasible_s', 'cpu_s'] as const) out[`large_default_${k}`] = out[`large_${def}_${k}`]!;
    }
  }
  log(`(mipRelGap ${JSON.stringify(MIP_REL_GAP)}; each run in its own process; solve s = wall time inside the backend call, or until the kill; peak MB = that process's max RSS;`);
  log(' each process is fresh, so HiGHS times include V8 compiling its WASM on first use (~1 s on the large club);');
  log(' — / -1 in JSON: the value does not exist (no gap reported, no solution, or the run was killed / ran out of memory))');
  log('\n# the demo club through the host');
  const host = await schedulerHost(log);
  log('\n# demand forecast (real occupancy data)');
  return { ...out, ...host, ...(await demandHoldoutBench(log)) };
}
