/**
 * The real inference runtime (node-llama-cpp in its worker thread) on a tiny random-weight GGUF
 * written by the fixture generator: loading with progress, streaming, cancelling, the JSON-schema
 * grammar, the one queue, and a corrupt file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_REQUEST_JSON_SCHEMA, parsePlanRequest } from '../../engine/coach/plan-request';
import { TOOL_DEFINITIONS } from '../../engine/coach/tools';
import { describeModel, listModels } from './models';
import { InferenceRuntime } from './runtime';
import { writeTinyLlamaGguf } from './tiny-gguf';

const dir = mkdtempSync(path.join(tmpdir(), 'coach-runtime-'));
const modelPath = path.join(dir, 'tiny.gguf');
const corruptPath = path.join(dir, 'corrupt.gguf');
let runtime: InferenceRuntime;

beforeAll(() => {
  writeTinyLlamaGguf(modelPath, { seed: 7 });
  writeFileSync(corruptPath, Buffer.concat([Buffer.from('GGUF'), Buffer.from([3, 0, 0, 0]), Buffer.alloc(40, 0xff)]));
  runtime = new InferenceRuntime({ threads: 1, contextSize: 4096 });
});
afterAll(async () => { await runtime.close(); });

const chatInput = (maxTokens: number) => ({ system: 'You are a coach.', history: [{ role: 'user' as const, text: 'hi' }, { role: 'model' as const, text: 'hello' }], user: 'Is Tom free?', functions: TOOL_DEFINITIONS, maxTokens });

describe('the inference runtime on the tiny GGUF fixture', () => {
  it('lists the model with its header facts and loads it with progress', async () => {
    const [model] = (await listModels(dir)).filter((m) => m.file === 'tiny.gguf');
    expect(model).toMatchObject({ name: 'tiny-random-llama', quantisation: 'ALL_F32', architecture: 'llama', problem: null });
    expect(model!.sizeBytes).toBeGreaterThan(100_000);
    const progress: number[] = [];
    const loaded = await runtime.load(modelPath, (f) => progress.push(f));
    expect(loaded).toMatchObject({ name: 'tiny-random-llama', contextSize: 4096, threads: 1 });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
  }, 60_000);

  it('streams text chunks that add up to the answer, bounded by maxTokens', async () => {
    const chunks: string[] = [];
    const r = await runtime.chat(chatInput(24), (t) => chunks.push(t));
    expect(r.stopReason).toBe('maxTokens');
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(r.text);
    expect(r.tokens).toBeLessThanOrEqual(24);
    expect(r.tokensPerS).toBeGreaterThan(0);
  }, 60_000);

  it('stops at the signal and keeps the text so far', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const r = await runtime.chat(chatInput(2000), () => { if (++chunks === 3) controller.abort(); }, controller.signal);
    expect(r.stopReason).toBe('abort');
    expect(r.tokens).toBeLessThan(200);
  }, 60_000);

  it('gives schema-valid JSON under the plan-request grammar', async () => {
    const r = await runtime.json({ system: 'Write the plan request.', user: 'Make Sara a 3-day beginner plan, no barbell', schema: PLAN_REQUEST_JSON_SCHEMA as never, maxTokens: 400 });
    const parsed = parsePlanRequest(r.text);
    expect(parsed.ok, r.text).toBe(true);
  }, 60_000);

  it('runs requests from one queue: an unload queued behind a chat waits for it', async () => {
    const chat = runtime.chat(chatInput(16));
    const unload = runtime.unload();
    const after = runtime.chat(chatInput(16));
    await expect(chat).resolves.toMatchObject({ stopReason: 'maxTokens' });
    await unload;
    await expect(after).rejects.toThrow('no model is loaded');
    await runtime.load(modelPath);
  }, 60_000);

  it('names a corrupt file clearly, in the listing and on loading', async () => {
    const d = await describeModel(corruptPath);
    expect(d.problem).toMatch(/not a readable GGUF model/);
    const text = path.join(dir, 'notes.gguf');
    writeFileSync(text, 'this is not a model');
    expect((await describeModel(text)).problem).toMatch(/not a readable GGUF model/);
    await expect(runtime.load(text)).rejects.toThrow();
  }, 60_000);
});
