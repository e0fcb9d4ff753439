/**
 * Implicit-feedback matrix factorisation by alternating least squares: Hu, Koren & Volinsky 2008,
 * "Collaborative Filtering for Implicit Feedback Datasets" (ICDM), eqs. (3)–(5).
 *
 * Data: r_ui = Σ over the member's sessions that contained exercise i of 2^(−age_days / HALF_LIFE_DAYS)
 * (sessions decayed by age). Preference p_ui = 1 if r_ui > 0 else 0; confidence c_ui = 1 + α·r_ui.
 * Loss: Σ_u,i c_ui (p_ui − x_uᵀ y_i)² + λ (Σ‖x_u‖² + Σ‖y_i‖²).
 * User step: x_u = (YᵀY + Yᵀ(Cᵘ − I)Y + λI)⁻¹ Yᵀ Cᵘ p(u), using the paper's YᵀY trick so each solve
 * costs O(k²·n_u + k³); the item step is symmetric. Defaults: k = 32 (the issue), α = 40 (the
 * paper's choice), λ = 0.5 and 10 sweeps (chosen on simulated members, not on the real logs); the half-life of 90 days is this product's choice (a training
 * block or two), not the paper's.
 * `foldIn` is one user step against fixed item factors: how a member's affinity is computed from
 * their own history without retraining (and how the evaluation scores a lifter the model never saw).
 */
import { mulberry32 } from '../random';
import { RecommendInputError } from './errors';

export interface AlsOptions { factors: number; alpha: number; lambda: number; iterations: number; halfLifeDays: number; seed: number }
export const ALS_DEFAULTS: Readonly<AlsOptions> = Object.freeze({ factors: 32, alpha: 40, lambda: 0.5, iterations: 10, halfLifeDays: 90, seed: 15 });

/** One member's implicit row: exercise index → r_ui (> 0). */
export type ImplicitRow = ReadonlyMap<number, number>;

export interface AlsModel {
  factors: number;
  /** Item (exercise) ids in index order. */
  items: string[];
  /** items.length × factors, row-major. */
  itemFactors: Float64Array;
  /** YᵀY + λI precomputed for fold-in, factors × factors. */
  gram: Float64Array;
  alpha: number;
  lambda: number;
  halfLifeDays: number;
}

/** r_ui for sessions (day of each session containing the exercise), decayed to `nowMs`. */
export function decayedCount(sessionTimesMs: readonly number[], nowMs: number, halfLifeDays = ALS_DEFAULTS.halfLifeDays): number {
  let r = 0;
  for (const t of sessionTimesMs) if (t <= nowMs) r += 2 ** (-(nowMs - t) / 86_400_000 / halfLifeDays);
  return r;
}

/** In-place Cholesky solve of the SPD k×k system A x = b (A is overwritten). */
export function solveSpd(A: Float64Array, b: Float64Array, k: number, out: Float64Array, off = 0): void {
  for (let j = 0; j < k; j++) {
    let d = A[j * k + j]!;
    for (let p = 0; p < j; p++) d -= A[j * k + p]! * A[j * k + p]!;
    d = Math.sqrt(Math.max(d, 1e-12));
    A[j * k + j] = d;
    for (let i = j + 1; i < k; i++) {
      let s = A[i * k + j]!;
      for (let p = 0; p < j; p++) s -= A[i * k + p]! * A[j * k + p]!;
      A[i * k + j] = s / d;
    }
  }
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let p = 0; p < i; p++) s -= A[i * k + p]! * y[p]!;
    y[i] = s / A[i * k + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let p = i + 1; p < k; p++) s -= A[p * k + i]! * out[off + p]!;
    out[off + i] = s / A[i * k + i]!;
  }
}

function gramOf(F: Float64Array, n: number, k: number, lambda: number): Float64Array {
  const G = new Float64Array(k * k);
  for (let r = 0; r < n; r++) {
    const o = r * k;
    for (let i = 0; i < k; i++) {
      const fi = F[o + i]!;
      if (fi === 0) continue;
      for (let j = 0; j <= i; j++) G[i * k + j] = G[i * k + j]! + fi * F[o + j]!;
    }
  }
  for (let i = 0; i < k; i++) { for (let j = 0; j < i; j++) G[j * k + i] = G[i * k + j]!; G[i * k + i] = G[i * k + i]! + lambda; }
  return G;
}

/** One least-squares step for one row: writes x into out[off..off+k). */
function solveRow(row: ReadonlyArray<[number, number]>, Y: Float64Array, G: Float64Array, k: number, alpha: number, out: Float64Array, off: number, A: Float64Array, b: Float64Array): void {
  A.set(G);
  b.fill(0);
  for (const [i, r] of row) {
    const c = 1 + alpha * r;
    const o = i * k;
    for (let a = 0; a < k; a++) {
      const ya = Y[o + a]!;
      b[a] = b[a]! + c * ya;
      const w = (c - 1) * ya;
      for (let q = 0; q <= a; q++) A[a * k + q] = A[a * k + q]! + w * Y[o + q]!;
    }
  }
  for (let a = 0; a < k; a++) for (let q = 0; q < a; q++) A[q * k + a] = A[a * k + q]!;
  solveSpd(A, b, k, out, off);
}

