/** The shapes shared by the broken-value generators. */
import type fc from 'fast-check';

/**
 * How a broken value is broken. Every kind names one deliberate defect at `path`; the rest
 * of the value is valid.
 *
 * - `wrong-type`: a value of another JSON type (null, boolean, number, string, array, object).
 * - `top-level-non-object`: the whole body is null, an array, a number, a string, ... (an object schema at the root).
 * - `json-lossy`: NaN/±Infinity, a Date, a Map/Set, an array hole: JSON changes them (to null, a string, {}),
 *   and the schema rejects both the value and its JSON form.
 * - `deep-nesting`: arrays/objects nested thousands deep where the schema expects something else.
 * - `huge-string`: a string of 64–400 K characters where the schema expects a shorter string or no string.
 * - `too-long` / `too-short`: a string or array just past its length bounds (strings also: only spaces before `.trim()`).
 * - `bad-format`: a string that breaks a regex or format (`z.iso.date()`: 2023-02-29, 2024/01/01, a mutated date, ...).
 * - `out-of-range`: a number below the minimum or above the maximum (just past it, or far).
 * - `not-integer`: a fraction where an integer is expected. `unsafe-integer`: 2^53 and beyond.
 * - `non-finite`: NaN or ±Infinity where a number is expected (null after JSON).
 * - `not-multiple`: a number off a `multipleOf` step.
 * - `not-in-enum`: a near miss of an enum or literal value (other case, padded, truncated, unknown).
 * - `missing-key`: a required key left out. `unknown-key`: an extra key in a strict object.
 * - `proto-key`: an own `__proto__`, `constructor` or `prototype` key in a strict object.
 * - `bad-key`: a record key its key schema rejects.
 * - `refinement`: structurally valid, but failing a `.refine()` (e.g. a week start that is not a Monday).
 */
export type BreakKind =
  | 'wrong-type' | 'top-level-non-object' | 'json-lossy' | 'deep-nesting' | 'huge-string'
  | 'too-long' | 'too-short' | 'bad-format'
  | 'out-of-range' | 'not-integer' | 'unsafe-integer' | 'non-finite' | 'not-multiple'
  | 'not-in-enum' | 'missing-key' | 'unknown-key' | 'proto-key' | 'bad-key' | 'refinement';

export type PathKey = string | number;

/** One broken value and what is wrong with it. */
export interface BrokenCase {
  kind: BreakKind;
  /** Where the defect is: keys and indexes from the root (`[]` for the whole value). */
  path: PathKey[];
  /** A short human description ("below min 1", "null", "key isAdmin"). */
  detail: string;
  value: unknown;
}

/** One way of breaking a schema node, before the probes decide whether it is kept. */
export interface Candidate {
  kind: BreakKind;
  detail: string;
  /** Relative weight among the node's candidates (an integer). */
  weight: number;
  arb: fc.Arbitrary<BrokenCase>;
  /**
   * Needs `safeParse` to tell its breaking values from the others (refinements; options of a
   * union): kept if the probe shows enough of them break, and filtered at run time.
   */
  filtered?: boolean;
  /** Built from a child's candidate inside a container that rejects whenever the child does: no probe needed. */
  inherited?: boolean;
}

/** A candidate whose values are a defect at the node itself (path `[]`). */
export function here(kind: BreakKind, detail: string, weight: number, values: fc.Arbitrary<unknown>): Candidate {
  return { kind, detail, weight, arb: values.map((value) => ({ kind, detail, path: [], value })) };
}
