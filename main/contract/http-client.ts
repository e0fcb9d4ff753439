/**
 * The typed HTTP client: `POST /api/<namespace>/<operation>` with a JSON body, answered by an
 * envelope. With `onProgress`, the request asks for an NDJSON stream of progress events that
 * ends in the envelope. An AbortSignal closes the request, which makes the server cancel the work.
 * Works in browsers and in Node 20 (global fetch).
 */
import { buildApi, type OpName, type StudioApi } from './index';
import { StudioError, type Envelope, type ProgressEvent } from './errors';

export interface HttpClientOptions {
  /** e.g. `http://127.0.0.1:5174`; '' for the page's own origin. */
  baseUrl: string;
  /** The session token to send as `Authorization: Bearer` (null: signed out). */
  token?: (name: OpName, input: unknown) => string | null;
}

export type ProgressListener = (event: ProgressEvent) => void;

async function readStream(res: Response, onProgress: ProgressListener): Promise<Envelope<unknown>> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value ?? new Uint8Array(), { stream: !done });
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).trim();
      buffer = buffer.slice(nl + 1);
      if (!line) continue;
      const msg = JSON.parse(line) as { progress?: ProgressEvent } & Partial<Envelope<unknown>>;
      if (msg.progress) onProgress(msg.progress);
      else if (msg.ok !== undefined) return msg as Envelope<unknown>;
    }
    if (done) throw new StudioError('internal', 'the server closed the stream without an answer');
  }
}

/** Calls one operation and unwraps the envelope; throws `StudioError` on `{ ok: false }`. */
export async function callHttp(
  options: HttpClientOptions,
  name: OpName,
  input: unknown,
  onProgress?: ProgressListener,
  signal?: AbortSignal,
): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = options.token?.(name, input);
  if (token) headers.authorization = `Bearer ${token}`;
  if (onProgress) headers.accept = 'application/x-ndjson';
  let res: Response;
  try {
    res = await fetch(`${options.baseUrl}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}), ...(signal ? { signal } : {}) });
  } catch (err) {
    if (signal?.aborted) throw new StudioError('cancelled', `${name} was cancelled; nothing was stored`);
    throw new StudioError('internal', `the studio server cannot be reached (${(err as Error).message})`);
  }
  let envelope: Envelope<unknown>;
  try {
    envelope = onProgress && res.body && res.headers.get('content-type')?.includes('ndjson')
      ? await readStream(res, onProgress)
      : ((await res.json()) as Envelope<unknown>);
  } catch (err) {
    // Aborting closes the request; the server cancels the work and SQLite rolls back.
    if (signal?.aborted) throw new StudioError('cancelled', `${name} was cancelled; nothing was stored`);
    throw err;
  }
  if (!envelope.ok) throw StudioError.fromPayload(envelope.error);
  return envelope.value;
}

export function createHttpApi(options: HttpClientOptions): StudioApi {
  return buildApi((name, input) => callHttp(options, name, input));
}
