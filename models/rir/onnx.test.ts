import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../../engine/exercises/library';
import { DEFAULT_FEATURE_NAMES, exerciseFeatures, linearLnK } from '../../engine/rir/features';
import type { PopulationModel } from '../../engine/rir/types';
import { buildPopulationModelProto, exportPopulationOnnx, OnnxExportError } from './onnx-export';
import { benchOnnx, runPopulationOnnx } from './onnx-run';
import { fixturePopulation } from './fixtures';

/** Load ratios 1RM / load from 100 % down to 50 % 1RM. */
const LOAD_RATIOS = [1, 1 / 0.95, 1 / 0.9, 1 / 0.8, 1 / 0.75, 1 / 0.67, 1 / 0.5];

/** The TypeScript reference, written out: intercept + weights · features, and exp(·) · (ratio − 1). */
function reference(pop: PopulationModel, features: number[], ratio: number) {
  const meanLnK = features.reduce((s, x, i) => s + x * pop.weights[i]!, pop.intercept);
  return { meanLnK, rtf: Math.exp(meanLnK) * (ratio - 1) };
}

/** Every built-in exercise × every load ratio, as ONNX input rows. */
function grid(pop: PopulationModel) {
  const rows = BUILTIN_EXERCISES.flatMap((ex) => LOAD_RATIOS.map((ratio) => ({ ex, ratio, f: exerciseFeatures(ex, pop.featureNames) })));
  return { rows, features: rows.map((r) => r.f), ratios: rows.map((r) => r.ratio) };
}

async function maxErrors(pop: PopulationModel) {
  const { rows, features, ratios } = grid(pop);
  const out = await runPopulationOnnx(exportPopulationOnnx(pop), features, ratios);
  let lnK = 0;
  let rtfRel = 0;
  rows.forEach((r, i) => {
    const ref = reference(pop, r.f, r.ratio);
    expect(ref.meanLnK).toBeCloseTo(linearLnK(pop, r.ex), 12); // the engine's reference agrees with ours
    lnK = Math.max(lnK, Math.abs(out.meanLnK[i]! - ref.meanLnK));
    const scale = Math.max(Math.abs(ref.rtf), 1e-3);
    rtfRel = Math.max(rtfRel, Math.abs(out.repsToFailure[i]! - ref.rtf) / scale);
  });
  return { lnK, rtfRel, rows: rows.length };
}

describe('population ONNX export', () => {
  const pop = fixturePopulation('fixture-1', [...DEFAULT_FEATURE_NAMES]);

  it('matches the TypeScript reference within 1e-5 over all built-in exercises × load ratios', async () => {
    const err = await maxErrors(pop);
    expect(err.rows).toBe(BUILTIN_EXERCISES.length * LOAD_RATIOS.length);
    expect(err.lnK).toBeLessThan(1e-5);
    expect(err.rtfRel).toBeLessThan(1e-5);
    console.log(`ONNX parity over ${err.rows} rows: max |Δ mean_lnk| ${err.lnK.toExponential(2)}, max relative Δ RTF ${err.rtfRel.toExponential(2)}`);
  });

  it('gives RTF 0 at 100 % 1RM and Epley-like values at 80 %', async () => {
    const epley = fixturePopulation('epley', ['pattern:squat'], { intercept: Math.log(30), weights: [0] });
    const out = await runPopulationOnnx(exportPopulationOnnx(epley), [[1], [0]], [1, 1.25]);
    expect(out.repsToFailure[0]).toBe(0);
    expect(out.repsToFailure[1]).toBeCloseTo(7.5, 4);
  });

  it('is a small, deterministic file that carries its feature names', () => {
    const a = exportPopulationOnnx(pop);
    const b = exportPopulationOnnx(structuredClone(pop));
    expect(a.length).toBeLessThan(2 * 1024 * 1024);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const meta = Object.fromEntries(buildPopulationModelProto(pop).metadataProps!.map((p) => [p.key, p.value]));
    expect(JSON.parse(meta.feature_names!)).toEqual(pop.featureNames);
    expect(meta.population_version).toBe('fixture-1');
    console.log(`ONNX model size: ${a.length} bytes for ${pop.featureNames.length} features`);
  });

  it('refuses a population whose weights do not match its feature names, naming the field', () => {
    const bad = { ...pop, weights: pop.weights.slice(1) };
    expect(() => exportPopulationOnnx(bad)).toThrow(OnnxExportError);
    expect(() => exportPopulationOnnx(bad)).toThrow(/^weights: expected \d+ weights/);
    expect(() => exportPopulationOnnx({ ...pop, intercept: Number.NaN })).toThrow(/^intercept:/);
  });

  it('refuses ragged or non-finite inputs, naming the row', async () => {
    const bytes = exportPopulationOnnx(pop);
    const f = pop.featureNames.length;
    await expect(runPopulationOnnx(bytes, [new Array(f).fill(0), [1]], [1.2, 1.2])).rejects.toThrow(/^features\.1:/);
    await expect(runPopulationOnnx(bytes, [new Array(f).fill(0)], [1.2, 1.3])).rejects.toThrow(/^loadRatios:/);
    await expect(runPopulationOnnx(bytes, [new Array(f).fill(0)], [0])).rejects.toThrow(/^loadRatios\.0:/);
  });

  it('measures a p95 per prediction', async () => {
    const features = BUILTIN_EXERCISES.map((ex) => exerciseFeatures(ex, pop.featureNames));
    const p95 = await benchOnnx(pop, features, 500);
    expect(p95).toBeGreaterThan(0);
    expect(p95).toBeLessThan(50); // generous: CI machines vary; the bench reports the figure
    console.log(`ONNX p95 per prediction: ${p95.toFixed(4)} ms`);
  });
});
