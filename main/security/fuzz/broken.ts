/**
 * Values a zod 4 schema rejects, each with one deliberate defect somewhere inside an otherwise
 * valid value. See `brokenCaseArbitrary` in zod-arbitrary.ts for the public entry point.
 *
 * Every node of the schema gets a list of candidates (ways of breaking it): its own (from its
 * kind and checks), its children's carried up to it (a bad field inside valid siblings, a bad
 * element among valid elements, ...), and the junk of junk.ts. A construction-time probe (a fixed
 * seed, so construction is deterministic) keeps a candidate only if its values are rejected by
 * the node, as given and after a JSON round trip; so a wrong type at a nullable node is never
 * `null`, an unknown key is only offered to strict objects, and so on, without special cases.
 */
import fc from 'fast-check';
import { here, type BrokenCase, type Candidate } from './cases';
import {
  accepts, child, defOf, finiteValues, hasRefinements, lengthInfo, mayBeAbsent, nodeCount, objectMode, rejectsEverywhere, shapeOf,
  type Schema,
} from './introspect';
import { CHUNK, JUNK, PROTO_PAYLOAD, SUSPICIOUS_KEYS, stringOfLength, withOwnKey } from './junk';
import { enumCandidates, numberCandidates, stringCandidates } from './scalar-breaks';
import { PROBE_SEED, UnsupportedSchemaError, validObject, validOf, validUnchecked } from './valid';

const PROBE_RUNS = 20;
/** A candidate is kept if at least this many of its probe values break the node. */
const KEEP_PLAIN = PROBE_RUNS - 1;
const KEEP_FILTERED = 6;

const cache = { guarded: new WeakMap<Schema, Candidate[]>(), raw: new WeakMap<Schema, Candidate[]>() };

/**
 * The kept candidates of a schema node. `guarantee: false` leaves out the run-time `safeParse`
 * filters (on refinements and union options): that is the generator "before filtering".
 */
export function candidatesOf(schema: Schema, guarantee: boolean): Candidate[] {
  const store = guarantee ? cache.guarded : cache.raw;
  let list = store.get(schema);
  if (!list) {
    store.set(schema, []); // a z.lazy cycle sees no candidates instead of recursing forever
    list = [...ownCandidates(schema, guarantee), ...junkCandidates(schema)].flatMap((c) => keep(schema, c, guarantee));
    store.set(schema, list);
  }
  return list;
}

/** The node's candidates as one arbitrary, or `null` when nothing breaks it (`z.unknown()`, `z.any()`). */
export function brokenOf(schema: Schema, guarantee: boolean): fc.Arbitrary<BrokenCase> | null {
  const list = candidatesOf(schema, guarantee);
  return list.length ? fc.oneof(...list.map((c) => ({ weight: c.weight, arbitrary: c.arb }))) : null;
}

function keep(schema: Schema, c: Candidate, guarantee: boolean): Candidate[] {
  if (c.inherited) return [c];
  const probe = fc.sample(c.arb, { seed: PROBE_SEED, numRuns: PROBE_RUNS });
  const broken = probe.filter((v) => rejectsEverywhere(schema, v.value)).length;
  if (broken < (c.filtered ? KEEP_FILTERED : KEEP_PLAIN)) return [];
  if (!c.filtered || !guarantee) return [c];
  return [{ ...c, arb: c.arb.filter((v) => rejectsEverywhere(schema, v.value)) }];
}

/** The label of the junk group (its cases keep their own kinds). */
const JUNK_KIND = 'wrong-type';
const JUNK_DETAIL = 'junk of another type';

/** The junk templates the node rejects (every probe value, as given and after JSON), as one candidate of weight 3. */
function junkCandidates(schema: Schema): Candidate[] {
  const kept = JUNK.filter((t) => t.probes.every((v) => rejectsEverywhere(schema, v)))
    .map((t) => here(t.kind, t.detail, 1, t.arb).arb);
  return kept.length ? [{ kind: JUNK_KIND, detail: JUNK_DETAIL, weight: 3, inherited: true, arb: fc.oneof(...kept) }] : [];
}

