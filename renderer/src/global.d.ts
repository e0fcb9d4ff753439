import type { StudioApi } from '../../main/contract/index';

/** A progress event as the Electron preload bridge delivers it. */
export interface BridgeProgressEvent { callId?: string; fraction: number; message: string }

/** What the Electron preload exposes; absent in a plain browser. */
export interface StudioBridge {
  api: StudioApi;
  onProgress(listener: (event: BridgeProgressEvent) => void): () => void;
  /** Cancels the calls of this window still running (the Cancel button of long work). */
  cancelRunning(): void;
}

declare global {
  interface Window { studio?: StudioBridge }
}
