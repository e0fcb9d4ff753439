/**
 * The one inference worker: it owns node-llama-cpp (the model, one context, one sequence) and runs
 * requests strictly one after another from a single queue, so a context is never disposed while a
 * request is queued or running (that crashes natively). An `abort` message is handled out of the
 * queue: it stops the running generation through its signal (`stopOnAbortSignal`: the text so far
 * is kept) or drops a queued request.
 *
 * `gpu: false`: the Vulkan probe has crashed on CPU-only Linux (issue 13); `build: 'never'` uses the
 * prebuilt binaries only. `threads` comes from the host (physical cores; tests use 1).
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest, GenerationResult } from './protocol';

type Llm = typeof import('node-llama-cpp');
type Llama = Awaited<ReturnType<Llm['getLlama']>>;
type Model = Awaited<ReturnType<Llama['loadModel']>>;
type Context = Awaited<ReturnType<Model['createContext']>>;

const port = parentPort!;
const send = (m: WorkerReply) => port.postMessage(m);
let lib: Llm | null = null;
let llama: Llama | null = null;
let loaded: { model: Model; context: Context } | null = null;
const aborts = new Map<number, AbortController>();
let queue: Promise<void> = Promise.resolve();

async function runtime(): Promise<{ lib: Llm; llama: Llama }> {
  lib ??= await import('node-llama-cpp');
  llama ??= await lib.getLlama({ gpu: false, build: 'never', logLevel: lib.LlamaLogLevel.error });
  return { lib, llama };
}

async function unload(): Promise<void> {
  if (!loaded) return;
  const { model, context } = loaded;
  loaded = null;
  await context.dispose();
  await model.dispose();
}

function ready(): { model: Model; context: Context } {
  if (!loaded) throw new Error('no model is loaded');
  return loaded;
}

async function generate(req: Extract<WorkerRequest, { type: 'chat' | 'json' }>, signal: AbortSignal): Promise<GenerationResult> {
  const { lib: L, llama: ll } = await runtime();
  const { context } = ready();
  const sequence = context.getSequence();
  const chat = new L.LlamaChat({ contextSequence: sequence });
  const history: import('node-llama-cpp').ChatHistoryItem[] = [{ type: 'system', text: req.system }];
  if (req.type === 'chat') for (const t of req.history) history.push(t.role === 'user' ? { type: 'user', text: t.text } : { type: 'model', response: [t.text] });
  history.push({ type: 'user', text: req.user }, { type: 'model', response: [] });
  let tokens = 0;
  const t0 = performance.now();
  try {
    const common = {
      maxTokens: req.maxTokens, signal, stopOnAbortSignal: true,
      // No hidden "thinking" (Qwen3 and the like): on 2 cores it would double the wait at the desk.
      budgets: { thoughtTokens: 0 },
      onTextChunk: (text: string) => send({ type: 'chunk', id: req.id, text }),
      onResponseChunk: (c: { tokens: readonly unknown[] }) => { tokens += c.tokens.length; },
    };
    const res = req.type === 'json'
      ? await chat.generateResponse(history, { ...common, grammar: await ll.createGrammarForJsonSchema(req.schema as never) })
      : await chat.generateResponse(history, { ...common, functions: req.functions as never });
    const ms = performance.now() - t0;
    return {
      text: res.response,
      functionCalls: ((res as { functionCalls?: Array<{ functionName: string; params: unknown }> }).functionCalls ?? []).map((f) => ({ name: String(f.functionName), params: f.params })),
      stopReason: signal.aborted ? 'abort' : res.metadata.stopReason,
      tokens, ms, tokensPerS: ms > 0 ? (tokens * 1000) / ms : 0,
    };
  } finally {
    chat.dispose();
    sequence.dispose();
  }
}

async function handle(req: Exclude<WorkerRequest, { type: 'abort' }>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return send({ type: 'error', id: req.id, message: 'cancelled before it started' });
  try {
    if (req.type === 'load') {
      const { llama: ll } = await runtime();
      await unload();
      const t0 = performance.now();
      const model = await ll.loadModel({ modelPath: req.modelPath, onLoadProgress: (fraction) => send({ type: 'progress', id: req.id, fraction }) });
      const context = await model.createContext({ contextSize: req.contextSize, threads: req.threads });
      loaded = { model, context };
      const name = (model.fileInfo.metadata?.general as { name?: string } | undefined)?.name ?? req.modelPath.split(/[\\/]/).pop()!;
      send({ type: 'done', id: req.id, result: { name, loadMs: performance.now() - t0, contextSize: context.contextSize, threads: req.threads } });
    } else if (req.type === 'unload') {
      await unload();
      send({ type: 'done', id: req.id, result: null });
    } else {
      send({ type: 'done', id: req.id, result: await generate(req, signal) });
    }
  } catch (err) {
    send({ type: 'error', id: req.id, message: (err as Error).message || String(err) });
  }
}

port.on('message', (req: WorkerRequest) => {
  if (req.type === 'abort') {
    aborts.get(req.target)?.abort();
    return;
  }
  const controller = new AbortController();
  aborts.set(req.id, controller);
  queue = queue.then(() => handle(req, controller.signal)).finally(() => aborts.delete(req.id));
});
