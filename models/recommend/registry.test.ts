import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trainAls } from '../../engine/recommend/als';
import { createRecRegistry, RecRegistryError } from './registry';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
function registry() {
  const d = mkdtempSync(join(tmpdir(), 'rec-reg-'));
  dirs.push(d);
  return { dir: d, reg: createRecRegistry(d, () => new Date('2026-01-01T00:00:00Z')) };
}
const model = trainAls(['a', 'b', 'c'], [new Map([[0, 1], [1, 2]]), new Map([[1, 1], [2, 3]])], { factors: 4, iterations: 3 }).model;
const v = (ndcgAt5: number, popularityNdcgAt5 = 0.2) => ({ ndcgAt5, recallAt10: 0.5, popularityNdcgAt5, heldOutSessions: 10 });

describe('recommendation model registry', () => {
  it('registers candidates only; activates when better than popularity and the active model; retires the old one', () => {
    const { reg } = registry();
    reg.register(model, { version: 'v1', trainingSamples: 4, members: 2, validation: v(0.15) });
    expect(reg.activateIfBetter('v1', null)).toMatchObject({ activated: false });
    expect(reg.active()).toBeNull();
    reg.register(model, { version: 'v2', trainingSamples: 4, members: 2, validation: v(0.3) });
    expect(reg.activateIfBetter('v2', null).activated).toBe(true);
    reg.register(model, { version: 'v3', trainingSamples: 4, members: 2, validation: v(0.35) });
    expect(reg.activateIfBetter('v3', 0.4)).toMatchObject({ activated: false });
    expect(reg.activateIfBetter('v3', 0.31).activated).toBe(true);
    expect(reg.list().map((e) => e.status)).toEqual(['candidate', 'retired', 'active']);
    const a = reg.active()!;
    expect(a.entry.version).toBe('v3');
    expect([...a.model.itemFactors]).toEqual([...model.itemFactors]);
    expect(() => reg.register(model, { version: 'v3', trainingSamples: 1, members: 1, validation: v(1) })).toThrow(RecRegistryError);
  });

  it('refuses an active model whose file does not match its checksum', () => {
    const { dir, reg } = registry();
    reg.register(model, { version: 'v1', trainingSamples: 4, members: 2, validation: v(0.5) });
    reg.activateIfBetter('v1', null);
    writeFileSync(join(dir, 'v1.json'), '{}');
    expect(() => reg.active()).toThrow(/checksum/);
  });
});
