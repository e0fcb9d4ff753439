import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, OP_NAMES, type OpName } from '../../contract/index';
import {
  accepts, auditSchema, bodyRefused, brokenArbitrary, brokenBodyArbitrary, brokenCaseArbitrary, DEEP_MIN, HUGE_STRING_MIN,
  jsonRoundTrip, measureRates, readBody, rejectsEverywhere, toJson, UnsupportedSchemaError, validArbitrary, type Schema,
} from './zod-arbitrary';

const schemaOf = (name: OpName): Schema => contract[name].input;
const seedOf = (name: OpName) => 1000 + OP_NAMES.indexOf(name);

/** The values the schema accepts as given or after JSON: what a broken sample must never be. */
function stillAccepted(schema: Schema, values: unknown[]): unknown[] {
  return values.filter((v) => !rejectsEverywhere(schema, v));
}

/** The values the schema rejects as given or after JSON: what a valid sample must never be. */
function notAccepted(schema: Schema, values: unknown[]): unknown[] {
  return values.filter((v) => !accepts(schema, v) || !accepts(schema, jsonRoundTrip(v)?.value));
}

const show = (v: unknown) => (toJson(v) ?? String(v)).slice(0, 300);

// Samples are drawn once per operation and shared by the per-operation and the summary tests.
const memo = <T>(draw: (name: OpName) => T) => {
  const cache = new Map<OpName, T>();
  return (name: OpName) => {
    if (!cache.has(name)) cache.set(name, draw(name));
    return cache.get(name)!;
  };
};
const brokenCases = memo((name) => fc.sample(brokenCaseArbitrary(schemaOf(name)), { seed: seedOf(name), numRuns: 60 }));
const brokenBodies = memo((name) => fc.sample(brokenBodyArbitrary(schemaOf(name)), { seed: seedOf(name), numRuns: 40 }));

describe('the checks of this test can fail', () => {
  const schema = z.object({ a: z.number().int().min(1) }).strict();
  it('a value known to be valid is caught among the broken ones', () => {
    const broken = fc.sample(brokenArbitrary(schema), { seed: 1, numRuns: 20 });
    expect(stillAccepted(schema, broken)).toEqual([]);
    expect(stillAccepted(schema, [...broken, { a: 1 }])).toEqual([{ a: 1 }]);
  });
  it('NaN where null is allowed counts as accepted (null after JSON)', () => {
    expect(stillAccepted(z.number().nullable(), [Number.NaN])).toEqual([Number.NaN]);
  });
  it('broken values of one schema are seen as valid by a looser one', () => {
    const broken = fc.sample(brokenArbitrary(schema), { seed: 2, numRuns: 20 });
    expect(stillAccepted(z.unknown(), broken)).toHaveLength(20);
  });
  it('a value known to be invalid is caught among the valid ones', () => {
    const valid = fc.sample(validArbitrary(schema), { seed: 3, numRuns: 20 });
    expect(notAccepted(schema, valid)).toEqual([]);
    expect(notAccepted(schema, [...valid, { a: 0 }])).toEqual([{ a: 0 }]);
  });
});

/*
 * Every operation of the contract. Valid values are all generated (none needs the exception the
 * brief allows): the refinements the walker cannot see — a Monday week start, repMin ≤ repMax,
 * a non-empty patch, a window that ends after it starts, minPerWeek ≤ maxPerWeek, a fatigue or
 * form rating — are met by filtering the refined node by its own safeParse. Without those inner
 * filters ("bare") the pass rate drops to ~5 % for a required week start (1 in 7 dates is a Monday)
 * and to 0 % for schedule/save-club (dozens of refined windows per setup): measured, not asserted.
 */
