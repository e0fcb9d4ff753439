/** `studio coach ask --member NAME "question" --json`: mode, intent, tool calls, proposals, sources, answer; nothing stored. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost } from '../host/testkit';
import { createMembers, publishWeek } from '../handlers/classes/testkit';
import { writeTinyLlamaGguf } from '../coach/tiny-gguf';
import { openDatabase } from '../../db/open';
import { getSetting } from '../../db/settings';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'studio-coach-cli-'));
  db = join(dir, 'studio.db');
  const { host, manager } = await createTestHost(db);
  await publishWeek(host, manager, '2026-12-07', [{ classTypeId: 'hiit', roomId: 'studio', trainerId: 'anna', weekday: 0, startMin: 1080 }]);
  await createMembers(host, manager, 1, 'Sara');
  host.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const studio = (...args: string[]) => execFileSync('node', ['bin/studio.mjs', '--db', db, ...args], { encoding: 'utf8' });

describe('studio coach ask', () => {
  it('prints the mode, intent, proposed calls and writes, sources and answer as JSON, and stores nothing', () => {
    const out = JSON.parse(studio('--json', 'coach', 'ask', '--member', 'Sara 1', 'Make her a 3-day beginner plan, no barbell')) as Record<string, unknown>;
    expect(out).toMatchObject({
      mode: 'rules', model: null, intent: 'draft_plan',
      toolCalls: [{ tool: 'draft_plan', args: { daysPerWeek: 3, level: 'beginner', avoidEquipment: ['barbell'] } }],
      proposed: [{ tool: 'draft_plan', op: 'plans/generate' }],
    });
    expect((out.sources as unknown[]).length).toBeGreaterThan(0);
    expect(out.answer).toMatch(/Proposed: Draft a 3-day beginner 4-week plan/);
    const after = JSON.parse(studio('--json', 'plans')) as unknown[];
    expect(after).toEqual([]);
  }, 60_000);

  it('loads a model first with --model and answers in model mode, then exits', () => {
    mkdirSync(join(dir, 'models'), { recursive: true });
    writeTinyLlamaGguf(join(dir, 'models', 'tiny.gguf'), { seed: 2 });
    const out = JSON.parse(studio('--json', 'coach', 'ask', '--member', 'Sara 1', '--model', 'tiny.gguf', '--max-tokens', '16', 'Is Anna free on monday at 10am?')) as { mode: string; model: string; timings: { tokens: number } };
    expect(out).toMatchObject({ mode: 'model', model: 'tiny-random-llama' });
    expect(out.timings.tokens).toBeLessThanOrEqual(16);
    const store = openDatabase(db);
    expect(getSetting(store.db, 'coach.model')).toBeNull();
    store.close();
  }, 120_000);

  it('names an unknown member', () => {
    expect(() => studio('--json', 'coach', 'ask', '--member', 'Nobody', 'hi')).toThrow();
  }, 60_000);
});
