/** The worker side of `runInWorker`: open the database, run the handler, post the envelope. */
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../../db/open';
import { allHandlers } from '../handlers/index';
import { dispatch } from './registry';
import type { WorkerCall, WorkerMessage } from './worker';

// A call in `workerData`, or (a spare thread booted ahead, see `SpareWorker`) the first message.
const initial = workerData as WorkerCall | null;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

async function run(call: WorkerCall): Promise<void> {
  const store = openDatabase(call.dbPath);
  try {
    const envelope = await dispatch(allHandlers(), call.name, call.input, {
      store, caller: call.caller, version: pkg.version,
      now: () => new Date(call.now),
      progress: (fraction, message) => post({ type: 'progress', fraction: Math.max(0, Math.min(1, fraction)), message }),
    });
    post({ type: 'done', envelope });
  } finally {
    store.close();
  }
}

if (initial !== null) void run(initial);
else {
  parentPort!.once('message', (call: WorkerCall) => { void run(call); });
  post({ type: 'ready' });
}
