/**
 * The coach with a real model: the tiny random-weight GGUF fixture in the models folder beside the
 * database, loaded through `coach/load-model` into the inference worker (threads 1). Its text is
 * gibberish, so these tests check the paths: listing, progress, a corrupt file leaving rules mode,
 * streamed answers, Stop, and the JSON-schema grammar step turning a plan request into a pending draft.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host } from '../host/host';
import { createTestHost } from '../host/testkit';
import type { Caller } from '../host/context';
import type { CoachAnswerView, CoachModelsView, CoachStatusView } from '../contract/index';
import { createMembers, valueOf } from '../handlers/classes/testkit';
import { writeTinyLlamaGguf } from './tiny-gguf';

let dir: string;
let host: Host;
let manager: Caller;
let member: number;
const ok = async <T>(name: string, input: unknown, onProgress?: (f: number, m: string) => void, signal?: AbortSignal) => valueOf<T>(await host.call(name, input, manager, onProgress, signal), name);

beforeAll(async () => {
  process.env.STUDIO_COACH_MAX_TOKENS = '24';
  dir = mkdtempSync(join(tmpdir(), 'studio-coach-model-'));
  mkdirSync(join(dir, 'models'));
  writeTinyLlamaGguf(join(dir, 'models', 'tiny.gguf'), { seed: 3 });
  writeFileSync(join(dir, 'models', 'broken.gguf'), 'not a model at all');
  ({ host, manager } = await createTestHost(join(dir, 'studio.db'), { coachThreads: 1 }));
  member = (await createMembers(host, manager, 1, 'Sara'))[0]!;
});
afterAll(async () => { delete process.env.STUDIO_COACH_MAX_TOKENS; await host.coach.close(); host.close(); rmSync(dir, { recursive: true, force: true }); });

describe('the coach with the tiny GGUF model', () => {
  it('lists the models beside the database with their header facts or problem', async () => {
    const v = await ok<CoachModelsView>('coach/models', {});
    expect(v.folder).toBe(join(dir, 'models'));
    expect(v.models.map((x) => [x.file, x.quantisation, x.problem === null])).toEqual([['broken.gguf', null, false], ['tiny.gguf', 'ALL_F32', true]]);
    expect(v.status.mode).toBe('rules');
  });

  it('refuses a corrupt file with a clear error and stays in rules mode', async () => {
    const env = await host.call('coach/load-model', { path: 'broken.gguf' }, manager);
    expect(env).toMatchObject({ ok: false, error: { reason: 'invalid_input', field: 'path' } });
    expect(!env.ok && env.error.message).toMatch(/broken\.gguf is not a readable GGUF model.*the coach stays in rules mode/);
    const status = await ok<CoachStatusView>('coach/status', {});
    expect(status).toMatchObject({ mode: 'rules', model: null });
    expect(status.lastError).toMatch(/broken\.gguf/);
    expect((await ok<CoachAnswerView>('coach/ask', { memberId: member, text: 'opening hours?' })).mode).toBe('rules');
  });

  it('loads the model with progress and shows load time and tokens per second', async () => {
    const progress: number[] = [];
    const status = await ok<CoachStatusView>('coach/load-model', { path: 'tiny.gguf' }, (f) => progress.push(f));
    expect(status).toMatchObject({ mode: 'model', lastError: null, maxTokens: 24, model: { name: 'tiny-random-llama', file: 'tiny.gguf', threads: 1 } });
    expect(status.model!.loadMs).toBeGreaterThan(0);
    expect(status.model!.tokensPerS).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
  }, 60_000);

  it('streams a model answer bounded by the max tokens, with sources, stored as a model message', async () => {
    const chunks: string[] = [];
    const a = await ok<CoachAnswerView>('coach/ask', { memberId: member, text: 'What can replace the barbell back squat?' }, (_f, t) => chunks.push(t));
    expect(a.mode).toBe('model');
    expect(a.timings.tokens).toBeLessThanOrEqual(24);
    expect(chunks.length).toBeGreaterThan(1);
    expect(a.sources.some((s) => s.kind === 'exercise')).toBe(true);
    expect(a.reply).toMatchObject({ mode: 'model', modelName: 'tiny-random-llama', status: 'complete' });
  }, 60_000);

  it('stops at Stop and stores what was said so far as stopped', async () => {
    process.env.STUDIO_COACH_MAX_TOKENS = '3000';
    const controller = new AbortController();
    let n = 0;
    const a = await ok<CoachAnswerView>('coach/ask', { memberId: member, text: 'Tell me about her training' }, () => { if (++n === 4) controller.abort(); }, controller.signal);
    process.env.STUDIO_COACH_MAX_TOKENS = '24';
    expect(a.stopped).toBe(true);
    expect(a.reply!.status).toBe('stopped');
    expect(a.timings.tokens!).toBeLessThan(200);
  }, 60_000);

  it('turns a plan request into schema-valid JSON under the grammar, then a pending draft', async () => {
    const a = await ok<CoachAnswerView>('coach/ask', { memberId: member, text: 'Make Sara a 3-day beginner plan, no barbell' });
    expect(a.mode).toBe('model');
    expect(a.toolCalls).toHaveLength(1);
    expect(a.toolCalls[0]!.tool).toBe('draft_plan');
    expect(a.actions[0]).toMatchObject({ op: 'plans/generate', status: 'pending' });
  }, 60_000);

  it('goes back to rules mode when unloaded', async () => {
    expect((await ok<CoachStatusView>('coach/unload-model', {})).mode).toBe('rules');
    expect((await ok<CoachAnswerView>('coach/ask', { memberId: member, text: 'opening hours?' })).mode).toBe('rules');
  }, 60_000);
});
