/**
 * The coach at the host (issue 13): the model state and the one inference runtime, and one message
 * end to end: facts and retrieval, the prompt, the model (functions in one step, the JSON-schema
 * grammar for plan requests in another) or rules mode, the tools, the answer streamed as text
 * chunks, and the conversation stored with its sources and pending actions. Confirming an action
 * applies it through its own operation as the confirming staff member; every proposal and
 * decision is audited.
 */
import path from 'node:path';
import { recordAudit } from '../../db/audit';
import {
  actionsOf, conversationOf, decideAction, findConversation, getAction, insertAction, insertMessage, messagesOf, updateAction,
} from '../../db/coach';
import { allExercises, exercisesVersion } from '../../db/exercises';
import { getMember } from '../../db/members';
import type { StudioDatabase } from '../../db/open';
import { getSetting, putSetting } from '../../db/settings';
import { parseRequest } from '../../engine/coach/intents';
import { PLAN_REQUEST_JSON_SCHEMA, parsePlanRequest } from '../../engine/coach/plan-request';
import { assemblePrompt, CURRENT_PROMPT, PROMPTS } from '../../engine/coach/prompt';
import { libraryIndex, retrieve } from '../../engine/coach/retrieval';
import { checkToolCall, TOOL_DEFINITIONS, WRITING_TOOLS, type ToolCall } from '../../engine/coach/tools';
import { weekdayOf } from '../../engine/coach/when';
import type { Exercise } from '../../engine/types';
import type { Envelope } from '../contract/errors';
import { StudioError } from '../contract/errors';
import type { CoachActionView, CoachAnswerView, CoachConversationView, CoachModelsView, CoachStatusView } from '../contract/coach-views';
import type { OpName } from '../contract/index';
import { auditActor, type Caller, type HandlerContext } from '../host/context';
import { composeAnswer } from './answer';
import { clubContext, memberContext } from './facts';
import { describeModel, listModels, modelsFolder } from './models';
import type { GenerationResult } from './protocol';
import { InferenceRuntime } from './runtime';
import { runTool, type ToolOutcome } from './tools';
import { actionView, messageView } from './views';

const DAY = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SETTING_MODEL = 'coach.model';
const SETTING_MAX_TOKENS = 'coach.maxTokens';
/** Default bound of one answer's generation (tokens). */
export const DEFAULT_MAX_TOKENS = 256;
/** A plan request is short JSON; it gets at least this many tokens so it can close. */
const PLAN_JSON_MIN_TOKENS = 256;

export interface CoachDeps {
  store: StudioDatabase;
  /** Runs an operation as `caller` through the registry (admission, access, ownership). */
  call(name: OpName, input: unknown, caller: Caller): Promise<Envelope<unknown>>;
  /** The refusal message `caller` would get for `name` with `input`, or null. */
  admission(name: OpName, input: unknown, caller: Caller): string | null;
  /** Inference threads (default: physical cores). */
  threads?: number;
}

export interface AskOptions { onChunk?: (text: string, tokensSoFar: number) => void; signal?: AbortSignal; dryRun?: boolean }

export class CoachService {
  private runtime: InferenceRuntime | null = null;
  private model: CoachStatusView['model'] & { path: string } | null = null;
  private loading: CoachStatusView['loading'] = null;
  private lastError: string | null = null;
  private library: { version: string; exercises: Exercise[] } | null = null;

  constructor(private deps: CoachDeps) {}

  get folder(): string { return modelsFolder(this.deps.store.path === ':memory:' ? path.join(process.cwd(), 'studio.db') : this.deps.store.path); }

  /** STUDIO_COACH_MAX_TOKENS, else the setting, else 256. */
  maxTokens(): number {
    const env = Number(process.env.STUDIO_COACH_MAX_TOKENS);
    if (Number.isInteger(env) && env > 0) return env;
    const set = getSetting(this.deps.store.db, SETTING_MAX_TOKENS);
    return typeof set === 'number' && set > 0 ? set : DEFAULT_MAX_TOKENS;
  }

  status(): CoachStatusView {
    const m = this.model;
    return {
      mode: m ? 'model' : 'rules',
      model: m ? { name: m.name, file: m.file, loadMs: m.loadMs, tokensPerS: m.tokensPerS, threads: m.threads, contextSize: m.contextSize } : null,
      loading: this.loading, lastError: this.lastError, modelsFolder: this.folder, maxTokens: this.maxTokens(), hint: PROMPTS[CURRENT_PROMPT].NO_MODEL_HINT,
    };
  }

