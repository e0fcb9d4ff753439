/**
 * What a manager waits for: the demo club optimized through the host, as the Optimize button and
 * `studio schedule optimize` do it — a real SQLite file, demand from the stored history, the
 * solve in a worker thread (its start, tsx compiling the handlers, HiGHS compiling its WASM),
 * storing the draft. Five runs on one database; p50 / p95 of the whole call in ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestHost } from '../main/host/testkit';
import type { OptimizeView } from '../main/contract/index';
import { percentile, round } from './stats';

const RUNS = 5;
const WEEK = '2026-11-30';

export async function schedulerHost(log: (line: string) => void): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-schedule-'));
  const { host, manager: caller } = await createTestHost(join(dir, 'studio.db'));
  try {
    const demo = await host.call('schedule/demo-setup', { weekStart: WEEK }, caller);
    if (!demo.ok) throw new Error(demo.error.message);
    const ms: number[] = [];
    let classes = 0;
    let solveS = 0;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const env = await host.call('schedule/optimize', { weekStart: WEEK, timeLimitS: 30, gapPct: 1 }, caller);
      ms.push(performance.now() - t0);
      if (!env.ok) throw new Error(env.error.message);
      const v = env.value as OptimizeView;
      classes = v.scenario?.classCount ?? 0;
      solveS = Math.max(solveS, v.scenario?.solveS ?? 0);
    }
    const out = {
      demo_optimize_p50_ms: Math.round(percentile([...ms].sort((a, b) => a - b), 50)),
      demo_optimize_p95_ms: Math.round(percentile([...ms].sort((a, b) => a - b), 95)),
      demo_optimize_max_solve_s: round(solveS, 2),
    };
    log(`demo club through the host (worker, SQLite, ${classes} classes): p50 ${out.demo_optimize_p50_ms} ms, p95 ${out.demo_optimize_p95_ms} ms over ${RUNS} runs; solver at most ${out.demo_optimize_max_solve_s} s of it`);
    return out;
  } finally {
    host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
