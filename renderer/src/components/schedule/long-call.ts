/**
 * The scheduler's long operations (optimize, trainer unavailable) with a progress stream and a
 * Cancel. Over HTTP, aborting the request makes the host cancel the work (nothing is stored);
 * the Electron bridge has no cancel channel yet, so there the call can only be awaited.
 */
import { StudioError, type Envelope, type ProgressEvent } from '../../../../main/contract/errors';
import type { InputOf, OutputOf } from '../../../../main/contract/index';
import { api, isDesktop } from '../../api';
import { readActingStaffId } from '../../preferences';

export type LongScheduleOp = 'schedule/optimize' | 'schedule/trainer-unavailable';

/** Whether Cancel really stops the work on this transport. */
export const canCancel = !isDesktop;

async function readEnvelope(res: Response, onProgress: (e: ProgressEvent) => void): Promise<Envelope<unknown>> {
  if (!res.body || !res.headers.get('content-type')?.includes('ndjson')) return (await res.json()) as Envelope<unknown>;
  const reader = res.body.getReader();
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

async function viaHttp(name: LongScheduleOp, input: unknown, onProgress: (e: ProgressEvent) => void, signal: AbortSignal): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/x-ndjson' };
  const staffId = readActingStaffId();
  if (staffId != null) headers['x-studio-staff'] = String(staffId);
  let envelope: Envelope<unknown>;
  try {
    const res = await fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input), signal });
    envelope = await readEnvelope(res, onProgress);
  } catch (err) {
    if (signal.aborted) throw new StudioError('cancelled', 'Cancelled; nothing was stored');
    if (err instanceof StudioError) throw err;
    throw new StudioError('internal', `the studio server cannot be reached (${(err as Error).message})`);
  }
  if (!envelope.ok) throw StudioError.fromPayload(envelope.error);
  return envelope.value;
}

async function viaBridge(name: LongScheduleOp, input: unknown, onProgress: (e: ProgressEvent) => void): Promise<unknown> {
  const bridge = window.studio!;
  const unsubscribe = bridge.onProgress((e) => onProgress({ fraction: e.fraction, message: e.message }));
  try {
    return name === 'schedule/optimize'
      ? await api.schedule.optimize(input as InputOf<'schedule/optimize'>)
      : await api.schedule.trainerUnavailable(input as InputOf<'schedule/trainer-unavailable'>);
  } finally {
    unsubscribe();
  }
}

/** Runs a long scheduler operation, reporting progress; `signal` cancels it (over HTTP). */
export async function runLongScheduleOp<N extends LongScheduleOp>(
  name: N,
  input: InputOf<N>,
  onProgress: (e: ProgressEvent) => void,
  signal: AbortSignal,
): Promise<OutputOf<N>> {
  const value = isDesktop ? await viaBridge(name, input, onProgress) : await viaHttp(name, input, onProgress, signal);
  return value as OutputOf<N>;
}