  async models(): Promise<CoachModelsView> {
    return { folder: this.folder, models: await listModels(this.folder), status: this.status() };
  }

  private rt(): InferenceRuntime {
    // The context: as large as memory allows between 2048 and 8192 tokens (prompt, passages, the
    // tools' documentation and the answer must fit; byte-level tokenizers need the most).
    this.runtime ??= new InferenceRuntime({ threads: this.deps.threads, contextSize: { min: 2048, max: 8192 } });
    return this.runtime;
  }

  /**
   * Loads a model (a file in the models folder or an absolute path), then measures tokens/s on a
   * short generation. A file that is not GGUF or fails to load leaves the coach in rules mode with
   * the error named (`invalid_input`, field `path`).
   */
  async loadModel(file: string, o: { maxTokens?: number; staffId: number | null; onProgress?: (f: number) => void; /** Remember it as the studio's model (default true; the CLI's dry runs do not). */ persist?: boolean }): Promise<CoachStatusView> {
    if (this.loading) throw new StudioError('conflict', `a model is loading already (${this.loading.file})`, 'path');
    const full = path.isAbsolute(file) ? file : path.join(this.folder, file);
    if (!full.toLowerCase().endsWith('.gguf')) throw new StudioError('invalid_input', 'a model is a .gguf file', 'path');
    const persist = o.persist !== false;
    if (o.maxTokens !== undefined && persist) putSetting(this.deps.store.db, SETTING_MAX_TOKENS, o.maxTokens, o.staffId);
    let described;
    try { described = await describeModel(full); } catch { throw new StudioError('not_found', `there is no model file ${full}`, 'path'); }
    const fail = (message: string): never => {
      this.lastError = message;
      throw new StudioError('invalid_input', `${message}; the coach stays in rules mode`, 'path');
    };
    if (described.problem) fail(`${described.file} is ${described.problem}`);
    this.loading = { file: described.file, fraction: 0 };
    try {
      const loaded = await this.rt().load(full, (f) => { this.loading = { file: described.file, fraction: f }; o.onProgress?.(f); });
      const probe = await this.rt().chat({ system: 'Reply briefly.', history: [], user: 'Hello', functions: {}, maxTokens: 16 });
      this.model = { ...loaded, name: described.name, file: described.file, path: full, tokensPerS: Math.round(probe.tokensPerS * 10) / 10 };
      this.lastError = null;
      if (persist) putSetting(this.deps.store.db, SETTING_MODEL, full, o.staffId);
    } catch (err) {
      this.model = null;
      fail(`${described.file} could not be loaded: ${(err as Error).message}`);
    } finally {
      this.loading = null;
    }
    return this.status();
  }

  /** Loads the model chosen last time, in the background (errors are kept as `lastError`). */
  resumeLastModel(): void {
    const last = getSetting(this.deps.store.db, SETTING_MODEL);
    if (typeof last === 'string' && last !== '') void this.loadModel(last, { staffId: null }).catch(() => { /* kept in lastError */ });
  }

  async unloadModel(staffId: number | null): Promise<CoachStatusView> {
    this.model = null;
    await this.runtime?.unload();
    putSetting(this.deps.store.db, SETTING_MODEL, '', staffId);
    return this.status();
  }

  private exercises(): Exercise[] {
    const db = this.deps.store.db;
    const version = exercisesVersion(db);
    if (!this.library || this.library.version !== version) this.library = { version, exercises: allExercises(db) };
    return this.library.exercises;
  }

  conversation(ctx: HandlerContext, memberId: number): CoachConversationView {
    const db = ctx.store.db;
    const member = getMember(db, memberId);
    if (!member) throw new StudioError('not_found', `there is no member with id ${memberId}`, 'memberId');
    const staffId = ctx.caller.staff?.id;
    const conv = staffId !== undefined ? findConversation(db, memberId, staffId) : null;
    return {
      conversationId: conv?.id ?? null, memberId, memberName: member.name,
      messages: conv ? messagesOf(db, conv.id).map(messageView) : [], actions: conv ? actionsOf(db, conv.id).map(actionView) : [], status: this.status(),
    };
  }

