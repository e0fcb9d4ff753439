/**
 * The RIR population-model registry: a folder of model files and one `registry.json`.
 *
 * Layout of `dir` (the app passes a folder in its user-data directory; tests pass temp folders):
 *   registry.json        { format, entries[], history[] }, validated with zod on every read
 *   <version>.json       the PopulationModel
 *   <version>.onnx       its ONNX export (onnx-export.ts)
 * Each entry holds the version, creation time, training-sample count, held-out validation
 * metrics, the SHA-256 and size of both files, and a status: candidate | active | retired.
 *
 * Rules (domain.md: "A model is activated only after it has been validated"):
 * - `register` only records a candidate; it never activates.
 * - `activateIfBetter` activates a candidate only when its held-out MAE is finite and lower than
 *   the active model's *on the same held-out sets*: either both entries carry the same
 *   `heldOutId`, or the caller re-scored the active model on the candidate's held-out sets and
 *   passes that MAE as `activeMaeOnSameSet`. Entries without a `heldOutId` are assumed to share
 *   one. With no active model, a candidate with finite metrics on ≥ 1 held-out set activates.
 * - Every switch (activation or rollback) is appended to `history` with from, to, time and reason.
 * - `rollback()` is one action: it re-activates the model that was active before the current one.
 * - `active()` verifies the checksums before returning a model; a corrupted or missing file
 *   throws a RegistryError naming the file, so the caller falls back (e.g. to DEFAULT_POPULATION)
 *   instead of using it.
 * All writes are atomic (temp file + rename). One writer (the app's main process) is assumed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PopulationModel } from '../../engine/rir/types';
import { sha256Hex, writeFileAtomic } from './atomic-file';
import { exportPopulationOnnx } from './onnx-export';
import {
  parseOrThrow, PopulationModelSchema, REGISTRY_FORMAT, RegistryError, RegistryFileSchema,
  type RegistryEntry, type RegistryFile, type SwitchRecord, type Validation,
} from './registry-schema';
import { decideActivation, findRollbackTarget } from './registry-rules';

export { RegistryError } from './registry-schema';
export type { EntryStatus, RegistryEntry, SwitchRecord, Validation } from './registry-schema';

export const REGISTRY_FILE = 'registry.json';
/** domain.md: models under 2 MB each. */
export const MAX_MODEL_BYTES = 2 * 1024 * 1024;

/** Held-out metrics as measured; NaN or infinite values are recorded as null (not validated). */
export interface ValidationInput {
  maeReps: number;
  coverage80: number;
  heldOutSets: number;
  /** Names the held-out set, e.g. a hash of its set ids. */
  heldOutId?: string;
}

export interface RegisterMeta {
  note?: string;
}

export interface ActivationDecision {
  version: string;
  activated: boolean;
  /** The active version before the decision. */
  from: string | null;
  reason: string;
}

export interface LoadedModel {
  entry: RegistryEntry;
  population: PopulationModel;
  /** The verified ONNX bytes. */
  onnx: Uint8Array;
}

export interface ModelRegistry {
  readonly dir: string;
  register(pop: PopulationModel, validation: ValidationInput, meta?: RegisterMeta): RegistryEntry;
  activateIfBetter(version: string, options?: { activeMaeOnSameSet?: number }): ActivationDecision;
  rollback(reason?: string): SwitchRecord;
  active(): LoadedModel | null;
  load(version: string): LoadedModel;
  list(): RegistryEntry[];
  history(): SwitchRecord[];
}

const EMPTY: RegistryFile = { format: REGISTRY_FORMAT, entries: [], history: [] };

function readRegistry(dir: string): RegistryFile {
  const path = join(dir, REGISTRY_FILE);
  if (!existsSync(path)) return structuredClone(EMPTY);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new RegistryError('invalid_file', REGISTRY_FILE, `not valid JSON (${(err as Error).message})`);
  }
  return parseOrThrow(RegistryFileSchema, json, REGISTRY_FILE);
}

function writeRegistry(dir: string, reg: RegistryFile): void {
  writeFileAtomic(join(dir, REGISTRY_FILE), `${JSON.stringify(reg, null, 2)}\n`);
}

function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function checkValidationInput(v: ValidationInput): Validation {
  const mae = finiteOrNull(v.maeReps);
  const cov = finiteOrNull(v.coverage80);
  if (mae !== null && mae < 0) throw new RegistryError('invalid_input', 'validation.maeReps', `expected ≥ 0, got ${mae}`);
  if (cov !== null && (cov < 0 || cov > 1)) throw new RegistryError('invalid_input', 'validation.coverage80', `expected a share in 0–1, got ${cov}`);
  if (!Number.isInteger(v.heldOutSets) || v.heldOutSets < 0) {
    throw new RegistryError('invalid_input', 'validation.heldOutSets', `expected an integer ≥ 0, got ${v.heldOutSets}`);
  }
  return { maeReps: mae, coverage80: cov, heldOutSets: v.heldOutSets, heldOutId: v.heldOutId ?? null };
}

