/**
 * The renderer's one door to the host. In Electron the preload bridge (`window.studio`) carries
 * the typed calls over IPC and the main process acts as the window's active session; in a
 * browser the typed HTTP client does, with the session token of the staff member the call acts
 * as (`sessionStore.tokenFor`). Every failure is also reported to the auth flow, which shows the
 * lock screen on `locked` and the sign-in on an ended session.
 */
import { apiPath, buildApi, type OpName, type StudioApi, type InputOf, type OutputOf } from '../../main/contract/index';
import type { ProgressEvent } from '../../main/contract/errors';
import { callHttp, type HttpClientOptions } from '../../main/contract/http-client';
import { reportCallFailure, sessionStore } from './features/auth/session-store';

const httpOptions: HttpClientOptions = { baseUrl: '', token: (name, input) => sessionStore.tokenFor(name, input) };

export const isDesktop = typeof window !== 'undefined' && window.studio !== undefined;

type BridgeFn = (input: unknown) => Promise<unknown>;

function bridgeFunction(name: OpName): BridgeFn {
  const [ns, method] = apiPath(name);
  return (window.studio!.api as unknown as Record<string, Record<string, BridgeFn>>)[ns]![method]!;
}

/** Runs `run`, telling the auth flow about a failure (with the staff member the call acted as). */
async function reported<T>(name: OpName, input: unknown, run: () => Promise<T>): Promise<T> {
  const staffId = sessionStore.actingFor(name, input);
  try {
    return await run();
  } catch (error) {
    reportCallFailure({ name, input, staffId, error });
    throw error;
  }
}

export const api: StudioApi = buildApi((name, input) =>
  reported(name, input, () => (isDesktop ? bridgeFunction(name)(input) : callHttp(httpOptions, name, input))));

/** Operations the contract marks `reportsProgress` (the flag is not kept in the type, so listed). */
export type ProgressName = 'imports/strong' | 'imports/history' | 'imports/exercises' | 'models/refit' | 'schedule/optimize' | 'schedule/trainer-unavailable' | 'coach/ask' | 'coach/load-model';

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
  if (!bridge) {
    return (await reported(name, input, () => callHttp(httpOptions, name, input, onProgress, signal))) as OutputOf<N>;
  }
  const unsubscribe = bridge.onProgress((e) => onProgress({ fraction: e.fraction, message: e.message }));
  const onAbort = () => bridge.cancelRunning();
  signal?.addEventListener('abort', onAbort);
  try {
    return (await reported(name, input, () => bridgeFunction(name)(input))) as OutputOf<N>;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}

/**
 * Ends a browser session by its own token (a person signing in again at this tab replaces their
 * older session: it is ended, not left to idle out). In Electron the main process does this.
 */
export function endOlderSession(token: string): void {
  void callHttp({ baseUrl: '', token: () => token }, 'auth/sign-out', {}).catch(() => { /* already ended */ });
}
