/**
 * One scheduler solve in its own process, for `bench/scheduler.ts` (so each run's peak memory is
 * its own, not the bench process's cumulative maximum; WASM memory is never given back).
 * Usage: `node --import tsx bench/scheduler-child.ts SIZE BACKEND TIME_LIMIT_S MIP_REL_GAP`.
 * Prints one JSON line: the ScheduleResult figures plus `peakMb`, this process's max RSS in MB
 * (`process.resourceUsage().maxRSS`, read after the solve; includes Node, tsx and the WASM heap)
 * and `cpuS`. The process is fresh, so the solve includes V8's first-use compilation of the
 * HiGHS WASM code (about 1 s on the large club; a second solve in the same process is faster).
 */
import { generateClub, syntheticDemand, type ClubSize } from '../engine/scheduler/generate';
import { buildModel } from '../engine/scheduler/model';
import { scheduleWeek } from '../engine/scheduler/solve';
import { DEFAULT_WEIGHTS, type BackendName } from '../engine/scheduler/types';

export interface ChildResult {
  binaries: number;
  status: string;
  solveS: number;
  firstFeasibleS: number | null;
  gapPct: number | null;
  objective: number | null;
  solverObjective: number | null;
  /** CPU seconds (user + system, all threads of this process) of the whole scheduleWeek call. */
  cpuS: number;
  peakMb: number;
}

async function main(): Promise<void> {
  const [size, backend, limit, gap] = process.argv.slice(2);
  const club = generateClub(size as ClubSize, 1);
  const demand = syntheticDemand(club, 1);
  const binaries = buildModel(club, demand, DEFAULT_WEIGHTS).assignments.length;
  const cpu0 = process.cpuUsage();
  const r = await scheduleWeek(club, demand, { backend: backend as BackendName, timeLimitS: Number(limit), mipRelGap: Number(gap) });
  const out: ChildResult = {
    binaries,
    status: r.status,
    solveS: r.solveS,
    firstFeasibleS: r.firstFeasibleS,
    gapPct: r.gapPct,
    objective: r.timetable.length > 0 ? r.objective : null,
    solverObjective: r.solverObjective,
    cpuS: ((u) => (u.user + u.system) / 1e6)(process.cpuUsage(cpu0)),
    peakMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
