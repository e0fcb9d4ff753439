/**
 * Runs the exported population graph (onnx-export.ts) with onnxruntime-node, from bytes in memory.
 * Node only: the renderer never imports this.
 */
import { InferenceSession, Tensor } from 'onnxruntime-node';
import type { PopulationModel } from '../../engine/rir/types';
import { exportPopulationOnnx, OnnxExportError, POPULATION_ONNX_IO } from './onnx-export';

export interface PopulationOnnxOutput {
  /** Mean ln k per row (intercept + weights · features). */
  meanLnK: number[];
  /** Reps to failure per row: exp(meanLnK) · (loadRatio − 1). */
  repsToFailure: number[];
}

/** One thread: a tiny graph gains nothing from more, and the app shares 2-core machines. */
const SESSION_OPTIONS: InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
};

/** Opens a session on the model bytes. */
export function openPopulationSession(bytes: Uint8Array): Promise<InferenceSession> {
  return InferenceSession.create(bytes, SESSION_OPTIONS);
}

function packInputs(features: number[][], loadRatios: number[]): Record<string, Tensor> {
  const n = features.length;
  if (loadRatios.length !== n) {
    throw new OnnxExportError('loadRatios', `expected ${n} load ratios (one per feature row), got ${loadRatios.length}`);
  }
  const f = features[0]?.length ?? 0;
  const flat = new Float32Array(n * f);
  features.forEach((row, i) => {
    if (row.length !== f) throw new OnnxExportError(`features.${i}`, `expected ${f} values like row 0, got ${row.length}`);
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new OnnxExportError(`features.${i}.${j}`, `expected a finite number, got ${v}`);
      flat[i * f + j] = v;
    });
  });
  loadRatios.forEach((r, i) => {
    if (!Number.isFinite(r) || r <= 0) throw new OnnxExportError(`loadRatios.${i}`, `expected a positive number (1RM / load), got ${r}`);
  });
  return {
    [POPULATION_ONNX_IO.features]: new Tensor('float32', flat, [n, f]),
    [POPULATION_ONNX_IO.loadRatio]: new Tensor('float32', Float32Array.from(loadRatios), [n, 1]),
  };
}

/** Runs an open session on rows of features and their load ratios. */
export async function runPopulationSession(
  session: InferenceSession,
  features: number[][],
  loadRatios: number[],
): Promise<PopulationOnnxOutput> {
  if (features.length === 0) return { meanLnK: [], repsToFailure: [] };
  const out = await session.run(packInputs(features, loadRatios));
  const meanLnK = out[POPULATION_ONNX_IO.meanLnK];
  const rtf = out[POPULATION_ONNX_IO.repsToFailure];
  if (!meanLnK || !rtf) throw new Error('population ONNX model: missing output mean_lnk or reps_to_failure');
  return {
    meanLnK: Array.from(meanLnK.data as Float32Array),
    repsToFailure: Array.from(rtf.data as Float32Array),
  };
}

/** Loads the model bytes and runs them once (opens and releases a session per call). */
export async function runPopulationOnnx(
  bytes: Uint8Array,
  features: number[][],
  loadRatios: number[],
): Promise<PopulationOnnxOutput> {
  const session = await openPopulationSession(bytes);
  try {
    return await runPopulationSession(session, features, loadRatios);
  } finally {
    await session.release();
  }
}

/**
 * p95 latency in ms of one prediction (one row) through onnxruntime-node, for the bench.
 * Exports `pop`, opens one session, warms up, then times `n` single-row runs cycling over
 * `features` (rows in `pop.featureNames` order) at load ratio 1.25 (80 % 1RM).
 */
export async function benchOnnx(pop: PopulationModel, features: number[][], n: number): Promise<number> {
  if (features.length === 0) throw new OnnxExportError('features', 'expected at least one feature row');
  if (!Number.isInteger(n) || n < 1) throw new OnnxExportError('n', `expected a positive integer, got ${n}`);
  const session = await openPopulationSession(exportPopulationOnnx(pop));
  try {
    const row = (i: number) => [features[i % features.length]!];
    for (let i = 0; i < Math.min(50, n); i++) await runPopulationSession(session, row(i), [1.25]);
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await runPopulationSession(session, row(i), [1.25]);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)]!;
  } finally {
    await session.release();
  }
}
