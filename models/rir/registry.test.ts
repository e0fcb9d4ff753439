import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_NAMES } from '../../engine/rir/features';
import { sha256Hex, writeFileAtomic } from './atomic-file';
import { fixturePopulation } from './fixtures';
import { runPopulationOnnx } from './onnx-run';
import { createRegistry, REGISTRY_FILE, RegistryError, type ModelRegistry } from './registry';

const FEATURES = [...DEFAULT_FEATURE_NAMES];
const pop = (version: string) => fixturePopulation(version, FEATURES);
const held = (maeReps: number, extra: Partial<{ coverage80: number; heldOutSets: number; heldOutId: string }> = {}) =>
  ({ maeReps, coverage80: 0.81, heldOutSets: 400, heldOutId: 'cohort-a', ...extra });

let dir: string;
let clock: number;
let registry: ModelRegistry;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rir-registry-'));
  clock = Date.parse('2026-11-01T08:00:00Z');
  registry = createRegistry(dir, { now: () => new Date((clock += 60_000)) });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function caught(fn: () => unknown): RegistryError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(RegistryError);
    return err as RegistryError;
  }
  throw new Error('expected a RegistryError');
}

describe('registering a model', () => {
  it('writes the population JSON and ONNX with SHA-256 checksums, as a candidate', () => {
    const entry = registry.register(pop('v1'), held(0.9), { note: 'first refit' });
    expect(entry).toMatchObject({ version: 'v1', status: 'candidate', trainingSamples: 1234, note: 'first refit' });
    expect(entry.validation).toEqual({ maeReps: 0.9, coverage80: 0.81, heldOutSets: 400, heldOutId: 'cohort-a' });
    for (const f of [entry.files.population, entry.files.onnx]) {
      const bytes = readFileSync(join(dir, f.file));
      expect(f.sha256).toBe(sha256Hex(bytes));
      expect(f.bytes).toBe(bytes.length);
      expect(f.bytes).toBeLessThan(2 * 1024 * 1024);
    }
    expect(registry.active()).toBeNull();
    expect(readdirSync(dir).sort()).toEqual([REGISTRY_FILE, 'v1.json', 'v1.onnx']); // no temp files left
  });

  it('refuses a duplicate version, an unsafe version and bad metrics, naming the field', () => {
    registry.register(pop('v1'), held(0.9));
    expect(caught(() => registry.register(pop('v1'), held(0.8))).reason).toBe('duplicate_version');
    expect(caught(() => registry.register(pop('../evil'), held(0.8))).message).toMatch(/^population: version:/);
    expect(caught(() => registry.register(pop('v2'), held(-1))).field).toBe('validation.maeReps');
    expect(caught(() => registry.register(pop('v2'), held(0.8, { coverage80: 1.5 }))).field).toBe('validation.coverage80');
    const mismatched = { ...pop('v2'), weights: [1, 2] };
    expect(caught(() => registry.register(mismatched, held(0.8))).message).toMatch(/^population: weights: expected \d+ weights/);
  });
});

