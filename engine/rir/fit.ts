/**
 * Empirical-Bayes refit of the population part from many members' data (two-stage):
 * 1. E-step: each member's sets run, in time order, through the member filter (model.ts
 *    `learnSet`) under the current population, giving per member × exercise posteriors of lnK
 *    (from failure sets and bias-corrected reports) and of the member's bias.
 * 2. M-step (EM for a Gaussian hierarchy): per-exercise mean lnK = mean of posterior means;
 *    lnKSd² = mean((m − μ_e)² + v); bias mean and sd alike; noise sds from the one-step-ahead
 *    innovations (ν² − H P Hᵀ). Posterior means are shrunk towards the prior, so the E and M
 *    steps repeat (`iterations`, default 2) with the refit as the next prior.
 * 3. A ridge regression of the per-exercise means on the exercise features, shrunk towards the
 *    prior's weights (so features without data keep the published values); exercises with
 *    enough members keep their own mean in `exerciseLnK`.
 * Pure and deterministic; `onProgress` reports the fraction done.
 */
import type { Exercise } from '../types';
import { DEFAULT_POPULATION } from './defaults';
import { exerciseFeatures } from './features';
import { I_BIAS, type FilterData, newFilter } from './filter';
import { learnSet, reportSd } from './model';
import type { PopulationModel, RirSet } from './types';

export interface FitData { sets: RirSet[]; exercises: readonly Exercise[] }
export interface FitOptions {
  onProgress?: (fraction: number, message: string) => void;
  /** Ridge penalty towards the prior's weights (default 4). */
  ridge?: number;
  /** Population to start from (default DEFAULT_POPULATION). */
  prior?: PopulationModel;
  /** Members with a usable estimate an exercise needs for its own `exerciseLnK` (default 8). */
  minMembersPerExercise?: number;
  /** EM passes over the data (default 2). */
  iterations?: number;
}


interface Moments { lnK: Map<string, { m: number[]; v: number[] }>; bias: { m: number[]; v: number[] }; fail: number[]; report: number[] }

function groupByMember(sets: readonly RirSet[], ids: ReadonlySet<string>): Map<number, RirSet[]> {
  const byMember = new Map<number, RirSet[]>();
  for (const s of sets) {
    if (!ids.has(s.exerciseId) || !(s.loadKg > 0) || !(s.reps >= 0) || !Number.isFinite(Date.parse(s.performedAt))) continue;
    if (s.reportedRir !== null && !(s.reportedRir >= 0 && s.reportedRir <= 10)) continue;
    const list = byMember.get(s.memberId) ?? [];
    list.push(s);
    byMember.set(s.memberId, list);
  }
  for (const list of byMember.values()) list.sort((a, b) => Date.parse(a.performedAt) - Date.parse(b.performedAt));
  return byMember;
}

function collectMember(f: FilterData, acc: Moments): void {
  const d = f.mean.length;
  f.exercises.forEach((id, j) => {
    const slot = 4 + 2 * j;
    const m = f.mean[slot + 1] ?? 0;
    if ((f.counts[j] ?? 0) < 1 || Math.abs(m) > 6) return;
    const e = acc.lnK.get(id) ?? { m: [], v: [] };
    e.m.push(f.mean[slot + 1] ?? 0); e.v.push(f.cov[(slot + 1) * d + slot + 1] ?? 0);
    acc.lnK.set(id, e);
  });
  acc.bias.m.push(f.mean[I_BIAS] ?? 0); acc.bias.v.push(f.cov[0] ?? 0);
}

