/**
 * Runs one operation in a worker thread with its own connection to the same SQLite file, so
 * heavy work (imports now; the solver, LLM and model training later) leaves the event loop
 * free. Progress events are forwarded; the call is cancelled by an AbortSignal or a time
 * limit, which terminates the thread. A transaction cut off that way is rolled back by SQLite,
 * so nothing is half-written.
 */
import { Worker } from 'node:worker_threads';
import { StudioError, type Envelope } from '../contract/errors';
import type { Caller } from './context';

export interface WorkerCall {
  dbPath: string;
  name: string;
  input: unknown;
  caller: Caller;
  /** The time the host's clock gave for this call (ISO), so workers agree with injected clocks. */
  now: string;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'done'; envelope: Envelope<unknown> };

/** The worker's entry: the TypeScript source through tsx, or a bundled file (Electron). */
function entry(): URL {
  const bundled = process.env.STUDIO_WORKER_ENTRY;
  return bundled ? new URL(`file://${bundled}`) : new URL('./worker-boot.mjs', import.meta.url);
}

/**
 * One thread booted ahead of need (its modules loaded, waiting for a call; no database opened),
 * so a host's next worker call skips the boot: loading the handlers costs a few hundred ms
 * bundled and over a second through tsx. Long-lived hosts (`serve`, Electron) keep one: booted at
 * start and again after each worker call ends (`refill`). It does not keep the process alive
 * (`unref`); `dispose` ends it. `ready` resolves once the current spare has booted.
 */
export class SpareWorker {
  private worker: Worker | null = null;
  private href = '';
  private disposed = false;
  ready: Promise<void> = Promise.resolve();

  /** The booted thread, given `call`, or null when none is ready (or it was booted for another entry). */
  take(call: WorkerCall): Worker | null {
    const w = this.worker;
    this.worker = null;
    if (w === null) return null;
    if (this.href !== entry().href) {
      void w.terminate();
      return null;
    }
    w.ref();
    w.postMessage(call);
    return w;
  }

  refill(): void {
    if (this.disposed || this.worker !== null) return;
    const w = new Worker(entry(), { workerData: null });
    w.unref();
    w.on('error', () => { if (this.worker === w) this.worker = null; });
    w.once('exit', () => { if (this.worker === w) this.worker = null; });
    this.ready = new Promise((resolve) => {
      const done = () => resolve();
      w.once('exit', done);
      w.on('message', (m: WorkerMessage) => { if (m.type === 'ready') done(); });
    });
    this.worker = w;
    this.href = entry().href;
  }

  dispose(): void {
    this.disposed = true;
    const w = this.worker;
    this.worker = null;
    if (w !== null) void w.terminate();
  }
}

export function runInWorker(
  call: WorkerCall,
  options: { onProgress?: (fraction: number, message: string) => void; signal?: AbortSignal; timeoutMs: number; spare?: SpareWorker },
): Promise<Envelope<unknown>> {
  const worker = options.spare?.take(call) ?? new Worker(entry(), { workerData: call });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (envelope: Envelope<unknown>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      options.spare?.refill();
      resolve(envelope);
    };
    const fail = (reason: 'cancelled' | 'internal', message: string) => finish({ ok: false, error: new StudioError(reason, message).toPayload() });
    const onAbort = () => fail('cancelled', `${call.name} was cancelled; nothing was stored`);
    const timer = setTimeout(() => fail('cancelled', `${call.name} took longer than ${options.timeoutMs / 1000} s and was stopped; nothing was stored`), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) onAbort();
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'ready') return; // a spare that finished booting after it was taken
      if (msg.type === 'progress') options.onProgress?.(msg.fraction, msg.message);
      else finish(msg.envelope);
    });
    worker.on('error', (err) => fail('internal', `${call.name} failed in its worker: ${err.message}`));
    worker.on('exit', (code) => fail('internal', `${call.name}'s worker stopped (exit ${code}) without an answer`));
  });
}
