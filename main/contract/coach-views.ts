/** What the coach's operations return (issue 13). Instants are ISO-8601 UTC; sizes in bytes. */
import type { ToolCall } from '../../engine/coach/tools';
import type { Intent } from '../../engine/coach/intents';
import type { Source } from '../../engine/coach/retrieval';

export type CoachMode = 'model' | 'rules';

export interface CoachModelFileView {
  file: string;
  path: string;
  sizeBytes: number;
  name: string;
  quantisation: string | null;
  architecture: string | null;
  /** Why it cannot be loaded (not GGUF, cut short), or null. */
  problem: string | null;
}

export interface CoachStatusView {
  mode: CoachMode;
  /** The loaded model, or null in rules mode. */
  model: { name: string; file: string; loadMs: number; tokensPerS: number | null; threads: number; contextSize: number } | null;
  /** A load under way: the file and 0–1. */
  loading: { file: string; fraction: number } | null;
  /** Why the last load failed (the coach then stays in rules mode), or null. */
  lastError: string | null;
  modelsFolder: string;
  /** Most tokens one answer may generate (STUDIO_COACH_MAX_TOKENS or the setting). */
  maxTokens: number;
  /** How to add a model, for the rules-mode badge. */
  hint: string;
}

export interface CoachModelsView { folder: string; models: CoachModelFileView[]; status: CoachStatusView }

export interface CoachMessageView {
  id: number;
  role: 'staff' | 'coach';
  text: string;
  mode: CoachMode | null;
  intent: string | null;
  sources: Source[];
  toolCalls: ToolCall[];
  status: 'complete' | 'stopped' | 'failed';
  modelName: string | null;
  tokensPerS: number | null;
  createdAt: string;
}

export interface CoachActionView {
  id: number;
  messageId: number;
  memberId: number;
  tool: string;
  op: string;
  /** The operation's input once confirmed. */
  input: unknown;
  summary: string;
  status: 'pending' | 'confirmed' | 'rejected' | 'failed';
  /** What applying it returned (e.g. the booking or the draft plan's id), or null. */
  result: unknown;
  error: string | null;
  decidedAt: string | null;
  createdAt: string;
}

export interface CoachConversationView {
  conversationId: number | null;
  memberId: number;
  memberName: string;
  messages: CoachMessageView[];
  actions: CoachActionView[];
  status: CoachStatusView;
}

/** One answer: what was recognised and proposed, what it used, and the stored messages (none in a dry run). */
export interface CoachAnswerView {
  mode: CoachMode;
  intent: Intent;
  toolCalls: ToolCall[];
  /** Problems with proposed calls (invalid arguments, unknown names); never executed. */
  problems: string[];
  sources: Source[];
  answer: string;
  stopped: boolean;
  conversationId: number | null;
  question: CoachMessageView | null;
  reply: CoachMessageView | null;
  actions: CoachActionView[];
  /** For a dry run: the writes that would be proposed (op and input), none applied. */
  proposed: Array<{ tool: string; op: string; input: unknown; summary: string }>;
  timings: { retrievalMs: number; promptMs: number; generationMs: number | null; tokens: number | null; tokensPerS: number | null };
}

export interface PtAppointmentView {
  id: number;
  memberId: number;
  memberName: string;
  trainerId: string;
  trainerName: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  status: 'booked' | 'cancelled';
  source: 'front_desk' | 'coach';
}

export interface MemberFeedbackView { id: number; memberId: number; text: string; rating: number | null; source: 'front_desk' | 'coach'; createdAt: string }
