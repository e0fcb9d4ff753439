/** The messages between the host and the one inference worker (worker_threads), both ways. */

export interface ChatTurn { role: 'user' | 'model'; text: string }

export type WorkerRequest =
  | { type: 'load'; id: number; modelPath: string; threads: number; contextSize: number | { min: number; max: number } }
  | { type: 'unload'; id: number }
  | { type: 'chat'; id: number; system: string; history: ChatTurn[]; user: string; functions: Record<string, { description: string; params: Record<string, unknown> }>; maxTokens: number }
  | { type: 'json'; id: number; system: string; user: string; schema: Record<string, unknown>; maxTokens: number }
  /** Not queued: stops the request `target` (running: at the next token; queued: before it starts). */
  | { type: 'abort'; target: number };

export interface LoadResult { name: string; loadMs: number; contextSize: number; threads: number }
export interface GenerationResult {
  text: string;
  functionCalls: Array<{ name: string; params: unknown }>;
  stopReason: string;
  tokens: number;
  ms: number;
  /** Generated tokens per second of wall time (0 when none). */
  tokensPerS: number;
}

export type WorkerReply =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'chunk'; id: number; text: string }
  | { type: 'done'; id: number; result: LoadResult | GenerationResult | null }
  | { type: 'error'; id: number; message: string };
