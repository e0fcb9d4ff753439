/**
 * `studio coach …`: the coach from a shell, for scripts and checks. `ask` answers as the coach
 * would in the chat (rules mode, or `--model FILE` loaded first) and prints the mode, the intent,
 * the proposed tool calls with their arguments, the writes it would propose, the sources and the
 * answer; it stores nothing and applies no write (a dry run of `coach/ask`).
 */
import type { Command } from 'commander';
import type { CoachAnswerView, CoachModelsView, OpName } from '../contract/index';
import { cliCaller, createHost, type Host } from '../host/host';
import type { Caller } from '../host/context';
import { defaultDbPath } from '../host/paths';

interface Globals { db?: string; json?: boolean; as?: string }

async function value<T>(host: Host, caller: Caller, name: OpName, input: unknown): Promise<T> {
  const env = await host.call(name, input, caller);
  if (!env.ok) throw new Error(`${name}: ${env.error.reason}: ${env.error.message}`);
  return env.value as T;
}

export function coachCommand(program: Command, staffOf: (host: Host, who: string | undefined) => number | null): void {
  const coach = program.command('coach').description('the coach: ask it about a member (dry run), list models');
  coach.command('ask <question>').description('answer a question about a member as the coach would, without storing or applying anything')
    .requiredOption('--member <id|name>', 'the member the question is about')
    .option('--model <file>', 'a GGUF model (in the models folder, or a path) to load first; default: rules mode')
    .option('--max-tokens <n>', 'most tokens to generate', (v) => Number(v))
    .action(async (question: string, o: { member: string; model?: string; maxTokens?: number }) => {
      const g = program.opts<Globals>();
      if (o.maxTokens) process.env.STUDIO_COACH_MAX_TOKENS = String(o.maxTokens);
      const host = createHost(g.db ?? defaultDbPath());
      try {
        const caller = cliCaller(host, staffOf(host, g.as));
        const members = await value<Array<{ id: number; name: string }>>(host, caller, 'members/list', /^\d+$/.test(o.member) ? {} : { query: o.member });
        const member = /^\d+$/.test(o.member) ? members.find((x) => x.id === Number(o.member)) : members.find((x) => x.name.toLowerCase() === o.member.toLowerCase());
        if (!member) throw new Error(`--member: no member "${o.member}"`);
        // Loaded for this run only: the studio's chosen model (a setting) is left as it is.
        if (o.model) await host.coach.loadModel(o.model, { staffId: caller.staff?.id ?? null, persist: false });
        const a = await value<CoachAnswerView>(host, caller, 'coach/ask', { memberId: member.id, text: question, dryRun: true });
        const out = { mode: a.mode, model: host.coach.status().model?.name ?? null, intent: a.intent, toolCalls: a.toolCalls, problems: a.problems, proposed: a.proposed, sources: a.sources, answer: a.answer, timings: a.timings };
        if (g.json) console.log(JSON.stringify(out, null, 2));
        else {
          console.log(`mode: ${out.model ? `model ${out.model}` : 'rules'} · intent: ${a.intent}`);
          for (const c of a.toolCalls) console.log(`tool: ${c.tool} ${JSON.stringify(c.args)}`);
          for (const p of a.proposed) console.log(`would propose: ${p.summary} (${p.op})`);
          console.log(`sources: ${a.sources.map((s) => s.title).join('; ') || 'none'}`);
          console.log(`\n${a.answer}`);
        }
      } catch (err) {
        if (g.json) console.log(JSON.stringify({ ok: false, error: (err as Error).message }));
        else console.error((err as Error).message);
        process.exitCode = 1;
      } finally {
        await host.coach.close();
        host.close();
      }
    });
  coach.command('models').description('the GGUF models in the models folder beside the database')
    .action(async () => {
      const g = program.opts<Globals>();
      const host = createHost(g.db ?? defaultDbPath());
      try {
        const v = await value<CoachModelsView>(host, cliCaller(host, staffOf(host, g.as)), 'coach/models', {});
        if (g.json) console.log(JSON.stringify(v, null, 2));
        else {
          console.log(`models folder: ${v.folder}`);
          for (const m of v.models) console.log(`${m.file}\t${(m.sizeBytes / 1_048_576).toFixed(1)} MB\t${m.problem ?? `${m.name} ${m.quantisation ?? ''}`}`);
          if (v.models.length === 0) console.log('(no .gguf files)');
        }
      } finally {
        host.close();
      }
    });
}