function readVerified(dir: string, record: RegistryEntry['files']['population']): Buffer {
  const path = join(dir, record.file);
  if (!existsSync(path)) throw new RegistryError('missing_file', record.file, `model file is missing (${path})`);
  const bytes = readFileSync(path);
  const sha = sha256Hex(bytes);
  if (bytes.length !== record.bytes || sha !== record.sha256) {
    throw new RegistryError('checksum_mismatch', record.file,
      `checksum mismatch: expected SHA-256 ${record.sha256} (${record.bytes} bytes), found ${sha} (${bytes.length} bytes); the file was altered or corrupted and will not be used`);
  }
  return bytes;
}

function loadEntry(dir: string, entry: RegistryEntry): LoadedModel {
  const popBytes = readVerified(dir, entry.files.population);
  const onnx = new Uint8Array(readVerified(dir, entry.files.onnx));
  let json: unknown;
  try {
    json = JSON.parse(popBytes.toString('utf8'));
  } catch (err) {
    throw new RegistryError('invalid_file', entry.files.population.file, `not valid JSON (${(err as Error).message})`);
  }
  const population = parseOrThrow(PopulationModelSchema, json, entry.files.population.file);
  if (population.version !== entry.version) {
    throw new RegistryError('invalid_file', `${entry.files.population.file}: version`, `expected ${entry.version}, got ${population.version}`);
  }
  return { entry, population, onnx };
}

function writeModelFile(dir: string, file: string, bytes: Uint8Array): RegistryEntry['files']['onnx'] {
  if (bytes.length > MAX_MODEL_BYTES) {
    throw new RegistryError('invalid_input', file, `model file is ${bytes.length} bytes, over the ${MAX_MODEL_BYTES}-byte limit`);
  }
  writeFileAtomic(join(dir, file), bytes);
  return { file, sha256: sha256Hex(bytes), bytes: bytes.length };
}

/** Opens (lazily creates) the registry in `dir`. `now` is injectable for tests. */
export function createRegistry(dir: string, options: { now?: () => Date } = {}): ModelRegistry {
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  const entryOf = (reg: RegistryFile, version: string): RegistryEntry => {
    const entry = reg.entries.find((e) => e.version === version);
    if (!entry) throw new RegistryError('unknown_version', 'version', `no model ${JSON.stringify(version)} in the registry`);
    return entry;
  };
  const switchTo = (reg: RegistryFile, to: RegistryEntry, record: SwitchRecord): void => {
    for (const e of reg.entries) if (e.status === 'active') e.status = 'retired';
    to.status = 'active';
    reg.history.push(record);
  };

  return {
    dir,

    register(pop, validationInput, meta = {}) {
      const population = parseOrThrow(PopulationModelSchema, pop, 'population');
      const validation = checkValidationInput(validationInput);
      const reg = readRegistry(dir);
      if (reg.entries.some((e) => e.version === population.version)) {
        throw new RegistryError('duplicate_version', 'version', `model ${population.version} is already registered`);
      }
      // Model files first, registry.json last: a crash in between leaves unlisted files, never a listed missing one.
      const onnx = exportPopulationOnnx(population); // before any write: a refused export leaves no files
      const files = {
        population: writeModelFile(dir, `${population.version}.json`, Buffer.from(`${JSON.stringify(population, null, 2)}\n`, 'utf8')),
        onnx: writeModelFile(dir, `${population.version}.onnx`, onnx),
      };
      const entry: RegistryEntry = {
        version: population.version, createdAt: now(), trainingSamples: population.trainingSamples,
        validation, files, status: 'candidate', lastDecision: null, note: meta.note ?? null,
      };
      reg.entries.push(entry);
      writeRegistry(dir, reg);
      return structuredClone(entry);
    },

    activateIfBetter(version, opts = {}) {
      const reg = readRegistry(dir);
      const candidate = entryOf(reg, version);
      const active = reg.entries.find((e) => e.status === 'active') ?? null;
      const verdict = decideActivation(candidate, active, opts.activeMaeOnSameSet);
      if (verdict.activate) loadEntry(dir, candidate); // never activate a model whose files fail their checksum
      const at = now();
      candidate.lastDecision = { at, activated: verdict.activate, reason: verdict.reason };
      if (verdict.activate) {
        switchTo(reg, candidate, { action: 'activate', from: active?.version ?? null, to: version, at, reason: verdict.reason });
      }
      writeRegistry(dir, reg);
      return { version, activated: verdict.activate, from: active?.version ?? null, reason: verdict.reason };
    },

    rollback(reason = 'rolled back by staff') {
      const reg = readRegistry(dir);
      const { from, to } = findRollbackTarget(reg);
      const record: SwitchRecord = { action: 'rollback', from, to, at: now(), reason };
      if (to === null) {
        // back to the published-figures default: no registry model stays active
        for (const e of reg.entries) if (e.status === 'active') e.status = 'retired';
        reg.history.push(record);
      } else {
        const target = entryOf(reg, to);
        loadEntry(dir, target); // the model rolled back to must be intact
        switchTo(reg, target, record);
      }
      writeRegistry(dir, reg);
      return structuredClone(record);
    },

    active() {
      const entry = readRegistry(dir).entries.find((e) => e.status === 'active');
      return entry ? loadEntry(dir, entry) : null;
    },

    load(version) {
      return loadEntry(dir, entryOf(readRegistry(dir), version));
    },

    list: () => readRegistry(dir).entries,
    history: () => readRegistry(dir).history,
  };
}