/** Runs every member's sets through the filter under the wide prior; gathers estimates and innovations. */
function runMembers(byMember: Map<number, RirSet[]>, byId: Map<string, Exercise>, wide: PopulationModel, progress: (f: number, msg: string) => void): Moments {
  const acc: Moments = { lnK: new Map(), bias: { m: [], v: [] }, fail: [], report: [] };
  const fail2 = wide.failureNoiseSd ** 2;
  let done = 0;
  const step = Math.max(1, Math.floor(byMember.size / 50));
  for (const list of byMember.values()) {
    const f = newFilter(wide);
    for (const s of list) {
      const ex = byId.get(s.exerciseId);
      if (ex === undefined) continue;
      const out = learnSet(f, wide, ex, s, Date.parse(s.performedAt));
      // Innovation minus the state part of its variance: an unbiased look at the noise alone.
      if (out.failure && Number.isFinite(out.failure.nu) && out.failure.s - fail2 < fail2) acc.fail.push(out.failure.nu ** 2 - (out.failure.s - fail2));
      if (out.report && s.reportedRir !== null && Number.isFinite(out.report.nu)) {
        const r = reportSd(wide, s.reportedRir) ** 2 + fail2;
        if (out.report.s - r < r) acc.report.push((out.report.nu ** 2 - (out.report.s - r) - fail2) / (r - fail2));
      }
    }
    // A member whose filter diverged (non-finite state) teaches the population nothing.
    if (f.mean.every(Number.isFinite) && f.cov.every(Number.isFinite)) collectMember(f, acc);
    done++;
    if (done % step === 0) progress(done / byMember.size, `learnt ${String(done)} of ${String(byMember.size)} members`);
  }
  return acc;
}

const meanOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Solves the symmetric positive-definite system A x = b (Gaussian elimination with pivoting). */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]?.[c] ?? 0) > Math.abs(M[p]?.[c] ?? 0)) p = r;
    [M[c], M[p]] = [M[p] ?? [], M[c] ?? []];
    const pivot = M[c]?.[c] ?? 1;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const factor = (M[r]?.[c] ?? 0) / pivot;
      if (factor === 0) continue;
      for (let k = c; k <= n; k++) (M[r] as number[])[k] = (M[r]?.[k] ?? 0) - factor * (M[c]?.[k] ?? 0);
    }
  }
  return M.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** Ridge regression of per-exercise mean lnK on features, shrunk towards the prior's weights. */
function ridgeFit(prior: PopulationModel, rows: { x: number[]; y: number; w: number }[], ridge: number) {
  const p = prior.featureNames.length + 1;
  const beta0 = [prior.intercept, ...prior.featureNames.map((_, i) => prior.weights[i] ?? 0)];
  const A = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? (i === 0 ? 0.01 : ridge) : 0)));
  const b = beta0.map((v, i) => v * (i === 0 ? 0.01 : ridge));
  for (const row of rows) {
    const x = [1, ...row.x];
    for (let i = 0; i < p; i++) {
      const xi = x[i] ?? 0;
      if (xi === 0) continue;
      b[i] = (b[i] ?? 0) + row.w * xi * row.y;
      const Ai = A[i] as number[];
      for (let j = 0; j < p; j++) Ai[j] = (Ai[j] ?? 0) + row.w * xi * (x[j] ?? 0);
    }
  }
  const beta = solve(A, b);
  return { intercept: beta[0] ?? prior.intercept, weights: beta.slice(1) };
}

/** Refits the population part from many members' sets (see the file comment). Pure, deterministic. */
export function fitPopulation(data: FitData, options: FitOptions = {}): PopulationModel {
  const byId = new Map(data.exercises.map((e) => [e.id, e]));
  const byMember = groupByMember(data.sets, new Set(byId.keys()));
  const passes = Math.max(1, options.iterations ?? 2);
  let pop = options.prior ?? DEFAULT_POPULATION;
  options.onProgress?.(0, 'learning members');
  const setFatigue = estimateSetFatigue(data.sets, pop.setFatigue);
  pop = { ...pop, setFatigue };
  for (let pass = 0; pass < passes; pass++) {
    const progress = (f: number, msg: string) => options.onProgress?.((pass + f) / passes * 0.98, `pass ${String(pass + 1)}/${String(passes)}: ${msg}`);
    const acc = runMembers(byMember, byId, pop, progress);
    pop = mStep(pop, acc, byId, data.sets.length, options);
  }
  options.onProgress?.(1, 'done');
  return pop;
}

