/**
 * fast-check generators of valid and deliberately broken inputs for any zod 4 schema: the
 * building blocks of the contract fuzz tests (malformed requests over HTTP and through the IPC
 * handlers). They walk the schema's definition (`schema._zod.def`), never operation names, so
 * operations added to the contract are covered as they are.
 *
 * Everything is deterministic under a fast-check seed: construction only ever samples with a
 * fixed seed (`PROBE_SEED`), generation only uses fast-check's random source.
 *
 * zod kinds covered:
 * - objects (strict, strip, loose/catchall), arrays (min/max/length), tuples, records (open keys,
 *   enum keys), unions (also discriminated), intersections, optional, exactOptional, nullable,
 *   default, prefault, readonly, nonoptional, catch, pipe (and preprocess), lazy;
 * - strings with min/max/length, regex, trim and other overwrites, formats (iso date, datetime,
 *   time, uuid, email, url; others through their pattern); template literals;
 * - numbers with min/max/gt/lt/positive/..., int (safe integer), int32/uint32/float32, multipleOf;
 * - boolean, enum, literal, null, undefined, NaN, any/unknown, date, bigint, map, set;
 * - `.refine()`, `.check()`, `.superRefine()` on any of them (filtered by the node's own safeParse).
 * Unsupported (an `UnsupportedSchemaError` for valid values; junk only for broken ones):
 * never, symbol, function, promise, file, custom schemas without a JSON-ish value.
 */
import fc from 'fast-check';
import { bodiesOf, bodyRefused, type BrokenBody } from './body';
import { brokenOf } from './broken';
import type { BrokenCase } from './cases';
import { accepts, defOf, jsonRoundTrip, rejectsEverywhere, type Schema } from './introspect';
import { UnsupportedSchemaError, validOf } from './valid';

export type { BreakKind, BrokenCase, PathKey } from './cases';
export { bodyAccepted, bodyRefused, readBody, READINGS, type BodyKind, type BodyReading, type BrokenBody } from './body';
export { auditSchema, type Leniency, type LeniencyKind } from './audit';
export { accepts, jsonRoundTrip, rejectsEverywhere, toJson, type Schema } from './introspect';
export { DEEP_MAX, DEEP_MIN, HUGE_STRING_MAX, HUGE_STRING_MIN } from './junk';
export { PROBE_SEED, UnsupportedSchemaError } from './valid';

export interface GeneratorOptions {
  /**
   * Keep the final `safeParse` filter (default `true`). `false` gives the generator "before
   * filtering", to measure how much of it the filter throws away.
   */
  guarantee?: boolean;
  /**
   * Keep the `safeParse` filters inside (default `true`): on nodes with refinements, on union
   * options. `false` (with `guarantee: false`) gives the bare structural generator.
   */
  localFilters?: boolean;
}

/**
 * Values `schema` accepts, also after a JSON round trip (so they can be sent over HTTP as they
 * are). Optional and defaulted keys are present about half the time, never `undefined`.
 * Refinements are met by filtering the refined node (an array element, a date) by its own
 * `safeParse`, so the final filter rarely has anything to do.
 *
 * @throws UnsupportedSchemaError when no valid value can be generated (`z.never()`, a refinement
 *   none of 100 probe values passes).
 */
export function validArbitrary(schema: Schema, options: GeneratorOptions = {}): fc.Arbitrary<unknown> {
  const guarantee = options.guarantee ?? true;
  const arb = validOf(schema, options.localFilters ?? true);
  return guarantee ? arb.filter((v) => accepts(schema, v) && accepts(schema, jsonRoundTrip(v)?.value)) : arb;
}

/**
 * Values `schema` rejects, each with what is wrong and where (see `BreakKind` in cases.ts):
 * one defect (a wrong type, a missing or unknown key, an own `__proto__` key, a number out of
 * range or not an integer or NaN, a string too long (up to 400 K characters) or badly formatted,
 * an array too long, a value nested thousands deep, a failed refinement, ...) at a random path
 * inside an otherwise valid value, or a top-level non-object.
 *
 * Guarantee: the schema rejects every value as given (IPC) and, when it has a JSON form, after
 * a JSON round trip (HTTP); `NaN` where `null` is allowed is therefore never produced.
 * Values nested deeper than ~1,000 levels do not survive structured cloning and deeper than
 * ~5,000 not `JSON.stringify`: send them with `toJson` (an iterative `JSON.stringify`).
 *
 * @throws UnsupportedSchemaError when nothing breaks the schema (`z.unknown()`, `z.any()`).
 */
