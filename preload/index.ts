/// <reference lib="dom" />
/**
 * The preload bridge. Exposes `window.studio.api`: exactly the contract's named functions
 * (built from the contract's list, each bound to its own name), `onProgress` and `cancelRunning`. There is no
 * generic `invoke(channel, ...)`: the renderer cannot reach any other IPC channel. Nothing here
 * says who is acting: the main process holds the window's sessions (`main/ipc/calls.ts`).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type OpName } from '../main/contract/index';
import { StudioError, type Envelope, type ErrorPayload } from '../main/contract/errors';

export const CALL_CHANNEL = 'studio:call';
export const PROGRESS_CHANNEL = 'studio:progress';
export const CANCEL_CHANNEL = 'studio:cancel';

interface ProgressMessage { callId: string; fraction: number; message: string }

let nextCall = 0;
/** Calls of this window that have not answered yet (so Cancel can name them). */
const running = new Set<string>();

async function call(name: OpName, input: unknown): Promise<unknown> {
  const callId = `c${++nextCall}`;
  running.add(callId);
  let envelope: Envelope<unknown>;
  try {
    envelope = (await ipcRenderer.invoke(CALL_CHANNEL, { name, input, callId })) as Envelope<unknown>;
  } finally {
    running.delete(callId);
  }
  if (envelope.ok) return envelope.value;
  // Errors cross contextBridge as plain objects; rebuild the message and keep reason/field.
  const p: ErrorPayload = envelope.error;
  throw Object.assign(new StudioError(p.reason, p.message, p.field, p.errorId), { reason: p.reason, field: p.field, errorId: p.errorId });
}

contextBridge.exposeInMainWorld('studio', {
  api: buildApi(call),
  onProgress(listener: (e: ProgressMessage) => void): () => void {
    const wrapped = (_e: IpcRendererEvent, msg: ProgressMessage) => listener({ callId: msg.callId, fraction: msg.fraction, message: msg.message });
    ipcRenderer.on(PROGRESS_CHANNEL, wrapped);
    return () => { ipcRenderer.removeListener(PROGRESS_CHANNEL, wrapped); };
  },
  cancelRunning(): void {
    if (running.size > 0) ipcRenderer.send(CANCEL_CHANNEL, { callIds: [...running] });
  },
});