describe.each(OP_NAMES)('%s', (name) => {
  const schema = schemaOf(name);
  const seed = seedOf(name);

  it('generates valid values the schema accepts, also after JSON', () => {
    const values = fc.sample(validArbitrary(schema), { seed, numRuns: 30 });
    expect(notAccepted(schema, values).map(show)).toEqual([]);
  });

  it('generates broken values the schema rejects, as given and after JSON', () => {
    const cases = brokenCases(name);
    const leaks = cases.filter((c) => !rejectsEverywhere(schema, c.value));
    expect(leaks.map((c) => `${c.kind} at ${c.path.join('.')}: ${show(c.value)}`)).toEqual([]);
  });

  it('wastes little: before the final filters, valid values pass and broken ones fail', () => {
    const rates = measureRates(schema, 60, seed);
    expect(rates.validPass).toBeGreaterThanOrEqual(0.95);
    expect(rates.brokenLeak).toBeLessThan(0.05);
    expect(rates.brokenLeakUnfiltered).toBeLessThan(0.1);
    expect(rates.bodyLeak).toBeLessThan(0.05);
  });

  it('generates raw bodies every reading of the server refuses', () => {
    const bodies = brokenBodies(name);
    expect(bodies.filter((b) => !bodyRefused(schema, b)).map((b) => `${b.kind}: ${b.detail}`)).toEqual([]);
  });
});

describe('the breakages asked for are produced', () => {
  const all = OP_NAMES.flatMap(brokenCases);
  const kinds = new Set(all.map((c) => c.kind));

  it('every kind the contract allows appears', () => {
    for (const k of ['wrong-type', 'top-level-non-object', 'json-lossy', 'deep-nesting', 'huge-string', 'too-long', 'too-short',
      'bad-format', 'out-of-range', 'not-integer', 'unsafe-integer', 'non-finite', 'not-in-enum', 'missing-key', 'unknown-key',
      'proto-key', 'refinement'] as const) expect(kinds, k).toContain(k);
  });

  it('breaks deep inside nested values, not only at the top', () => {
    expect(Math.max(...all.map((c) => c.path.length))).toBeGreaterThanOrEqual(5);
  });

  it('huge strings, deep nesting and own __proto__ keys are what they say', () => {
    const longest = (v: unknown): number => (typeof v === 'string' ? v.length : v && typeof v === 'object' ? Math.max(0, ...Object.values(v).map(longest)) : 0);
    expect(all.some((c) => c.kind === 'huge-string' && longest(c.value) >= HUGE_STRING_MIN)).toBe(true);
    const depth = (root: unknown): number => {
      let max = 0;
      const stack: [unknown, number][] = [[root, 0]];
      while (stack.length) {
        const [v, d] = stack.pop()!;
        max = Math.max(max, d);
        if (v && typeof v === 'object') for (const x of Object.values(v)) stack.push([x, d + 1]);
      }
      return max;
    };
    expect(all.some((c) => c.kind === 'deep-nesting' && depth(c.value) >= DEEP_MIN)).toBe(true);
    expect(all.some((c) => c.kind === 'proto-key' && /"__proto__":/.test(toJson(c.value) ?? ''))).toBe(true);
  });

  it('every body kind appears, and bodies are JSON-decodable or not as they claim', () => {
    const bodies = OP_NAMES.flatMap(brokenBodies);
    expect(new Set(bodies.map((b) => b.kind))).toEqual(new Set(['json-broken-value', 'truncated-json', 'invalid-utf8', 'non-json', 'empty', 'bom', 'bad-number-token', 'deep-json-text']));
    for (const b of bodies.filter((x) => x.kind === 'json-broken-value')) expect(readBody(b.bytes, { utf8: 'strict', bom: 'keep' }).ok).toBe(true);
    for (const b of bodies.filter((x) => x.kind === 'truncated-json' || x.kind === 'non-json')) expect(readBody(b.bytes, { utf8: 'lenient', bom: 'strip' }).ok).toBe(false);
    expect(bodies.some((b) => b.strictUtf8Only)).toBe(true);
  });
});