/**
 * Set-to-set fatigue from straight sets: within one member's session of one exercise at one
 * load, later sets' RTF relative to the first is (1 − f)^(k−1). RTF is read from failure sets
 * (reps) or from reports (reps + reported RIR; the member's bias cancels in the ratio only
 * approximately, so sessions with mixed kinds are skipped). f is the geometric mean over all
 * such pairs, clamped to 0–0.3; with fewer than 50 pairs the prior's value is kept.
 */
export function estimateSetFatigue(sets: readonly RirSet[], prior: number): number {
  const sessions = new Map<string, RirSet[]>();
  for (const s of sets) {
    if (s.reportedRir === null && !s.toFailure) continue;
    const key = `${String(s.memberId)}|${s.exerciseId}|${s.performedAt.slice(0, 10)}|${String(s.loadKg)}|${String(s.toFailure)}`;
    const list = sessions.get(key);
    if (list) list.push(s); else sessions.set(key, [s]);
  }
  let sum = 0;
  let n = 0;
  const rtf = (s: RirSet) => s.reps + (s.toFailure ? 0 : s.reportedRir ?? 0);
  for (const list of sessions.values()) {
    const first = list.reduce((a, b) => (b.setIndex < a.setIndex ? b : a));
    for (const s of list) {
      const k = s.setIndex - first.setIndex;
      if (k <= 0 || rtf(first) <= 0 || rtf(s) <= 0) continue;
      sum += Math.log(rtf(s) / rtf(first)) / k;
      n++;
    }
  }
  if (n < 50) return prior;
  return clamp(1 - Math.exp(sum / n), 0, 0.3);
}

/** The M-step: new population hyperparameters from the members' posteriors and innovations. */
function mStep(prior: PopulationModel, acc: Moments, byId: Map<string, Exercise>, samples: number, options: FitOptions): PopulationModel {
  const minMembers = options.minMembersPerExercise ?? 8;
  const exerciseLnK: Record<string, number> = {};
  const rows: { x: number[]; y: number; w: number }[] = [];
  let dev2 = 0;
  let devN = 0;
  for (const [id, e] of [...acc.lnK.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const ex = byId.get(id);
    if (ex === undefined) continue;
    const mu = meanOf(e.m);
    e.m.forEach((m, i) => { dev2 += (m - mu) ** 2 + (e.v[i] ?? 0); devN++; });
    rows.push({ x: exerciseFeatures(ex, prior.featureNames), y: mu, w: Math.min(e.m.length, 50) });
    if (e.m.length >= minMembers) exerciseLnK[id] = mu;
  }
  const { intercept, weights } = ridgeFit(prior, rows, options.ridge ?? 4);
  const biasMean = acc.bias.m.length > 0 ? meanOf(acc.bias.m) : prior.biasMean;
  const biasVar = meanOf(acc.bias.m.map((m, i) => (m - biasMean) ** 2 + (acc.bias.v[i] ?? 0)));
  const failVar = acc.fail.length >= 30 ? meanOf(acc.fail) : prior.failureNoiseSd ** 2;
  const reportScale = acc.report.length >= 30 ? meanOf(acc.report) : 1;
  return {
    ...prior,
    version: `refit-${String(samples)}-${checksum([intercept, ...weights, biasMean])}`,
    intercept, weights, exerciseLnK,
    lnKSd: devN >= 10 ? Math.sqrt(clamp(dev2 / devN, 0.05 ** 2, 1)) : prior.lnKSd,
    biasMean,
    biasSd: acc.bias.m.length >= 10 ? Math.sqrt(clamp(biasVar, 0.1 ** 2, 9)) : prior.biasSd,
    failureNoiseSd: Math.sqrt(clamp(failVar, 0.2 ** 2, 9)),
    reportNoiseSd: prior.reportNoiseSd * Math.sqrt(clamp(reportScale, 0.1, 9)),
    trainingSamples: samples,
  };
}

/** A short deterministic hash (FNV-1a over the rounded numbers) for the version string. */
function checksum(values: readonly number[]): string {
  let h = 0x811c9dc5;
  for (const ch of values.map((v) => v.toFixed(6)).join(',')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
