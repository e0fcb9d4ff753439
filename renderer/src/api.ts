/**
 * The renderer's one door to the host. In Electron the preload bridge (`window.studio`) carries
 * the typed calls over IPC; in a browser the typed HTTP client does, acting as the staff member
 * picked in the app bar.
 */
import { apiPath, type StudioApi, type InputOf, type OutputOf } from '../../main/contract/index';
import type { ProgressEvent } from '../../main/contract/errors';
import { callHttp, createHttpApi, type HttpClientOptions } from '../../main/contract/http-client';
import { readActingStaffId } from './preferences';

const httpOptions: HttpClientOptions = { baseUrl: '', staffId: readActingStaffId };

export const isDesktop = typeof window !== 'undefined' && window.studio !== undefined;

export const api: StudioApi = window.studio?.api ?? createHttpApi(httpOptions);

/** Operations the contract marks `reportsProgress` (the flag is not kept in the type, so listed). */
export type ProgressName = 'imports/strong' | 'imports/exercises' | 'models/refit' | 'schedule/optimize' | 'schedule/trainer-unavailable';

/**
 * Runs a long operation and reports its progress events while it runs. `signal` cancels it on
 * both transports (HTTP: the request is closed; Electron: the bridge's `cancelRunning`); the
 * host stops the worker and nothing is stored. A cancelled call rejects with reason `cancelled`.
 */
export async function callWithProgress<N extends ProgressName>(
  name: N,
  input: InputOf<N>,
  onProgress: (event: ProgressEvent) => void,
  signal?: AbortSignal,
): Promise<OutputOf<N>> {
  const bridge = window.studio;
  if (!bridge) return (await callHttp(httpOptions, name, input, onProgress, signal)) as OutputOf<N>;
  const unsubscribe = bridge.onProgress((e) => onProgress({ fraction: e.fraction, message: e.message }));
  const onAbort = () => bridge.cancelRunning();
  signal?.addEventListener('abort', onAbort);
  try {
    const [ns, method] = apiPath(name);
    const run = (bridge.api as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[ns]![method]!;
    return (await run(input)) as OutputOf<N>;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}
