/**
 * Shapes of the model registry's files, validated with zod on every read, and its typed error.
 * A zod failure becomes a RegistryError whose message names the file and the field path,
 * e.g. `registry.json: entries.0.validation.maeReps: expected a number or null`.
 */
import { z } from 'zod';
import type { PopulationModel } from '../../engine/rir/types';

export type RegistryErrorReason =
  /** A caller passed a bad value (version name, metrics). */
  | 'invalid_input'
  /** registry.json or a model file is not valid JSON or fails its schema. */
  | 'invalid_file'
  /** A model file is missing. */
  | 'missing_file'
  /** A model file's SHA-256 or size differs from the registry entry: it was altered or corrupted. */
  | 'checksum_mismatch'
  | 'unknown_version'
  | 'duplicate_version'
  /** rollback() with no earlier active model to return to. */
  | 'nothing_to_roll_back';

/** The registry's typed error. `field` names the offending field or file. */
export class RegistryError extends Error {
  override readonly name = 'RegistryError';
  constructor(readonly reason: RegistryErrorReason, readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

/** A version doubles as a file name: letters, digits, `.`, `_`, `-`; starts with a letter or digit. */
export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** zod 4 numbers reject NaN and ±Infinity. */
const finite = z.number({ error: 'expected a finite number' });
const nonNegative = finite.min(0, { error: 'expected a number ≥ 0' });
const isoTime = z.iso.datetime({ error: 'expected an ISO-8601 UTC time' });
const version = z.string({ error: 'expected a version string' })
  .regex(VERSION_PATTERN, { error: 'expected letters, digits, ".", "_" or "-" (it is used as a file name)' });

export const PopulationModelSchema = z.object({
  version,
  featureNames: z.array(z.string({ error: 'expected a string' }), { error: 'expected an array of strings' }),
  weights: z.array(finite, { error: 'expected an array of numbers' }),
  intercept: finite,
  exerciseLnK: z.record(z.string(), finite, { error: 'expected an object of exercise id → number' }),
  lnKSd: nonNegative,
  biasMean: finite,
  biasSd: nonNegative,
  reportNoiseSd: nonNegative,
  failureNoiseSd: nonNegative,
  setFatigue: nonNegative,
  lnOneRmDriftPerDay: nonNegative,
  trainingSamples: z.number({ error: 'expected an integer ≥ 0' }).int({ error: 'expected an integer ≥ 0' }).min(0, { error: 'expected an integer ≥ 0' }),
}).superRefine((pop, ctx) => {
  if (pop.weights.length !== pop.featureNames.length) {
    ctx.addIssue({ code: 'custom', path: ['weights'], message: `expected ${pop.featureNames.length} weights (one per feature name), got ${pop.weights.length}` });
  }
}) satisfies z.ZodType<PopulationModel>;

const fileRecord = z.object({
  file: z.string({ error: 'expected a file name' }),
  sha256: z.string({ error: 'expected a hex SHA-256' }).regex(/^[0-9a-f]{64}$/, { error: 'expected 64 lowercase hex digits' }),
  bytes: z.number({ error: 'expected a byte count' }).int({ error: 'expected a byte count' }).min(0, { error: 'expected a byte count' }),
});

/** Held-out validation of a model. A metric that came out NaN or infinite is stored as null. */
export const ValidationSchema = z.object({
  /** Mean absolute error in reps on held-out sets (lower is better). */
  maeReps: nonNegative.nullable(),
  /** Share of held-out sets whose true reps to failure fell in the 80 % interval (0–1). */
  coverage80: finite.min(0, { error: 'expected a share in 0–1' }).max(1, { error: 'expected a share in 0–1' }).nullable(),
  /** How many held-out sets the metrics came from. */
  heldOutSets: z.number({ error: 'expected an integer ≥ 0' }).int({ error: 'expected an integer ≥ 0' }).min(0, { error: 'expected an integer ≥ 0' }),
  /** Names the held-out set (e.g. a hash of its set ids); MAEs are compared only on the same one. */
  heldOutId: z.string({ error: 'expected a string or null' }).nullable(),
});
export type Validation = z.infer<typeof ValidationSchema>;

export const ENTRY_STATUSES = ['candidate', 'active', 'retired'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

const decision = z.object({ at: isoTime, activated: z.boolean({ error: 'expected true or false' }), reason: z.string() });

export const RegistryEntrySchema = z.object({
  version,
  createdAt: isoTime,
  trainingSamples: z.number({ error: 'expected an integer ≥ 0' }).int({ error: 'expected an integer ≥ 0' }).min(0, { error: 'expected an integer ≥ 0' }),
  validation: ValidationSchema,
  files: z.object({ population: fileRecord, onnx: fileRecord }),
  status: z.enum(ENTRY_STATUSES, { error: (iss) => `expected one of ${ENTRY_STATUSES.join(', ')}, got ${JSON.stringify(iss.input)}` }),
  /** The last activation attempt, kept so the UI can say why a model was refused. */
  lastDecision: decision.nullable(),
  note: z.string({ error: 'expected a string or null' }).nullable(),
});
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>;

export const SwitchRecordSchema = z.object({
  action: z.enum(['activate', 'rollback'], { error: 'expected "activate" or "rollback"' }),
  from: version.nullable(),
  /** null: back to the published-figures default (no registry model active). */
  to: version.nullable(),
  at: isoTime,
  reason: z.string({ error: 'expected a string' }),
});
/** One switch of the active model. */
export type SwitchRecord = z.infer<typeof SwitchRecordSchema>;

export const REGISTRY_FORMAT = 1;

export const RegistryFileSchema = z.object({
  format: z.literal(REGISTRY_FORMAT, { error: `expected ${REGISTRY_FORMAT}` }),
  entries: z.array(RegistryEntrySchema, { error: 'expected an array of entries' }),
  history: z.array(SwitchRecordSchema, { error: 'expected an array of switch records' }),
}).superRefine((reg, ctx) => {
  const seen = new Set<string>();
  reg.entries.forEach((e, i) => {
    if (seen.has(e.version)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'version'], message: `duplicate version ${e.version}` });
    seen.add(e.version);
  });
  const active = reg.entries.flatMap((e, i) => (e.status === 'active' ? [i] : []));
  if (active.length > 1) ctx.addIssue({ code: 'custom', path: ['entries', active[1]!, 'status'], message: 'more than one active entry' });
  reg.history.forEach((h, i) => {
    if (h.to !== null && !seen.has(h.to)) ctx.addIssue({ code: 'custom', path: ['history', i, 'to'], message: `unknown version ${h.to}` });
  });
});
export type RegistryFile = z.infer<typeof RegistryFileSchema>;

/** Parses `value` with `schema`, or throws a RegistryError naming `file` and the first bad field. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.') || '(root)';
  throw new RegistryError('invalid_file', `${file}: ${path}`, issue.message);
}
