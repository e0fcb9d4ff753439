import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_EXERCISES } from '../../engine/exercises/library';
import { DEFAULT_POPULATION, exerciseFeatures, linearLnK, populationLnK } from '../../engine/rir/population';
import { exportPopulationOnnx } from './onnx-export';
import { runPopulationOnnx } from './onnx-run';
import { createRegistry } from './registry';

const LOAD_RATIOS = [1, 1 / 0.95, 1 / 0.9, 1 / 0.85, 1 / 0.8, 1 / 0.7, 1 / 0.6];

describe('the default population through ONNX', () => {
  it('matches populationLnK and its RTF within 1e-5 for every built-in exercise × load ratio', async () => {
    const pop = DEFAULT_POPULATION;
    expect(Object.keys(pop.exerciseLnK)).toEqual([]); // no overrides, so the linear map is the whole reference
    const rows = BUILTIN_EXERCISES.flatMap((ex) => LOAD_RATIOS.map((ratio) => ({ ex, ratio })));
    const out = await runPopulationOnnx(
      exportPopulationOnnx(pop),
      rows.map((r) => exerciseFeatures(r.ex, pop.featureNames)),
      rows.map((r) => r.ratio),
    );
    let lnKErr = 0;
    let rtfRel = 0;
    rows.forEach((r, i) => {
      const lnK = populationLnK(pop, r.ex);
      expect(lnK).toBe(linearLnK(pop, r.ex));
      const rtf = Math.exp(lnK) * (r.ratio - 1);
      lnKErr = Math.max(lnKErr, Math.abs(out.meanLnK[i]! - lnK));
      rtfRel = Math.max(rtfRel, Math.abs(out.repsToFailure[i]! - rtf) / Math.max(Math.abs(rtf), 1e-3));
    });
    expect(lnKErr).toBeLessThan(1e-5);
    expect(rtfRel).toBeLessThan(1e-5);
    console.log(`DEFAULT_POPULATION ONNX parity over ${rows.length} rows: max |Δ mean_lnk| ${lnKErr.toExponential(2)}, max relative Δ RTF ${rtfRel.toExponential(2)}`);
  });

  it('registers, activates and loads back unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rir-registry-default-'));
    try {
      const registry = createRegistry(dir);
      const entry = registry.register(DEFAULT_POPULATION, { maeReps: 1.1, coverage80: 0.8, heldOutSets: 100 });
      expect(entry.trainingSamples).toBe(0);
      expect(entry.files.onnx.bytes).toBeLessThan(2 * 1024 * 1024);
      expect(registry.activateIfBetter(DEFAULT_POPULATION.version).activated).toBe(true);
      expect(registry.active()!.population).toEqual(DEFAULT_POPULATION);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