  private async generate(system: string, history: Array<{ role: 'user' | 'model'; text: string }>, text: string, planRequest: boolean, o: AskOptions): Promise<{ text: string; calls: ToolCall[]; problems: string[]; gen: GenerationResult }> {
    const rt = this.rt();
    const max = this.maxTokens();
    let tokens = 0;
    const stream = (t: string) => { tokens++; o.onChunk?.(t, tokens); };
    if (planRequest) {
      // The grammar step: no functions here. Invalid output is retried once, then reported.
      const schema = PLAN_REQUEST_JSON_SCHEMA as unknown as Record<string, unknown>;
      const ask = () => rt.json({ system: `${system}\n\n${PROMPTS[CURRENT_PROMPT].PLAN_REQUEST}`, user: text, schema, maxTokens: Math.max(max, PLAN_JSON_MIN_TOKENS) }, undefined, o.signal);
      let gen = await ask();
      let parsed = parsePlanRequest(gen.text);
      if (!parsed.ok && !o.signal?.aborted) { gen = await ask(); parsed = parsePlanRequest(gen.text); }
      return parsed.ok
        ? { text: '', calls: [parsed.call], problems: [], gen }
        : { text: `The model's plan request was invalid twice (${parsed.problem}); nothing was drafted. Try rephrasing, or unload the model to use rules mode.`, calls: [], problems: [], gen };
    }
    const gen = await rt.chat({ system, history, user: text, functions: TOOL_DEFINITIONS, maxTokens: max }, stream, o.signal);
    const calls: ToolCall[] = [];
    const problems: string[] = [];
    for (const f of gen.functionCalls) {
      const checked = checkToolCall(f.name, f.params);
      if (checked.ok) calls.push(checked.call);
      else problems.push(`${checked.tool}: ${checked.problem}`);
    }
    return { text: gen.text, calls, problems, gen };
  }

  /** Answers one message (see the module note). A dry run stores nothing and creates no actions. */
  async ask(ctx: HandlerContext, input: { memberId: number; text: string }, o: AskOptions = {}): Promise<CoachAnswerView> {
    const db = ctx.store.db;
    const member = getMember(db, input.memberId);
    if (!member) throw new StudioError('not_found', `there is no member with id ${input.memberId}`, 'memberId');
    const staffId = ctx.caller.staff?.id ?? null;
    const t0 = performance.now();
    const club = clubContext(db, ctx.now());
    const mem = memberContext(db, member);
    const parsed = parseRequest(input.text, club.vocabulary);
    const retrieved = retrieve(input.text, { library: libraryIndex(this.exercises()), context: [...mem.passages, ...club.passages], pinned: [mem.profilePassage] });
    const t1 = performance.now();
    const prompt = assemblePrompt({ member: mem.facts, club: club.facts, passages: retrieved.passages, today: `${DAY[weekdayOf(club.today)]} ${club.today}` });
    const t2 = performance.now();
    const conv = staffId !== null ? findConversation(db, member.id, staffId) : null;
    const history = conv ? messagesOf(db, conv.id, 8).map((m) => ({ role: m.role === 'staff' ? 'user' as const : 'model' as const, text: m.text.slice(0, 600) })) : [];

    let mode: 'model' | 'rules' = this.model ? 'model' : 'rules';
    let calls = parsed.toolCalls;
    let problems = parsed.problems;
    let modelText = '';
    let gen: GenerationResult | null = null;
    if (mode === 'model' && parsed.intent !== 'medical') {
      try {
        const r = await this.generate(prompt.system, history, input.text, parsed.intent === 'draft_plan', o);
        ({ calls, problems } = r);
        modelText = r.text;
        gen = r.gen;
      } catch (err) {
        mode = 'rules';
        this.lastError = `the model failed on a message: ${(err as Error).message}`;
        modelText = '';
      }
    } else if (mode === 'model') calls = [];
    const stopped = o.signal?.aborted === true;
    const outcomes: ToolOutcome[] = [];
    const env = {
      ctx, member, club,
      call: (name: OpName, i: unknown) => this.deps.call(name, i, ctx.caller),
      admission: (name: OpName, i: unknown) => this.deps.admission(name, i, ctx.caller),
    };
    if (!stopped) for (const c of calls.slice(0, 4)) outcomes.push(await runTool(c, env));
    const answer = composeAnswer({ mode, intent: parsed.intent, modelText, outcomes, problems, club: club.facts });
    // What was not streamed by the model (rules-mode answers, tool lines) streams now.
    const rest = modelText.trim() && answer.startsWith(modelText) ? answer.slice(modelText.length) : answer;
    if (!stopped && o.onChunk) for (const piece of rest.match(/\S+\s*|\s+/g) ?? []) o.onChunk(piece, 0);

    const proposed = outcomes.flatMap((out, i) => (out.kind === 'write' ? [{ tool: calls[i]!.tool, op: out.op, input: out.input, summary: out.summary }] : []));
    const base = {
      mode, intent: parsed.intent, toolCalls: calls, problems, sources: retrieved.sources, answer, stopped, proposed,
      timings: { retrievalMs: t1 - t0, promptMs: t2 - t1, generationMs: gen?.ms ?? null, tokens: gen?.tokens ?? null, tokensPerS: gen ? Math.round(gen.tokensPerS * 10) / 10 : null },
    };
    if (o.dryRun || staffId === null) return { ...base, conversationId: null, question: null, reply: null, actions: [] };

    const at = ctx.now().toISOString();
    const stored = db.transaction((tx) => {
      const c = conversationOf(tx, member.id, staffId);
      const question = insertMessage(tx, { conversationId: c.id, role: 'staff', text: input.text, createdAt: at });
      const reply = insertMessage(tx, {
        conversationId: c.id, role: 'coach', text: answer, mode, intent: parsed.intent, sources: retrieved.sources, toolCalls: calls,
        status: stopped ? 'stopped' : 'complete', promptVersion: prompt.version, modelName: mode === 'model' ? this.model?.name ?? null : null,
        tokens: gen?.tokens ?? null, tokensPerS: gen ? Math.round(gen.tokensPerS * 10) / 10 : null, createdAt: at,
      });
      const actions = proposed.map((p) => {
        const a = insertAction(tx, { conversationId: c.id, messageId: reply.id, memberId: member.id, tool: p.tool, op: p.op, input: p.input, summary: p.summary, proposedBy: staffId, createdAt: at });
        recordAudit(tx, { ...auditActor(ctx), action: 'coach.propose', entity: 'coach_action', entityId: a.id, after: { tool: p.tool, op: p.op, input: p.input, mode }, subjectMemberId: member.id });
        return a;
      });
      return { c, question, reply, actions };
    });
    return { ...base, conversationId: stored.c.id, question: messageView(stored.question), reply: messageView(stored.reply), actions: stored.actions.map(actionView) };
  }