/** Lifts a child's cases into the parent: path prefixed, value placed by `place`. */
function lift<T>(kidCases: fc.Arbitrary<BrokenCase>, rest: fc.Arbitrary<T>, place: (rest: T, value: unknown) => { value: unknown; at: string | number }): fc.Arbitrary<BrokenCase> {
  return fc.tuple(rest, kidCases).map(([r, c]) => {
    const { value, at } = place(r, c.value);
    return { ...c, path: [at, ...c.path], value };
  });
}

function tryValid(schema: Schema): fc.Arbitrary<unknown> | null {
  try { return validOf(schema); } catch (err) { if (err instanceof UnsupportedSchemaError) return null; throw err; }
}

/**
 * Candidates a wrapper takes from an inner schema (its junk is probed at the wrapper anew):
 * - `same`: the wrapper rejects whatever the inner schema rejects, but for `undefined`, which no
 *   candidate produces (optional, default, prefault, readonly, nonoptional);
 * - `probe`: probed again against the wrapper (nullable: `NaN` is `null` after JSON; lazy);
 * - `filter`: probed and filtered at run time (union options, intersections, pipes).
 */
function fromInner(inner: Schema, guarantee: boolean, mode: 'same' | 'probe' | 'filter'): Candidate[] {
  return candidatesOf(inner, guarantee)
    .filter((c) => c.detail !== JUNK_DETAIL)
    .map((c) => ({ ...c, inherited: mode === 'same', filtered: mode === 'filter' || c.filtered }));
}

function ownCandidates(schema: Schema, guarantee: boolean): Candidate[] {
  const def = defOf(schema);
  const out: Candidate[] = [];
  switch (def.type) {
    case 'string': out.push(...stringCandidates(schema)); break;
    case 'number': case 'int': out.push(...numberCandidates(schema)); break;
    case 'enum': case 'literal': out.push(...enumCandidates(schema)); break;
    case 'object': out.push(...objectCandidates(schema, guarantee)); break;
    case 'array': out.push(...arrayCandidates(schema, guarantee)); break;
    case 'record': out.push(...recordCandidates(schema, guarantee)); break;
    case 'tuple': {
      (def.items as Schema[]).forEach((item, i) => {
        const kid = brokenOf(item, guarantee);
        if (!kid) return;
        const others = fc.tuple(...(def.items as Schema[]).map((s) => validOf(s)));
        out.push({ kind: 'wrong-type', detail: `element ${i}`, weight: 3, inherited: true, arb: lift(kid, others, (r, v) => ({ value: Object.assign([...r], { [i]: v }), at: i })) });
      });
      break;
    }
    case 'optional': case 'default': case 'prefault': case 'readonly': case 'nonoptional':
      out.push(...fromInner(child(def, 'innerType'), guarantee, 'same')); break;
    case 'nullable': case 'success':
      out.push(...fromInner(child(def, 'innerType'), guarantee, 'probe')); break;
    case 'union':
      for (const option of def.options as Schema[]) out.push(...fromInner(option, guarantee, 'filter'));
      break;
    case 'intersection':
      out.push(...fromInner(child(def, 'left'), guarantee, 'filter'), ...fromInner(child(def, 'right'), guarantee, 'filter')); break;
    case 'pipe': {
      const from = defOf(child(def, 'in')).type === 'transform' ? 'out' : 'in';
      out.push(...fromInner(child(def, from), guarantee, 'filter')); break;
    }
    case 'lazy': out.push(...fromInner((def.getter as () => Schema)(), guarantee, 'probe')); break;
    default: break; // boolean, null, date, any, unknown, catch, transform, custom, never, ...: junk only
  }
  if (hasRefinements(schema)) out.push(...refinementCandidates(schema));
  return out;
}

