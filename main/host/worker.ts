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
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'done'; envelope: Envelope<unknown> };

/** The worker's entry: the TypeScript source through tsx, or a bundled file (Electron). */
function entry(): URL {
  const bundled = process.env.STUDIO_WORKER_ENTRY;
  return bundled ? new URL(`file://${bundled}`) : new URL('./worker-boot.mjs', import.meta.url);
}

export function runInWorker(
  call: WorkerCall,
  options: { onProgress?: (fraction: number, message: string) => void; signal?: AbortSignal; timeoutMs: number },
): Promise<Envelope<unknown>> {
  const worker = new Worker(entry(), { workerData: call });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (envelope: Envelope<unknown>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(envelope);
    };
    const fail = (reason: 'cancelled' | 'internal', message: string) => finish({ ok: false, error: new StudioError(reason, message).toPayload() });
    const onAbort = () => fail('cancelled', `${call.name} was cancelled; nothing was stored`);
    const timer = setTimeout(() => fail('cancelled', `${call.name} took longer than ${options.timeoutMs / 1000} s and was stopped; nothing was stored`), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort);
    if (options.signal?.aborted) onAbort();
    worker.on('message', (msg: WorkerMessage) => {
      if (msg.type === 'progress') options.onProgress?.(msg.fraction, msg.message);
      else finish(msg.envelope);
    });
    worker.on('error', (err) => fail('internal', `${call.name} failed in its worker: ${err.message}`));
    worker.on('exit', (code) => fail('internal', `${call.name}'s worker stopped (exit ${code}) without an answer`));
  });
}