export function brokenCaseArbitrary(schema: Schema, options: GeneratorOptions = {}): fc.Arbitrary<BrokenCase> {
  const guarantee = options.guarantee ?? true;
  const arb = brokenOf(schema, options.localFilters ?? true);
  if (!arb) throw new UnsupportedSchemaError('the schema accepts every value; nothing can break it');
  const root = defOf(schema).type === 'object';
  const labelled = arb.map((c) => (root && c.kind === 'wrong-type' && c.path.length === 0 ? { ...c, kind: 'top-level-non-object' as const } : c));
  return guarantee ? labelled.filter((c) => rejectsEverywhere(schema, c.value)) : labelled;
}

/** The values of `brokenCaseArbitrary`, without the description. */
export function brokenArbitrary(schema: Schema, options: GeneratorOptions = {}): fc.Arbitrary<unknown> {
  return brokenCaseArbitrary(schema, options).map((c) => c.value);
}

/**
 * Raw HTTP request bodies for an operation whose input is `schema`:
 * `{ kind, detail, bytes, strictUtf8Only }` (see `BodyKind` in body.ts). Bodies are JSON of
 * broken values, truncated JSON, invalid UTF-8 spliced into JSON, non-JSON text, empty-ish
 * bodies, byte-order marks, bad number tokens and 10,000–100,000-deep JSON text.
 *
 * Guarantee: `bodyRefused(schema, body)`: refused by a server that reads the body like
 * main/http/server.ts (empty or whitespace is `{}`, then `JSON.parse`), whether or not it
 * drops a leading BOM, and whether it decodes UTF-8 strictly or leniently; except bodies with
 * `strictUtf8Only`, which only a strict decoder must refuse. Empty bodies therefore only
 * appear for schemas that reject `{}`.
 */
export function brokenBodyArbitrary(schema: Schema, options: GeneratorOptions = {}): fc.Arbitrary<BrokenBody> {
  const guarantee = options.guarantee ?? true;
  return bodiesOf(schema, brokenCaseArbitrary(schema, options), guarantee);
}

export interface GeneratorRates {
  /** Share of valid values (inner filters on, final filter off) the schema accepts, also after JSON. */
  validPass: number;
  /** The same without any filter: the bare structural generator. */
  validPassUnfiltered: number;
  /** Share of broken values (inner filters on, final filter off) the schema accepts after all, as given or after JSON. */
  brokenLeak: number;
  /** The same without any filter. */
  brokenLeakUnfiltered: number;
  /** Share of bodies (final filter off) a server would take under some reading (see `bodyRefused`). */
  bodyLeak: number;
  /** How many of the broken values (inner filters on) were of each kind. */
  kinds: Partial<Record<BrokenCase['kind'], number>>;
  /** How many of the bodies were of each kind. */
  bodyKinds: Partial<Record<BrokenBody['kind'], number>>;
}

/**
 * Measures the generators of one schema before their filters: `runs` samples each, at `seed`.
 * The valid rates are `NaN` when no valid value can be generated.
 */
export function measureRates(schema: Schema, runs = 100, seed = 1): GeneratorRates {
  const share = (xs: boolean[]) => xs.filter(Boolean).length / xs.length;
  const count = <K extends string>(keys: K[]) => {
    const out: Partial<Record<K, number>> = {};
    for (const k of keys) out[k] = (out[k] ?? 0) + 1;
    return out;
  };
  const validRate = (localFilters: boolean) => {
    try {
      return share(fc.sample(validArbitrary(schema, { guarantee: false, localFilters }), { seed, numRuns: runs })
        .map((v) => accepts(schema, v) && accepts(schema, jsonRoundTrip(v)?.value)));
    } catch (err) {
      if (err instanceof UnsupportedSchemaError) return Number.NaN;
      throw err;
    }
  };
  const leak = (localFilters: boolean) => {
    const cases = fc.sample(brokenCaseArbitrary(schema, { guarantee: false, localFilters }), { seed, numRuns: runs });
    return { cases, rate: share(cases.map((c) => !rejectsEverywhere(schema, c.value))) };
  };
  const filtered = leak(true);
  const bodies = fc.sample(brokenBodyArbitrary(schema, { guarantee: false }), { seed, numRuns: runs });
  return {
    validPass: validRate(true),
    validPassUnfiltered: validRate(false),
    brokenLeak: filtered.rate,
    brokenLeakUnfiltered: leak(false).rate,
    bodyLeak: share(bodies.map((b) => !bodyRefused(schema, b))),
    kinds: count(filtered.cases.map((c) => c.kind)),
    bodyKinds: count(bodies.map((b) => b.kind)),
  };
}