/** Structurally valid values of a refined node that fail its refinement; for objects also the smallest object. */
function refinementCandidates(schema: Schema): Candidate[] {
  let unchecked: fc.Arbitrary<unknown>;
  try { unchecked = validUnchecked(schema); } catch (err) { if (err instanceof UnsupportedSchemaError) return []; throw err; }
  const out: Candidate[] = [{ ...here('refinement', 'fails a .refine()', 3, unchecked), filtered: true }];
  if (defOf(schema).type === 'object') {
    const required = Object.entries(shapeOf(schema)).filter(([, s]) => !mayBeAbsent(s)).map(([k]) => k);
    const minimal = unchecked.map((v) => Object.fromEntries(Object.entries(v as object).filter(([k]) => required.includes(k))));
    out.push({ ...here('refinement', 'only the required keys, failing a .refine()', 2, minimal), filtered: true });
  }
  return out;
}

/** The weight of breaking inside a child: its size, capped. */
function reach(schema: Schema): number {
  return Math.min(nodeCount(schema), 10);
}

/** Splits `total` weight evenly over a group of candidates, as one candidate. */
function group(kind: Candidate['kind'], detail: string, total: number, arbs: fc.Arbitrary<BrokenCase>[], inherited: boolean): Candidate[] {
  return arbs.length ? [{ kind, detail, weight: total, inherited, arb: arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs) }] : [];
}

function objectCandidates(schema: Schema, guarantee: boolean): Candidate[] {
  const shape = shapeOf(schema);
  const keys = Object.keys(shape).filter((k) => k !== '__proto__');
  const out: Candidate[] = [];
  const fields: fc.WeightedArbitrary<BrokenCase>[] = [];
  const missing: Candidate[] = [];
  let whole: fc.Arbitrary<Record<string, unknown>> | null = null;
  try { whole = validObject(schema, true, null); } catch (err) { if (!(err instanceof UnsupportedSchemaError)) throw err; }
  for (const key of keys) {
    let siblings: fc.Arbitrary<Record<string, unknown>>;
    try { siblings = validObject(schema, true, key); } catch (err) { if (err instanceof UnsupportedSchemaError) continue; throw err; }
    const kid = brokenOf(shape[key]!, guarantee);
    if (kid) fields.push({ weight: reach(shape[key]!), arbitrary: lift(kid, siblings, (obj, v) => ({ value: { ...obj, [key]: v }, at: key })) });
    if (!mayBeAbsent(shape[key]!) && !accepts(shape[key]!, undefined)) {
      const detail = `no "${key}"`;
      missing.push({ kind: 'missing-key', detail, weight: 1, arb: siblings.map((value) => ({ kind: 'missing-key', detail, path: [key], value })) });
    }
  }
  // Bigger fields get more of the weight, so that deep paths are reached as often as shallow ones.
  if (fields.length) {
    const weight = 10 + 2 * fields.reduce((sum, f) => sum + f.weight, 0);
    out.push({ kind: 'wrong-type', detail: 'a broken field', weight, inherited: true, arb: fc.oneof(...fields) });
  }
  if (missing.length) {
    // Each missing key is probed on its own (a key may accept undefined), then they share one weight.
    const kept = missing.flatMap((c) => keep(schema, c, guarantee));
    out.push(...group('missing-key', 'a required key left out', 3, kept.map((c) => c.arb), true));
  }
  if (whole && objectMode(schema) === 'strict') {
    const nearMisses = keys.flatMap((k) => [k.toUpperCase(), `${k} `, `${k}s`, k.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)]);
    const extraKey = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...SUSPICIOUS_KEYS, ...nearMisses) },
      { weight: 2, arbitrary: CHUNK },
      { weight: 1, arbitrary: stringOfLength(10_000, 100_000) },
    ).filter((k) => !keys.includes(k));
    const extraValue = fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constant(true));
    out.push(here('unknown-key', 'an extra key', 2, fc.tuple(whole, extraKey, extraValue).map(([o, k, v]) => withOwnKey(o, k, v))));
    const protoKey = fc.constantFrom('__proto__', 'constructor', 'prototype');
    out.push(here('proto-key', 'an own __proto__ / constructor / prototype key', 1,
      fc.tuple(whole, protoKey, PROTO_PAYLOAD).map(([o, k, v]) => withOwnKey(o, k, k === 'constructor' ? { prototype: v } : v))));
  }
  return out;
}

