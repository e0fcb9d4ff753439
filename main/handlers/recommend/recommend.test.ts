/** Host tests of `recommend/exercises` and `recommend/train` on a real file database with the demo club. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../../host/host';
import { createTestHost } from '../../host/testkit';
import type { Caller } from '../../host/context';
import type { DemoClubReport, ExerciseSuggestionsView, RecommendTrainReport } from '../../contract/index';
import { recommendRegistryDir } from '../../../models/recommend/registry';

let dir: string;
let host: Host;
let caller: Caller;
let memberId: number;
let dbPath: string;

async function ok<T>(name: string, input: unknown): Promise<T> {
  const env = await host.call(name, input, caller);
  if (!env.ok) throw new Error(`${name}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-recommend-'));
  dbPath = join(dir, 'club.db');
  ({ host, manager: caller } = await createTestHost(dbPath, { now: () => new Date('2026-11-22T08:00:00Z'), workers: false }));
  const demo = await ok<DemoClubReport>('demo/create', { seed: 15, members: 4 });
  memberId = demo.members[0]!.id;
}, 120_000);
afterAll(() => { host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('recommend/exercises', () => {
  it('returns 5 scored, explained suggestions with components in range; CF off with a reason', async () => {
    const v = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId, context: { kind: 'slot', patterns: ['horizontal_push'] } });
    expect(v.suggestions).toHaveLength(5);
    for (const s of v.suggestions) {
      expect(s.total).toBeGreaterThan(0);
      expect(s.total).toBeLessThanOrEqual(100);
      expect(s.components.balance).toBeLessThanOrEqual(30);
      expect(s.reason.length).toBeGreaterThan(5);
    }
    expect(v.cf.on).toBe(false);
    expect(v.cf.reason).toMatch(/no model is active/);
  });

  it('a swap keeps the pattern and leaves the exercise out', async () => {
    const v = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId, context: { kind: 'swap', exerciseId: 'barbell-back-squat' } });
    expect(v.suggestions.map((s) => s.exerciseId)).not.toContain('barbell-back-squat');
    expect(v.suggestions.length).toBeGreaterThan(0);
  });

  it('names the field of an unknown exercise id and of a bad member id', async () => {
    const bad = await host.call('recommend/exercises', { memberId, context: { kind: 'swap', exerciseId: 'no-such-lift' } }, caller);
    expect(bad).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'context.exerciseId' } });
    const none = await host.call('recommend/exercises', { memberId: 99_999, context: { kind: 'slot' } }, caller);
    expect(none).toMatchObject({ ok: false, error: { field: 'memberId' } });
  });
});

describe('recommend/train', () => {
  it('a small club has too little data: no model, CF stays off, and it says so', async () => {
    const r = await ok<RecommendTrainReport>('recommend/train', {});
    expect(r.version).toBeNull();
    expect(r.activated).toBe(false);
    expect(r.reason).toMatch(/too little data: 4 members/);
  });

  it('with enough members it trains and validates on held-out sessions; on the demo club popularity wins, so it stays a candidate and CF stays off', async () => {
    await ok<DemoClubReport>('demo/create', { seed: 16, members: 30 });
    const r = await ok<RecommendTrainReport>('recommend/train', {});
    expect(r.version).not.toBeNull();
    expect(r.members).toBeGreaterThanOrEqual(20);
    expect(r.heldOutSessions).toBe(r.members);
    expect(r.trainingSamples).toBeGreaterThan(100);
    expect(r.ndcgAt5).toBeGreaterThan(0);
    // The demo club's members share a few templates, so popularity is a strong baseline there.
    expect(r.ndcgAt5!).toBeLessThanOrEqual(r.popularityNdcgAt5!);
    expect(r.activated).toBe(false);
    expect(r.reason).toMatch(/not above popularity/);
    const entries = JSON.parse(readFileSync(join(recommendRegistryDir(dbPath), 'registry.json'), 'utf8')).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0].status).toBe('candidate');
    const v = await ok<ExerciseSuggestionsView>('recommend/exercises', { memberId, context: { kind: 'slot' } });
    expect(v.cf.on).toBe(false);
    expect(v.suggestions.every((s) => s.cf === null)).toBe(true);
  }, 120_000);
});