export interface AlsTraining {
  model: AlsModel;
  /** users × factors, row-major, in the order of the rows given. */
  userFactors: Float64Array;
  /** Non-zero cells (member × exercise pairs) trained on. */
  samples: number;
}

/**
 * Trains on `rows` (one per member) over `items`. Throws `RecommendInputError('items')` when empty
 * and `RecommendInputError('rows[u]')` for an index outside `items` or a non-positive r.
 */
export function trainAls(items: readonly string[], rows: readonly ImplicitRow[], options: Partial<AlsOptions> = {}): AlsTraining {
  const o = { ...ALS_DEFAULTS, ...options };
  const k = o.factors;
  const nI = items.length;
  const nU = rows.length;
  if (nI === 0) throw new RecommendInputError('items', 'no exercises to train on');
  const userRows: Array<Array<[number, number]>> = rows.map((row, u) => [...row.entries()].map(([i, r]) => {
    if (!Number.isInteger(i) || i < 0 || i >= nI || !(r > 0) || !Number.isFinite(r)) throw new RecommendInputError(`rows[${u}]`, `bad cell (${i}, ${r})`);
    return [i, r] as [number, number];
  }));
  const itemRows: Array<Array<[number, number]>> = Array.from({ length: nI }, () => []);
  let samples = 0;
  userRows.forEach((row, u) => { for (const [i, r] of row) { itemRows[i]!.push([u, r]); samples++; } });
  const rand = mulberry32(o.seed);
  const X = new Float64Array(nU * k);
  const Y = new Float64Array(nI * k);
  for (let j = 0; j < Y.length; j++) Y[j] = (rand() - 0.5) * 0.1;
  const A = new Float64Array(k * k);
  const b = new Float64Array(k);
  for (let it = 0; it < o.iterations; it++) {
    let G = gramOf(Y, nI, k, o.lambda);
    for (let u = 0; u < nU; u++) solveRow(userRows[u]!, Y, G, k, o.alpha, X, u * k, A, b);
    G = gramOf(X, nU, k, o.lambda);
    for (let i = 0; i < nI; i++) solveRow(itemRows[i]!, X, G, k, o.alpha, Y, i * k, A, b);
  }
  return {
    model: { factors: k, items: [...items], itemFactors: Y, gram: gramOf(Y, nI, k, o.lambda), alpha: o.alpha, lambda: o.lambda, halfLifeDays: o.halfLifeDays },
    userFactors: X, samples,
  };
}

/** A member's factor vector from their implicit row against fixed item factors (one ALS user step). */
export function foldIn(model: AlsModel, row: ImplicitRow): Float64Array {
  const k = model.factors;
  const out = new Float64Array(k);
  solveRow([...row.entries()], model.itemFactors, model.gram, k, model.alpha, out, 0, new Float64Array(k * k), new Float64Array(k));
  return out;
}

/** Predicted preference x_uᵀ y_i for every item. */
export function predictAll(model: AlsModel, x: Float64Array): Float64Array {
  const k = model.factors;
  const out = new Float64Array(model.items.length);
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let a = 0; a < k; a++) s += x[a]! * model.itemFactors[i * k + a]!;
    out[i] = s;
  }
  return out;
}

/**
 * The member's affinity per exercise as a 0–1 percentile of the predictions over the model's items
 * (1 = highest), the shape `CollaborativeSignal.affinity` takes. Ties share the lower rank.
 */
export function affinityPercentiles(model: AlsModel, x: Float64Array): Map<string, number> {
  const p = predictAll(model, x);
  const order = [...p.keys()].sort((a, b) => p[a]! - p[b]!);
  const n = order.length;
  const out = new Map<string, number>();
  order.forEach((i, rank) => out.set(model.items[i]!, n === 1 ? 1 : rank / (n - 1)));
  return out;
}

/** Implicit row of one member from (exerciseId, session time) pairs, one pair per session containing the exercise. */
export function implicitRow(model: Pick<AlsModel, 'items' | 'halfLifeDays'>, sessions: ReadonlyArray<{ exerciseId: string; atMs: number }>, nowMs: number, index?: ReadonlyMap<string, number>): Map<number, number> {
  const idx = index ?? new Map(model.items.map((id, i) => [id, i]));
  const row = new Map<number, number>();
  for (const s of sessions) {
    const i = idx.get(s.exerciseId);
    if (i === undefined || s.atMs > nowMs) continue;
    row.set(i, (row.get(i) ?? 0) + 2 ** (-(nowMs - s.atMs) / 86_400_000 / model.halfLifeDays));
  }
  return row;
}