function arrayCandidates(schema: Schema, guarantee: boolean): Candidate[] {
  const { min, max } = lengthInfo(schema);
  const element = child(defOf(schema), 'element');
  const valid = tryValid(element);
  const out: Candidate[] = [];
  const kid = brokenOf(element, guarantee);
  if (kid && valid && max >= 1) {
    const lo = Math.max(min - 1, 0);
    const others = fc.tuple(fc.array(valid, { minLength: lo, maxLength: Math.min(max - 1, lo + 6) }), fc.nat());
    out.push({
      kind: 'wrong-type', detail: 'a broken element', weight: 6 + 2 * reach(element), inherited: true,
      arb: lift(kid, others, ([arr, at], v) => {
        const i = at % (arr.length + 1);
        return { value: [...arr.slice(0, i), v, ...arr.slice(i)], at: i };
      }),
    });
  }
  if (valid && min > 0) out.push(here('too-short', `fewer than ${min} elements`, 2, fc.array(valid, { maxLength: min - 1 })));
  if (valid && max < 100_000) {
    out.push(here('too-long', `more than ${max} elements`, 2,
      fc.tuple(valid, fc.integer({ min: max + 1, max: max + 3 })).map(([v, n]) => Array.from({ length: n }, () => v))));
  }
  if (valid && max >= 1) {
    out.push(here('json-lossy', 'an array hole (null in JSON)', 1,
      fc.tuple(fc.array(valid, { minLength: Math.max(min, 1), maxLength: Math.min(max, Math.max(min, 1) + 4) }), fc.nat()).map(([arr, at]) => {
        const copy = [...arr];
        delete copy[at % copy.length];
        return copy;
      })));
  }
  return out;
}

function recordCandidates(schema: Schema, guarantee: boolean): Candidate[] {
  const def = defOf(schema);
  const keySchema = child(def, 'keyType');
  const valueSchema = child(def, 'valueType');
  const out: Candidate[] = [];
  const records = tryValid(schema) as fc.Arbitrary<Record<string, unknown>> | null;
  const finite = finiteValues(keySchema)?.map(String);
  const keyArb = finite ? fc.constantFrom(...finite) : tryValid(keySchema)?.map(String);
  const kid = brokenOf(valueSchema, guarantee);
  if (records && keyArb && kid) {
    out.push({
      kind: 'wrong-type', detail: 'a broken value', weight: 6 + 2 * reach(valueSchema), inherited: true,
      arb: lift(kid, fc.tuple(records, keyArb), ([r, k], v) => ({ value: withOwnKey(r, k, v), at: k })),
    });
  }
  const value = tryValid(valueSchema);
  const badKeys = candidatesOf(keySchema, guarantee)
    .filter((c) => fc.sample(c.arb, { seed: PROBE_SEED, numRuns: 10 }).every((k) => typeof k.value === 'string'));
  if (records && value && badKeys.length) {
    const badKey = fc.oneof(...badKeys.map((c) => c.arb));
    out.push(here('bad-key', 'a key the key schema rejects', 2,
      fc.tuple(records, badKey, value).map(([r, k, v]) => withOwnKey(r, k.value as string, v))));
  }
  if (records && value) {
    out.push(here('proto-key', 'an own __proto__ / constructor key', 1,
      fc.tuple(records, fc.constantFrom('__proto__', 'constructor'), PROTO_PAYLOAD).map(([r, k, v]) => withOwnKey(r, k, v))));
  }
  if (records && finite) {
    out.push(here('missing-key', 'a key of the key enum left out', 1,
      fc.tuple(records, fc.constantFrom(...finite)).map(([r, k]) => Object.fromEntries(Object.entries(r).filter(([x]) => x !== k)))));
  }
  return out;
}
