/**
 * The host's side of the inference worker: one long-lived worker thread, started on the first
 * model load, fed through one message channel. Requests queue inside the worker in the order sent
 * here; `signal` sends an out-of-queue abort. If the worker dies, every open request fails with a
 * clear message and the next load starts a new worker.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { ChatTurn, GenerationResult, LoadResult, WorkerReply, WorkerRequest } from './protocol';

/** The physical cores (llama.cpp is slower with hyper-threads): half the logical CPUs, at least 1. */
export function physicalCores(): number {
  return Math.max(1, Math.floor(availableParallelism() / 2));
}

function entry(): URL {
  const bundled = process.env.STUDIO_COACH_WORKER_ENTRY;
  return bundled ? new URL(`file://${bundled}`) : new URL('./worker-boot.mjs', import.meta.url);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface Pending { resolve(v: unknown): void; reject(e: Error): void; onProgress?: (f: number) => void; onChunk?: (t: string) => void }

/** `contextSize`: tokens, or a range node-llama-cpp fits to the free memory (default 2048). */
export interface InferenceOptions { threads?: number; contextSize?: number | { min: number; max: number } }

export class InferenceRuntime {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  readonly threads: number;
  readonly contextSize: number | { min: number; max: number };

  constructor(o: InferenceOptions = {}) {
    this.threads = o.threads ?? physicalCores();
    const c = o.contextSize ?? 2048;
    this.contextSize = typeof c === 'number' ? Math.max(1024, c) : { min: Math.max(1024, c.min), max: Math.max(1024, c.max) };
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(entry());
    w.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m.fraction);
      else if (m.type === 'chunk') p.onChunk?.(m.text);
      else {
        this.pending.delete(m.id);
        // An idle worker does not keep the process alive; one with work does.
        if (this.pending.size === 0) w.unref();
        if (m.type === 'done') p.resolve(m.result);
        else p.reject(new Error(m.message));
      }
    });
    const fail = (why: string) => {
      this.worker = null;
      for (const p of this.pending.values()) p.reject(new Error(`the inference worker stopped: ${why}`));
      this.pending.clear();
    };
    w.on('error', (e) => fail(e.message));
    w.on('exit', (code) => fail(`exit ${code}`));
    w.unref();
    this.worker = w;
    return w;
  }

  private request<T>(req: DistributiveOmit<Extract<WorkerRequest, { id: number }>, 'id'>, hooks: Omit<Pending, 'resolve' | 'reject'> = {}, signal?: AbortSignal): Promise<T> {
    const w = this.start();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => w.postMessage({ type: 'abort', target: id } satisfies WorkerRequest);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        ...hooks,
        resolve: (v) => { signal?.removeEventListener('abort', onAbort); resolve(v as T); },
        reject: (e) => { signal?.removeEventListener('abort', onAbort); reject(e); },
      });
      w.ref();
      w.postMessage({ ...req, id } as WorkerRequest);
      if (signal?.aborted) onAbort();
    });
  }

  /** Loads a GGUF model (replacing the loaded one); `onProgress` gets 0–1. Rejects with llama.cpp's message. */
  load(modelPath: string, onProgress?: (fraction: number) => void): Promise<LoadResult> {
    return this.request<LoadResult>({ type: 'load', modelPath, threads: this.threads, contextSize: this.contextSize }, { onProgress });
  }

  /** Free-text generation with the tools offered as functions; `onChunk` streams the text. */
  chat(input: { system: string; history: ChatTurn[]; user: string; functions: Record<string, { description: string; params: Record<string, unknown> }>; maxTokens: number }, onChunk?: (text: string) => void, signal?: AbortSignal): Promise<GenerationResult> {
    return this.request<GenerationResult>({ type: 'chat', ...input }, { onChunk }, signal);
  }

  /** Generation constrained by a JSON-schema grammar (no functions in the same step). */
  json(input: { system: string; user: string; schema: Record<string, unknown>; maxTokens: number }, onChunk?: (text: string) => void, signal?: AbortSignal): Promise<GenerationResult> {
    return this.request<GenerationResult>({ type: 'json', ...input }, { onChunk }, signal);
  }

  unload(): Promise<void> {
    if (!this.worker) return Promise.resolve();
    return this.request<void>({ type: 'unload' });
  }

  /** Ends the worker (queued requests fail). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