describe('activation, rollback and history', () => {
  it('activates the first validated model, refuses a worse one with a reason, activates a better one', () => {
    registry.register(pop('v1'), held(0.9));
    registry.register(pop('v2'), held(0.95));
    registry.register(pop('v3'), held(0.7));

    const first = registry.activateIfBetter('v1');
    expect(first).toMatchObject({ activated: true, from: null });
    expect(first.reason).toMatch(/first validated model/);

    const worse = registry.activateIfBetter('v2');
    expect(worse.activated).toBe(false);
    expect(worse.reason).toBe("held-out MAE 0.95 reps is not lower than active v1's 0.9 reps on the same held-out sets");
    expect(registry.active()!.entry.version).toBe('v1');
    expect(registry.list().find((e) => e.version === 'v2')!.lastDecision).toMatchObject({ activated: false });

    const better = registry.activateIfBetter('v3');
    expect(better).toMatchObject({ activated: true, from: 'v1' });
    const active = registry.active()!;
    expect(active.entry.version).toBe('v3');
    expect(active.population).toEqual(pop('v3'));
    expect(registry.list().map((e) => [e.version, e.status])).toEqual([['v1', 'retired'], ['v2', 'candidate'], ['v3', 'active']]);
  });

  it('rollback restores the previous model in one action, and history records every switch', async () => {
    registry.register(pop('v1'), held(0.9));
    registry.register(pop('v2'), held(0.8));
    registry.register(pop('v3'), held(0.7));
    registry.activateIfBetter('v1');
    registry.activateIfBetter('v2');
    registry.activateIfBetter('v3');

    expect(registry.rollback('v3 over-predicts leg press')).toMatchObject({ action: 'rollback', from: 'v3', to: 'v2' });
    expect(registry.active()!.entry.version).toBe('v2');
    registry.rollback();
    expect(registry.active()!.entry.version).toBe('v1');
    // v1 was activated over the published-figures default: rolling back returns to it.
    expect(registry.rollback()).toMatchObject({ from: 'v1', to: null });
    expect(registry.active()).toBeNull();
    expect(caught(() => registry.rollback()).reason).toBe('nothing_to_roll_back');

    expect(registry.history().map((h) => [h.action, h.from, h.to])).toEqual([
      ['activate', null, 'v1'], ['activate', 'v1', 'v2'], ['activate', 'v2', 'v3'],
      ['rollback', 'v3', 'v2'], ['rollback', 'v2', 'v1'], ['rollback', 'v1', null],
    ]);
    expect(registry.history()[3]!.reason).toBe('v3 over-predicts leg press');
    const times = registry.history().map((h) => Date.parse(h.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // A registered model's ONNX runs and gives its population's numbers.
    const { population, onnx } = registry.load('v1');
    const out = await runPopulationOnnx(onnx, [FEATURES.map(() => 0)], [1.25]);
    expect(out.meanLnK[0]).toBeCloseTo(population.intercept, 5);
  });

  it('compares MAEs only on the same held-out sets', () => {
    registry.register(pop('v1'), held(0.9));
    registry.register(pop('v2'), held(0.5, { heldOutId: 'cohort-b' }));
    registry.activateIfBetter('v1');
    const differ = registry.activateIfBetter('v2');
    expect(differ.activated).toBe(false);
    expect(differ.reason).toMatch(/held-out sets differ/);
    // Re-scored on cohort-b, v1 does 0.45: v2 is not better.
    expect(registry.activateIfBetter('v2', { activeMaeOnSameSet: 0.45 }).activated).toBe(false);
    expect(registry.activateIfBetter('v2', { activeMaeOnSameSet: 0.6 }).activated).toBe(true);
  });

  it('never activates a model whose metrics are not finite', () => {
    registry.register(pop('v1'), held(Number.NaN));
    const decision = registry.activateIfBetter('v1');
    expect(decision).toMatchObject({ activated: false, reason: 'not validated: held-out MAE is not a finite number' });
    registry.register(pop('v2'), held(0.8, { heldOutSets: 0 }));
    expect(registry.activateIfBetter('v2').reason).toBe('not validated: no held-out sets');
    expect(registry.active()).toBeNull();
    expect(registry.history()).toEqual([]);
  });
});

describe('integrity', () => {
  it('detects a tampered active model, names the file, and does not use it', () => {
    registry.register(pop('v1'), held(0.9));
    registry.activateIfBetter('v1');
    const file = join(dir, 'v1.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"intercept": ', '"intercept": 1'));
    const err = caught(() => registry.active());
    expect(err.reason).toBe('checksum_mismatch');
    expect(err.field).toBe('v1.json');
    expect(err.message).toMatch(/^v1\.json: checksum mismatch/);
  });

  it('detects a corrupted ONNX file and a missing one', () => {
    registry.register(pop('v1'), held(0.9));
    registry.activateIfBetter('v1');
    const onnx = join(dir, 'v1.onnx');
    const bytes = readFileSync(onnx);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(onnx, bytes);
    expect(caught(() => registry.active()).field).toBe('v1.onnx');
    rmSync(onnx);
    expect(caught(() => registry.active()).reason).toBe('missing_file');
  });

  it('refuses to activate or roll back to a model whose files fail the checksum', () => {
    registry.register(pop('v1'), held(0.9));
    registry.register(pop('v2'), held(0.8));
    registry.activateIfBetter('v1');
    writeFileSync(join(dir, 'v2.onnx'), 'garbage');
    expect(caught(() => registry.activateIfBetter('v2')).reason).toBe('checksum_mismatch');
    expect(registry.active()!.entry.version).toBe('v1');
  });

  it('rejects a bad registry.json, naming the field', () => {
    registry.register(pop('v1'), held(0.9));
    const path = join(dir, REGISTRY_FILE);
    const reg = JSON.parse(readFileSync(path, 'utf8'));
    reg.entries[0].validation.maeReps = 'low';
    writeFileSync(path, JSON.stringify(reg));
    const err = caught(() => registry.list());
    expect(err.reason).toBe('invalid_file');
    expect(err.message).toMatch(/^registry\.json: entries\.0\.validation\.maeReps: /);

    reg.entries[0].validation.maeReps = 0.9;
    reg.entries[0].status = 'live';
    writeFileSync(path, JSON.stringify(reg));
    expect(caught(() => registry.active()).message).toMatch(/^registry\.json: entries\.0\.status: expected one of candidate, active, retired/);

    writeFileSync(path, '{"format": 1, "entries": [');
    expect(caught(() => registry.list()).message).toMatch(/^registry\.json: not valid JSON/);
  });

  it('leaves registry.json and the folder unchanged when registering fails', () => {
    registry.register(pop('v1'), held(0.9));
    const before = readFileSync(join(dir, REGISTRY_FILE), 'utf8');
    // A population the ONNX export refuses fails after validation but before registry.json is written.
    expect(() => registry.register({ ...pop('v2'), featureNames: [], weights: [] }, held(0.8))).toThrow();
    expect(readFileSync(join(dir, REGISTRY_FILE), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual([REGISTRY_FILE, 'v1.json', 'v1.onnx']);
  });

  it('writes atomically: a failed rename leaves the old file and no temp file', () => {
    const target = join(dir, 'busy');
    mkdirSync(join(target, 'inside'), { recursive: true }); // renaming a file over a non-empty folder fails
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const file = join(dir, 'plain.json');
    writeFileAtomic(file, 'old');
    writeFileAtomic(file, 'new content');
    expect(readFileSync(file, 'utf8')).toBe('new content');
  });
});
