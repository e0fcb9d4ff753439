/**
 * Ways of breaking strings, numbers, enums and literals, from their zod checks. Junk of other
 * types (wrong-type, huge, deep) is added for every node in broken.ts.
 */
import fc from 'fast-check';
import { here, type Candidate } from './cases';
import { finiteValues, intRange, numberInfo, rejectsEverywhere, stringInfo, type Schema } from './introspect';
import { HUGE_STRING_MAX, stringOfLength } from './junk';
import { PROBE_SEED, UnsupportedSchemaError, validOf } from './valid';

/** Characters that break character-class regexes: separators, controls, bidi overrides, astral and accented letters. */
const NASTY = ['/', '\\', '"', '<', '%', '#', '\u0000', '\u0007', '\u202e', '\u200b', '\ufffd', '😀', 'é', '中', ':', '@'];

/** Strings that look like dates but are not valid `YYYY-MM-DD` calendar dates. */
const NOT_DATES = [
  '2023-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-05', '24-01-01',
  '2024/01/01', '20240101', '2024-01-01T00:00:00Z', '+02024-01-01', '２０２４-01-01', '2024-01-01\n', 'yesterday',
];

const MUTATIONS = ['insert', 'replace', 'delete', 'no-upper', 'no-lower', 'no-digits', 'lower-case', 'upper-case'] as const;
type Mutation = (typeof MUTATIONS)[number];

/** One character inserted, replaced or deleted, or a class of characters removed or case-folded ("must contain" patterns). */
function mutate(s: string, op: Mutation, at: number, ch: string): string {
  const i = s.length ? at % (op === 'insert' ? s.length + 1 : s.length) : 0;
  switch (op) {
    case 'insert': return s.slice(0, i) + ch + s.slice(i);
    case 'replace': return s.slice(0, i) + ch + s.slice(i + 1);
    case 'delete': return s.slice(0, i) + s.slice(i + 1);
    case 'no-upper': return s.replace(/[A-Z]/g, '');
    case 'no-lower': return s.replace(/[a-z]/g, '');
    case 'no-digits': return s.replace(/[0-9]/g, '');
    case 'lower-case': return s.toLowerCase();
    default: return s.toUpperCase();
  }
}

export function stringCandidates(schema: Schema): Candidate[] {
  const info = stringInfo(schema);
  const out: Candidate[] = [];
  if (info.min > 0) {
    out.push(here('too-short', `shorter than min ${info.min}`, 2, stringOfLength(0, info.min - 1)));
  }
  if (info.transformed) {
    const blank = fc.tuple(fc.constantFrom(' ', '\t', '\n', ' \u00a0 '), fc.integer({ min: Math.max(1, info.min), max: Math.max(1, info.min) + 4 }));
    out.push(here('too-short', 'only whitespace (empty once trimmed)', 1, blank.map(([w, n]) => w.repeat(n))));
  }
  if (info.max < HUGE_STRING_MAX) {
    out.push(here('too-long', `longer than max ${info.max}`, 2, stringOfLength(info.max + 1, Math.min(info.max + 8, HUGE_STRING_MAX))));
  }
  if (info.patterns.length) {
    let valid: fc.Arbitrary<unknown> | undefined;
    try { valid = validOf(schema); } catch (err) { if (!(err instanceof UnsupportedSchemaError)) throw err; }
    if (valid) {
      const mutatedBy = (ops: readonly Mutation[]) => fc.tuple(valid, fc.constantFrom(...ops), fc.nat(), fc.constantFrom(...NASTY))
        .map(([s, op, at, ch]) => {
          const m = mutate(String(s), op, at, ch);
          return m === s ? mutate(m, 'insert', at, ch) : m; // a case change of "1234" changes nothing
        });
      // The mutations that always break this pattern, by probe; if none does (a digit less of a
      // 4–6 digit PIN may still be a PIN), all of them, filtered by the node's safeParse.
      const sure = MUTATIONS.filter((op) => fc.sample(mutatedBy([op]), { seed: PROBE_SEED, numRuns: 20 }).every((v) => rejectsEverywhere(schema, v)));
      const detail = `a valid value, mutated (${info.format ?? 'regex'})`;
      out.push(sure.length ? here('bad-format', detail, 2, mutatedBy(sure)) : { ...here('bad-format', detail, 2, mutatedBy(MUTATIONS)), filtered: true });
    }
    if (info.format === 'date') out.push(here('bad-format', 'not a calendar date', 2, fc.constantFrom(...NOT_DATES)));
  }
  return out;
}

