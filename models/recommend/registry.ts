/**
 * The exercise-recommendation (ALS) model registry, kept like the RIR model's (models/rir/registry.ts):
 * a folder beside the database (`<db name>-models/recommend`) with one `registry.json` and one
 * `<version>.json` per model. Each entry has the version, creation time, training-sample count
 * (member × exercise cells), held-out metrics (NDCG@5 and Recall@10 of the model and of the
 * popularity baseline on the same held-out sessions), the file's SHA-256 and size, and a status
 * (candidate | active | retired).
 * Rules: `register` records a candidate only; `activateIfBetter` activates it only when its held-out
 * NDCG@5 is finite, above popularity's on the same sessions, and above the active model's NDCG@5
 * re-scored on the same sessions (passed in by the caller). `active()` verifies the checksum and
 * throws naming the file when it does not match, so the caller turns CF off instead of using it.
 * Writes are atomic (temp file + rename); one writer (the app's main process) is assumed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import type { AlsModel } from '../../engine/recommend/als';
import { sha256Hex, writeFileAtomic } from '../rir/atomic-file';

export const MAX_MODEL_BYTES = 2 * 1024 * 1024;

const Validation = z.object({
  ndcgAt5: z.number().nullable(), recallAt10: z.number().nullable(), popularityNdcgAt5: z.number().nullable(), heldOutSessions: z.number().int().min(0),
}).strict();
export type RecValidation = z.infer<typeof Validation>;
const Entry = z.object({
  version: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/), createdAt: z.string(), status: z.enum(['candidate', 'active', 'retired']),
  trainingSamples: z.number().int().min(0), members: z.number().int().min(0), validation: Validation,
  file: z.object({ sha256: z.string().length(64), bytes: z.number().int().min(0) }).strict(),
}).strict();
export type RecRegistryEntry = z.infer<typeof Entry>;
const RegistryFile = z.object({ format: z.literal(1), entries: z.array(Entry) }).strict();

const ModelFile = z.object({
  factors: z.number().int().min(1).max(256), items: z.array(z.string()), itemFactors: z.array(z.number()), gram: z.array(z.number()),
  alpha: z.number(), lambda: z.number(), halfLifeDays: z.number(),
}).strict();

export function recommendRegistryDir(dbPath: string): string {
  return join(dirname(dbPath), `${basename(dbPath, extname(dbPath))}-models`, 'recommend');
}

export class RecRegistryError extends Error {}

export interface RecRegistry {
  list(): RecRegistryEntry[];
  register(model: AlsModel, meta: { version: string; trainingSamples: number; members: number; validation: RecValidation }): RecRegistryEntry;
  activateIfBetter(version: string, activeNdcgOnSameSessions: number | null): { activated: boolean; reason: string };
  /** The active model after its checksum is verified, or null when none is active. */
  active(): { entry: RecRegistryEntry; model: AlsModel } | null;
}

export function createRecRegistry(dir: string, now: () => Date = () => new Date()): RecRegistry {
  const regPath = join(dir, 'registry.json');
  const read = () => (existsSync(regPath) ? RegistryFile.parse(JSON.parse(readFileSync(regPath, 'utf8'))) : { format: 1 as const, entries: [] });
  const write = (r: z.infer<typeof RegistryFile>) => writeFileAtomic(regPath, JSON.stringify(r, null, 2));
  return {
    list: () => read().entries,
    register(model, meta) {
      const text = JSON.stringify({ ...model, itemFactors: [...model.itemFactors], gram: [...model.gram] });
      const bytes = Buffer.byteLength(text);
      if (bytes > MAX_MODEL_BYTES) throw new RecRegistryError(`model ${meta.version} is ${bytes} bytes, over the ${MAX_MODEL_BYTES}-byte limit`);
      const reg = read();
      if (reg.entries.some((e) => e.version === meta.version)) throw new RecRegistryError(`version ${meta.version} is already registered`);
      writeFileAtomic(join(dir, `${meta.version}.json`), text);
      const entry: RecRegistryEntry = { ...meta, createdAt: now().toISOString(), status: 'candidate', file: { sha256: sha256Hex(Buffer.from(text)), bytes } };
      write({ ...reg, entries: [...reg.entries, entry] });
      return entry;
    },
    activateIfBetter(version, activeNdcg) {
      const reg = read();
      const entry = reg.entries.find((e) => e.version === version);
      if (entry === undefined) throw new RecRegistryError(`no model ${version}`);
      const v = entry.validation;
      let reason: string | null = null;
      if (v.ndcgAt5 === null || !Number.isFinite(v.ndcgAt5)) reason = 'no held-out NDCG@5';
      else if (v.popularityNdcgAt5 !== null && !(v.ndcgAt5 > v.popularityNdcgAt5)) reason = `held-out NDCG@5 ${v.ndcgAt5.toFixed(3)} is not above popularity's ${v.popularityNdcgAt5.toFixed(3)}`;
      else if (activeNdcg !== null && !(v.ndcgAt5 > activeNdcg)) reason = `held-out NDCG@5 ${v.ndcgAt5.toFixed(3)} is not above the active model's ${activeNdcg.toFixed(3)} on the same sessions`;
      if (reason !== null) return { activated: false, reason };
      write({ ...reg, entries: reg.entries.map((e) => (e.version === version ? { ...e, status: 'active' as const } : e.status === 'active' ? { ...e, status: 'retired' as const } : e)) });
      return { activated: true, reason: `held-out NDCG@5 ${v.ndcgAt5!.toFixed(3)} beats ${activeNdcg === null ? `popularity's ${(v.popularityNdcgAt5 ?? 0).toFixed(3)}` : `the active model's ${activeNdcg.toFixed(3)}`}` };
    },
    active() {
      const entry = read().entries.find((e) => e.status === 'active');
      if (entry === undefined) return null;
      const file = join(dir, `${entry.version}.json`);
      if (!existsSync(file)) throw new RecRegistryError(`${file} is missing`);
      const bytes = readFileSync(file);
      if (sha256Hex(bytes) !== entry.file.sha256) throw new RecRegistryError(`${file} does not match its checksum`);
      const m = ModelFile.parse(JSON.parse(bytes.toString('utf8')));
      return { entry, model: { ...m, itemFactors: Float64Array.from(m.itemFactors), gram: Float64Array.from(m.gram) } };
    },
  };
}
