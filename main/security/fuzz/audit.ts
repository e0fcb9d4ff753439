/**
 * Where a schema lets junk through: the places the broken generator finds nothing to break,
 * listed so they can be reported (and tightened in the contract, not here).
 */
import {
  accepts, child, defOf, numberInfo, objectMode, shapeOf, stringInfo, type Schema,
} from './introspect';

/**
 * - `not-strict`: an object that strips (or keeps) unknown keys instead of rejecting them.
 * - `open-record`: a record whose keys may be any string.
 * - `proto-key-unchecked`: a record that accepts an own `__proto__` key without validating its value.
 * - `no-max-length`: a string with no maximum length (bounded only by the body size limit).
 * - `unbounded-number`: a number with neither minimum nor maximum (integers: the safe range).
 * - `non-plain-object`: an object that accepts a `Date` or `Map` as given (reachable over IPC, not JSON).
 */
export type LeniencyKind = 'not-strict' | 'open-record' | 'proto-key-unchecked' | 'no-max-length' | 'unbounded-number' | 'non-plain-object';

export interface Leniency {
  kind: LeniencyKind;
  /** Dotted path from the root; `[]` stands for any array element, `{}` for any record value. */
  path: string;
  detail: string;
}

/** Every lenient spot of a schema, depth first. Each schema node is reported once per path. */
export function auditSchema(schema: Schema): Leniency[] {
  const out: Leniency[] = [];
  const seen = new Set<Schema>();
  const walk = (s: Schema, path: string) => {
    if (seen.has(s)) return; // z.lazy cycles
    seen.add(s);
    const def = defOf(s);
    const at = path || '(root)';
    switch (def.type) {
      case 'object': {
        const mode = objectMode(s);
        if (mode !== 'strict') out.push({ kind: 'not-strict', path: at, detail: mode === 'strip' ? 'unknown keys are silently dropped' : 'unknown keys are kept' });
        if (accepts(s, new Date(0)) || accepts(s, new Map())) out.push({ kind: 'non-plain-object', path: at, detail: 'a Date or Map passes as this object' });
        for (const [k, v] of Object.entries(shapeOf(s))) walk(v, path ? `${path}.${k}` : k);
        break;
      }
      case 'record': {
        const keySchema = child(def, 'keyType');
        const valueSchema = child(def, 'valueType');
        if (accepts(keySchema, 'any-key-at-all') && accepts(keySchema, 'x'.repeat(1000))) out.push({ kind: 'open-record', path: at, detail: 'any string is a key' });
        const junk = [null, 'x', 1, [], {}].find((v) => !accepts(valueSchema, v));
        if (junk !== undefined && accepts(s, JSON.parse(`{"__proto__": ${JSON.stringify(junk)}}`))) {
          out.push({ kind: 'proto-key-unchecked', path: at, detail: `{"__proto__": ${JSON.stringify(junk)}} passes although the value schema rejects ${JSON.stringify(junk)}` });
        }
        walk(valueSchema, `${path}{}`);
        break;
      }
      case 'string': {
        const info = stringInfo(s);
        if (info.max === Infinity && !info.format && !info.patterns.length) out.push({ kind: 'no-max-length', path: at, detail: 'no .max()' });
        break;
      }
      case 'number': case 'int': {
        const info = numberInfo(s);
        const limit = info.int ? Number.MAX_SAFE_INTEGER : Number.MAX_VALUE;
        if (info.lo <= -limit && info.hi >= limit) out.push({ kind: 'unbounded-number', path: at, detail: info.int ? 'any safe integer' : 'any finite number' });
        break;
      }
      case 'array': walk(child(def, 'element'), `${path}[]`); break;
      case 'union': case 'tuple':
        for (const o of (def.options ?? def.items) as Schema[]) walk(o, path);
        break;
      case 'pipe': walk(child(def, 'in'), path); walk(child(def, 'out'), path); break;
      case 'intersection': walk(child(def, 'left'), path); walk(child(def, 'right'), path); break;
      case 'lazy': walk((def.getter as () => Schema)(), path); break;
      default:
        if (def.innerType) walk(child(def, 'innerType'), path);
    }
    seen.delete(s);
  };
  walk(schema, '');
  return out;
}
