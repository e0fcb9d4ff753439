/** Rows of the coach's tables as contract views. */
import type { CoachActionRow, CoachMessageRow } from '../../db/coach';
import type { CoachActionView, CoachMessageView } from '../contract/coach-views';
import type { Source } from '../../engine/coach/retrieval';
import type { ToolCall } from '../../engine/coach/tools';

export function messageView(m: CoachMessageRow): CoachMessageView {
  return {
    id: m.id, role: m.role, text: m.text, mode: m.mode, intent: m.intent, sources: m.sources as Source[], toolCalls: m.toolCalls as ToolCall[],
    status: m.status, modelName: m.modelName, tokensPerS: m.tokensPerS, createdAt: m.createdAt,
  };
}

export function actionView(a: CoachActionRow): CoachActionView {
  return {
    id: a.id, messageId: a.messageId, memberId: a.memberId, tool: a.tool, op: a.op, input: a.input, summary: a.summary, status: a.status,
    result: a.result ?? null, error: a.error, decidedAt: a.decidedAt, createdAt: a.createdAt,
  };
}