  /**
   * Confirms or rejects a pending action. Confirming claims it first (so two people cannot apply it
   * twice), then applies it through its operation as the confirming staff member; a refusal or
   * failure there marks it `failed` with the reason.
   */
  async decide(ctx: HandlerContext, actionId: number, decision: 'confirm' | 'reject'): Promise<CoachActionView> {
    const db = ctx.store.db;
    const action = getAction(db, actionId);
    if (!action) throw new StudioError('not_found', `there is no coach action with id ${actionId}`, 'actionId');
    if (!WRITING_TOOLS.has(action.tool as never)) throw new StudioError('internal', `action ${actionId} has an unknown tool`);
    const at = ctx.now().toISOString();
    const staffId = ctx.caller.staff?.id ?? null;
    const claimed = db.transaction((tx) => {
      const ok = decideAction(tx, actionId, { status: decision === 'confirm' ? 'confirmed' : 'rejected', decidedBy: staffId, decidedAt: at });
      if (ok && decision === 'reject') recordAudit(tx, { ...auditActor(ctx), action: 'coach.reject', entity: 'coach_action', entityId: actionId, before: { status: 'pending' }, after: { status: 'rejected' }, subjectMemberId: action.memberId });
      return ok;
    });
    if (!claimed) throw new StudioError('conflict', `the action was already ${action.status}`, 'actionId');
    if (decision === 'confirm') {
      const env = await this.deps.call(action.op as OpName, action.input, ctx.caller);
      db.transaction((tx) => {
        if (env.ok) {
          const v = env.value as { id?: number; booking?: { id?: number } };
          const result = { op: action.op, id: v.booking?.id ?? v.id ?? null };
          updateAction(tx, actionId, { result });
          recordAudit(tx, { ...auditActor(ctx), action: 'coach.confirm', entity: 'coach_action', entityId: actionId, before: { status: 'pending' }, after: { status: 'confirmed', ...result }, subjectMemberId: action.memberId });
        } else {
          updateAction(tx, actionId, { status: 'failed', error: env.error.message });
          recordAudit(tx, { ...auditActor(ctx), action: 'coach.confirm_failed', entity: 'coach_action', entityId: actionId, before: { status: 'pending' }, after: { status: 'failed', reason: env.error.reason, message: env.error.message }, subjectMemberId: action.memberId });
        }
      });
    }
    return actionView(getAction(db, actionId)!);
  }

  async close(): Promise<void> {
    await this.runtime?.close();
    this.runtime = null;
  }
}