describe('determinism', () => {
  const schema = schemaOf('schedule/save-club');
  it('the same seed gives the same values, another seed others', () => {
    const a = fc.sample(brokenBodyArbitrary(schema), { seed: 42, numRuns: 15 });
    const b = fc.sample(brokenBodyArbitrary(schema), { seed: 42, numRuns: 15 });
    const c = fc.sample(brokenBodyArbitrary(schema), { seed: 43, numRuns: 15 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
    expect(fc.sample(validArbitrary(schema), { seed: 5, numRuns: 5 })).toEqual(fc.sample(validArbitrary(schema), { seed: 5, numRuns: 5 }));
  });
});

describe('zod kinds beyond the contract', () => {
  const schemas: Record<string, Schema> = {
    union: z.union([z.number().int().min(0), z.string().max(3), z.null()]),
    discriminated: z.discriminatedUnion('t', [z.object({ t: z.literal('a'), n: z.number() }).strict(), z.object({ t: z.literal('b'), s: z.string() }).strict()]),
    enumRecord: z.record(z.enum(['x', 'y']), z.boolean()),
    boundedKeys: z.record(z.string().regex(/^[a-z]{1,5}$/), z.number().int()),
    token: z.string().length(64).regex(/^[0-9a-f]+$/),
    pin: z.string().regex(/^\d{4,6}$/),
    password: z.string().min(12).max(128).regex(/[A-Z]/).regex(/[0-9]/),
    tuple: z.tuple([z.string().min(1), z.number().max(10)]),
    loose: z.looseObject({ a: z.string() }),
    catchall: z.object({ a: z.string() }).catchall(z.number()),
    pipe: z.string().pipe(z.string().min(3)),
    preprocessed: z.preprocess((v) => v, z.number().int()),
    formats: z.object({ e: z.email(), u: z.uuid(), d: z.iso.datetime(), t: z.iso.time() }).strict(),
    multiple: z.number().multipleOf(5).min(0).max(100),
    exclusive: z.number().gt(0).lt(1),
    literalNumber: z.literal([1, 2, 3]),
    nested: z.array(z.array(z.object({ v: z.number().positive().nullable().optional() }).strict()).min(1)).max(3),
    lazy: z.object({ name: z.string().max(5), kids: z.array(z.lazy((): Schema => schemas.lazy!)).max(2) }).strict(),
  };
  it.each(Object.keys(schemas))('%s', (key) => {
    const schema = schemas[key]!;
    expect(notAccepted(schema, fc.sample(validArbitrary(schema), { seed: 9, numRuns: 30 })).map(show)).toEqual([]);
    expect(stillAccepted(schema, fc.sample(brokenArbitrary(schema), { seed: 9, numRuns: 30 })).map(show)).toEqual([]);
  });
  it('says when it cannot', () => {
    expect(() => validArbitrary(z.never())).toThrow(UnsupportedSchemaError);
    expect(() => validArbitrary(z.string().refine(() => false))).toThrow(UnsupportedSchemaError);
    expect(() => brokenArbitrary(z.unknown())).toThrow(UnsupportedSchemaError);
  });
});

describe('helpers', () => {
  it('toJson serialises values deeper than JSON.stringify can', () => {
    let v: unknown = { a: [1, 'x', null] };
    for (let i = 0; i < 20_000; i++) v = i % 2 ? { k: v, n: Number.NaN, u: undefined } : [v, undefined];
    let expected = '{"a":[1,"x",null]}';
    for (let i = 0; i < 20_000; i++) expected = i % 2 ? `{"k":${expected},"n":null}` : `[${expected},null]`;
    expect(() => JSON.stringify(v)).toThrow(RangeError);
    expect(toJson(v) === expected).toBe(true);
  });
  it('readBody reads like the server: blank is {}, a BOM is kept, bad UTF-8 is replaced', () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    expect(readBody(bytes(0x20, 0x0a), { utf8: 'lenient', bom: 'keep' })).toEqual({ ok: true, input: {} });
    expect(readBody(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d), { utf8: 'lenient', bom: 'keep' }).ok).toBe(false);
    expect(readBody(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d), { utf8: 'lenient', bom: 'strip' })).toEqual({ ok: true, input: {} });
    expect(readBody(bytes(0x22, 0xff, 0x22), { utf8: 'lenient', bom: 'keep' })).toEqual({ ok: true, input: '\ufffd' });
    expect(readBody(bytes(0x22, 0xff, 0x22), { utf8: 'strict', bom: 'keep' }).ok).toBe(false);
  });
  it('the audit names the lenient spots of a schema', () => {
    const kinds = auditSchema(z.object({ p: z.object({ a: z.string() }), r: z.record(z.string(), z.number()) }).strict()).map((l) => `${l.kind} ${l.path}`);
    expect(kinds).toEqual(['not-strict p', 'no-max-length p.a', 'open-record r', 'proto-key-unchecked r', 'unbounded-number r{}']);
  });
});