/** A double just below `v` (or `v` itself when the bound excludes it). */
function justBelow(v: number): number {
  return v - Math.max(Math.abs(v) * Number.EPSILON * 2, Number.MIN_VALUE);
}

export function numberCandidates(schema: Schema): Candidate[] {
  const info = numberInfo(schema);
  const out: Candidate[] = [
    here('non-finite', 'NaN or ±Infinity (null in JSON)', 1, fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)),
  ];
  const bounded = (v: number, limit: number) => (info.int ? Math.abs(v) < Number.MAX_SAFE_INTEGER : Math.abs(v) < limit);
  if (bounded(info.lo, Number.MAX_VALUE)) {
    const lo = info.lo;
    const below = info.int
      ? fc.oneof(fc.constant(intRange(info)[0] - 1), fc.integer({ min: Math.max(intRange(info)[0] - 1000, Number.MIN_SAFE_INTEGER), max: intRange(info)[0] - 1 }))
      : fc.oneof(fc.constant(info.loIncl ? justBelow(lo) : lo), fc.double({ min: lo - 1000, max: lo, maxExcluded: true, noNaN: true }));
    out.push(here('out-of-range', `below min ${lo}`, 2, fc.oneof({ weight: 4, arbitrary: below }, { weight: 1, arbitrary: fc.constant(Math.min(lo - 1, -1e12)) })));
  }
  if (bounded(info.hi, Number.MAX_VALUE)) {
    const hi = info.hi;
    const above = info.int
      ? fc.oneof(fc.constant(intRange(info)[1] + 1), fc.integer({ min: intRange(info)[1] + 1, max: Math.min(intRange(info)[1] + 1000, Number.MAX_SAFE_INTEGER) }))
      : fc.oneof(fc.constant(info.hiIncl ? -justBelow(-hi) : hi), fc.double({ min: hi, max: hi + 1000, minExcluded: true, noNaN: true }));
    out.push(here('out-of-range', `above max ${hi}`, 2, fc.oneof({ weight: 4, arbitrary: above }, { weight: 1, arbitrary: fc.constant(Math.max(hi + 1, 1e12)) })));
  }
  if (info.int) {
    const valid = validOf(schema);
    out.push(here('not-integer', 'a fraction', 2, fc.tuple(valid, fc.constantFrom(0.5, -0.5, 0.25, 0.001)).map(([v, d]) => Number(v) + d)));
    out.push(here('unsafe-integer', '2^53 or beyond', 1, fc.constantFrom(2 ** 53, -(2 ** 53), 2 ** 53 + 2, 1e21, 1e300, -Number.MAX_VALUE)));
  }
  if (info.multipleOf) {
    const m = info.multipleOf;
    out.push(here('not-multiple', `not a multiple of ${m}`, 1, validOf(schema).map((v) => Number(v) + m / 2)));
  }
  return out;
}

/** Near misses of an enum's or literal's values: other case, padded, truncated, unknown. */
export function enumCandidates(schema: Schema): Candidate[] {
  const values = finiteValues(schema) ?? [];
  const members = new Set(values);
  const misses = new Set<unknown>(['unknown', 'admin', 'NULL', 'undefined', '*']);
  for (const v of values) {
    if (typeof v === 'string') {
      for (const m of [v.toUpperCase(), v.toLowerCase(), `${v} `, ` ${v}`, v.slice(0, -1), `${v}_x`, v.replace(/_/g, '-'), v.replace(/_/g, ' ')]) misses.add(m);
    } else if (typeof v === 'number') {
      for (const m of [v + 1, v - 1, String(v)]) misses.add(m);
    } else if (typeof v === 'boolean') misses.add(String(v));
  }
  const list = [...misses].filter((m) => !members.has(m) && m !== '');
  return list.length ? [here('not-in-enum', `not one of ${values.slice(0, 4).map(String).join(', ')}${values.length > 4 ? ', ...' : ''}`, 3, fc.constantFrom(...list))] : [];
}
