/**
 * Schema-independent junk for the broken generator: values of every JSON type (and a few that
 * JSON changes), huge strings and deeply nested values. Which of them break a given schema node
 * is decided by probing that node (see broken.ts), not by knowing its type.
 */
import fc from 'fast-check';

/** The most a generated string may be: a few hundred KB, enough to exceed every practical `max`. */
export const HUGE_STRING_MAX = 400_000;
/** Huge strings start here (when the schema's `max` is below it). */
export const HUGE_STRING_MIN = 64 * 1024;
/** Deep values are nested this deep at most; structured clone (Electron IPC) gives up near 2,000, `JSON.stringify` near 5,000. */
export const DEEP_MAX = 5_000;
export const DEEP_MIN = 1_000;

/** A string of exactly `length` characters, built by repeating a short random chunk (cheap at any size). */
export function repeatedString(chunk: string, length: number): string {
  const unit = chunk || 'x';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Short ASCII chunks that survive `.trim()` and match no format by accident. */
export const CHUNK = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789_-'), minLength: 1, maxLength: 8 });

/** Strings of `min`..`max` characters, long ones cheap. */
export function stringOfLength(min: number, max: number): fc.Arbitrary<string> {
  return fc.tuple(CHUNK, fc.integer({ min, max })).map(([chunk, n]) => repeatedString(chunk, n));
}

export type DeepShape = 'array' | 'object' | 'mixed';

/** `depth` levels of arrays, objects (`{"a": ...}`) or both alternating, around `leaf`. Built without recursion. */
export function deepValue(depth: number, shape: DeepShape, leaf: unknown): unknown {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) {
    const asArray = shape === 'array' || (shape === 'mixed' && i % 2 === 0);
    v = asArray ? [v] : { a: v };
  }
  return v;
}

export const DEEP = fc.record({
  depth: fc.integer({ min: DEEP_MIN, max: DEEP_MAX }),
  shape: fc.constantFrom<DeepShape>('array', 'object', 'mixed'),
  leaf: fc.constantFrom<unknown>(1, 'x', null, true),
}).map(({ depth, shape, leaf }) => deepValue(depth, shape, leaf));

/** An object with an own, enumerable `__proto__` key (as `JSON.parse` makes it), not a prototype change. */
export function withOwnKey(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...obj };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** Values meant to pollute a prototype if a handler merges them carelessly. */
export const PROTO_PAYLOAD = fc.constantFrom<unknown>({ isAdmin: true }, { polluted: 'yes', role: 'manager' }, null, 'x', 1, []);

/** Key names an attacker or a confused client might add: privileges, ids, near-misses of real keys. */
export const SUSPICIOUS_KEYS = ['extra', 'isAdmin', 'admin', 'role', 'staffId', 'userId', 'id', 'password', 'token', '$where', 'toString', 'valueOf', 'hasOwnProperty', ''];

export interface JunkTemplate {
  /** The breakage kind a value of this template is reported as. */
  kind: 'wrong-type' | 'json-lossy' | 'deep-nesting' | 'huge-string';
  /** What the value is, for failure messages. */
  detail: string;
  arb: fc.Arbitrary<unknown>;
  /** Values the probe tries: the extremes, so that one probe speaks for the whole template. */
  probes: unknown[];
}

const c = (kind: JunkTemplate['kind'], detail: string, ...values: unknown[]): JunkTemplate => ({
  kind, detail, arb: fc.constantFrom(...values), probes: values,
});

const hugeProbeShort = repeatedString('ab', HUGE_STRING_MIN);
const hugeProbeLong = repeatedString('ab', HUGE_STRING_MAX);

/**
 * Every junk template. A node keeps those the probe shows it rejects, both as given and after
 * a JSON round trip; a wrong type at a `nullable` node therefore never uses `null`, and
 * `NaN` is never used where `null` is allowed (JSON turns it into `null`).
 */
export const JUNK: JunkTemplate[] = [
  c('wrong-type', 'null', null),
  c('wrong-type', 'boolean', true, false),
  c('wrong-type', 'integer', 0, 1, -1, 7, 4294967296),
  c('wrong-type', 'fraction', 0.5, -2.75),
  c('wrong-type', 'empty string', ''),
  { kind: 'wrong-type', detail: 'string', arb: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''), probes: ['x', 'hello', '1', 'true', '{}'] },
  c('wrong-type', 'numeric string', '1', '42', '-3', '1e3', '0x10'),
  c('wrong-type', 'boolean string', 'true', 'false', 'null'),
  c('wrong-type', 'empty array', []),
  { kind: 'wrong-type', detail: 'array', arb: fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: 1, maxLength: 4 }), probes: [[1], ['a', 2], [null], [{}]] },
  c('wrong-type', 'empty object', {}),
  { kind: 'wrong-type', detail: 'object', arb: fc.dictionary(CHUNK, fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 3, noNullPrototype: true }), probes: [{ a: 1 }, { x: 'y', b: null }] },
  c('json-lossy', 'NaN / Infinity (null in JSON)', Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  c('json-lossy', 'Date (an ISO string in JSON)', new Date('2024-01-01T00:00:00Z'), new Date(0)),
  c('json-lossy', 'Map / Set ({} in JSON)', new Map([['a', 1]]), new Set([1])),
  {
    kind: 'huge-string', detail: `string of ${HUGE_STRING_MIN}..${HUGE_STRING_MAX} chars`,
    arb: stringOfLength(HUGE_STRING_MIN, HUGE_STRING_MAX), probes: [hugeProbeShort, hugeProbeLong],
  },
  {
    kind: 'deep-nesting', detail: `arrays/objects nested ${DEEP_MIN}..${DEEP_MAX} deep`,
    arb: DEEP, probes: [deepValue(DEEP_MIN, 'array', 1), deepValue(DEEP_MIN, 'object', 1), deepValue(DEEP_MIN, 'mixed', null)],
  },
];
