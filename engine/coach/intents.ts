/**
 * Rules mode: the deterministic coach's parser for front-desk requests. It recognises the intent
 * (availability, booking, plan questions, plan drafts, substitutions, explanations, opening hours,
 * progress, feedback, and medical questions it must decline) and proposes the same tool calls the
 * model would, with arguments checked by the same zod schemas (tools.ts).
 *
 * Typos are corrected against the words it knows (text.ts), dates and times are read by when.ts in
 * the club's local time, trainer and class names are matched against the club's own (one typo allowed).
 */
import { checkToolCall, type ToolCall } from './tools';
import { correctTokens, editDistance, hasPhrase, tokenize } from './text';
import { addDays, parseWhen, partWindow, WHEN_WORDS } from './when';
import type { Equipment, Goal, Level } from '../exercises/vocabulary';

export const INTENTS = [
  'availability', 'book', 'plan_question', 'draft_plan', 'substitution', 'explain', 'opening_hours', 'progress', 'feedback', 'medical', 'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface ClubVocabulary {
  /** Club-local date today, YYYY-MM-DD. */
  today: string;
  /** Trainer names as the club knows them ("Tom Baker"). */
  trainers: readonly string[];
  /** Class type names ("Spin", "HIIT", "Yoga Flow"). */
  classTypes: readonly string[];
}

export interface ParsedRequest {
  intent: Intent;
  /** Proposed calls, arguments already validated (an invalid one is listed in `problems` instead). */
  toolCalls: ToolCall[];
  /** What is missing or could not be read, for the answer to ask about. */
  problems: string[];
}

const W = (s: string) => s.split(' ');
const MEDICAL = new Set(W('diagnose diagnosis medication medicine ibuprofen painkiller painkillers doctor physio treat treatment tendinitis tendonitis fracture fractured broken sprain sprained concussion pregnant pregnancy surgery dizzy tore torn tear strained injured injury'));
const SUBSTITUTE = new Set(W('substitute substitution swap replace replacement alternative alternatives instead sub'));
const PLAN = new Set(W('plan program programme routine split'));
const DRAFT = new Set(W('make create draft build write design generate set'));
const EXPLAIN = new Set(W('why explain reason reasoning'));
const HOURS = new Set(W('open opening opens close closing closes hours shut shuts'));
const PROGRESS = new Set(W('progress progressing progressed improving improved improvement stronger gains e1rm pr prs trend plateau plateaued'));
const AVAIL = new Set(W('available availability free slots slot openings space spaces spots spot places full capacity'));
const BOOK = new Set(W('book booking reserve schedule'));
const BOOK_SOFT = new Set(W('put sign add squeeze pencil get enrol enroll'));
const FEEDBACK = new Set(W('feedback felt feels found said says note log complained enjoyed loved hated'));
const PT = new Set(W('pt personal appointment session 1:1'));
const LEVEL_WORDS: Record<string, Level> = { beginner: 'beginner', novice: 'beginner', intermediate: 'intermediate', advanced: 'advanced' };
const GOAL_WORDS: Record<string, Goal> = { strength: 'strength', hypertrophy: 'hypertrophy', muscle: 'hypertrophy', size: 'hypertrophy', fitness: 'general_fitness', endurance: 'endurance' };
const EQUIPMENT_WORDS: Record<string, Equipment> = {
  barbell: 'barbell', barbells: 'barbell', dumbbell: 'dumbbell', dumbbells: 'dumbbell', kettlebell: 'kettlebell', kettlebells: 'kettlebell',
  cable: 'cable', cables: 'cable', machine: 'machine', machines: 'machine', smith: 'smith_machine', bands: 'bands', band: 'bands',
};
const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', eight: '8', twelve: '12' };
/** Words that make up exercise names, to lift "barbell back squat" out of a sentence. */
const LIFT_HEADS = new Set(W('squat squats bench deadlift deadlifts press presses row rows curl curls lunge lunges pullup pullups pull chinup chinups dip dips pulldown pulldowns thrust thrusts extension extensions raise raises fly flys flyes plank planks crunch crunches shrug shrugs pushup pushups rdl rdls step stepups carry'));
const LIFT_MODIFIERS = new Set(W('barbell dumbbell kettlebell cable machine smith back front goblet overhead incline decline flat romanian sumo conventional leg hip lateral seated standing bent over split bulgarian hack trap hex single arm chest shoulder military calf tricep triceps bicep biceps hammer preacher lat face up ups push'));

const VOCAB = new Set<string>([
  ...MEDICAL, ...SUBSTITUTE, ...PLAN, ...DRAFT, ...EXPLAIN, ...HOURS, ...PROGRESS, ...AVAIL, ...BOOK, ...FEEDBACK, ...PT,
  ...Object.keys(LEVEL_WORDS), ...Object.keys(GOAL_WORDS), ...Object.keys(EQUIPMENT_WORDS), ...LIFT_HEADS, ...LIFT_MODIFIERS,
  ...WHEN_WORDS, ...W('class classes trainer week weeks day days without avoid recommend recommended recommendation load weight doing'),
]);

const any = (tokens: readonly string[], set: ReadonlySet<string>) => tokens.some((t) => set.has(t));

/** The club name (trainer or class) the tokens mention, matched by any of its words (a typo allowed). */
function matchName(tokens: readonly string[], names: readonly string[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    const parts = tokenize(name);
    let score = 0;
    for (const p of parts) {
      if (tokens.includes(p)) score += 2;
      else if (p.length >= 4 && tokens.some((t) => t.length >= 4 && editDistance(t, p, 1) <= 1)) score += 1;
    }
    if (score > 0 && (!best || score > best.score)) best = { name, score };
  }
  return best?.name;
}

/** The exercise named in the tokens: the longest run of name words around a lift word. */
export function exercisePhrase(tokens: readonly string[]): string | undefined {
  let best: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!LIFT_HEADS.has(tokens[i]!)) continue;
    let start = i;
    while (start > 0 && (LIFT_MODIFIERS.has(tokens[start - 1]!) || LIFT_HEADS.has(tokens[start - 1]!))) start--;
    let end = i + 1;
    while (end < tokens.length && (LIFT_HEADS.has(tokens[end]!) || ['up', 'ups', 'down'].includes(tokens[end]!))) end++;
    const run = tokens.slice(start, end);
    if (run.length > best.length) best = run;
  }
  return best.length ? best.join(' ') : undefined;
}

function addHour(time: string): string {
  const h = Math.min(23, Number(time.slice(0, 2)) + 1);
  return `${String(h).padStart(2, '0')}${time.slice(2)}`;
}

function classify(t: readonly string[], raw: string, namesClub: boolean): Intent {
  const isQuestion = /\?\s*$/.test(raw) || ['is', 'are', 'any', 'what', 'when', 'does', 'do', 'can', 'who', 'which'].includes(t[0] ?? '');
  const substitution = any(t, SUBSTITUTE) || hasPhrase(t, 'can t do') || hasPhrase(t, 'cannot do') || hasPhrase(t, 'can not do');
  if (any(t, MEDICAL) && !substitution) return 'medical';
  if (hasPhrase(t, 'is it safe') || hasPhrase(t, 'should she see') || hasPhrase(t, 'should he see')) return 'medical';
  const planWord = any(t, PLAN) || t.some((w) => /^[0-9]+day$/.test(w)) || hasPhrase(t, 'day plan');
  if (planWord && any(t, DRAFT) && !any(t, EXPLAIN)) return 'draft_plan';
  if (substitution) return 'substitution';
  if (any(t, EXPLAIN) || hasPhrase(t, 'how come')) return 'explain';
  const classOrPt = any(t, PT) || t.includes('class') || t.includes('classes');
  const hours = (hasPhrase(t, 'opening hours') || ['close', 'closes', 'closing', 'opens', 'shut', 'shuts'].some((w) => t.includes(w)) || hasPhrase(t, 'you open') || hasPhrase(t, 'gym open') || hasPhrase(t, 'club open') || (t.includes('hours') && !classOrPt));
  if (hours && !any(t, BOOK) && !any(t, AVAIL)) return 'opening_hours';
  const softBook = any(t, BOOK_SOFT) && ['in', 'into', 'up', 'for', 'on', 'onto'].some((w) => t.includes(w)) && (classOrPt || t.some((w) => /[0-9]/.test(w)));
  if (any(t, BOOK) || softBook) {
    const askingAvail = any(t, AVAIL) && isQuestion && !t.includes('book') && !t.includes('reserve');
    return askingAvail ? 'availability' : 'book';
  }
  if (any(t, AVAIL) || hasPhrase(t, 'when can') || (isQuestion && ['any', 'are', 'is', 'does', 'do', 'has', 'have'].includes(t[0] ?? '') && (classOrPt || namesClub)) || hasPhrase(t, 'is there room') || hasPhrase(t, 'any room')) return 'availability';
  if (any(t, PROGRESS) || hasPhrase(t, 'how is') && t.includes('doing') || hasPhrase(t, 'getting on') || hasPhrase(t, 'gone up') || hasPhrase(t, 'since she started') || hasPhrase(t, 'since he started')) return 'progress';
  if (any(t, FEEDBACK)) return 'feedback';
  if (planWord || hasPhrase(t, 'this week') || t.includes('sets') || t.includes('reps') || t.includes('exercises') || /\bday [1-7]\b/.test(t.join(' ')) || hasPhrase(t, 'what is') && t.includes('doing') || t.includes('workout') || t.includes('today')) return 'plan_question';
  if (hours) return 'opening_hours';
  // Fallbacks, all read-only: a trainer or class named with a day or time is about availability;
  // an exercise compared ("easier than", "other than") asks for a substitute; an exercise with a
  // weight asks about the plan.
  const lift = exercisePhrase(t) !== undefined;
  if (lift && (t.includes('than') || t.includes('easier') || t.includes('else'))) return 'substitution';
  if (lift && ['weight', 'load', 'kg', 'heavy'].some((w) => t.includes(w))) return 'plan_question';
  if (namesClub && (t.some((w) => /[0-9]/.test(w)) || WHEN_WORDS.some((w) => t.includes(w)) || hasPhrase(t, 'fit'))) return 'availability';
  return 'unknown';
}

function args(intent: Intent, t: readonly string[], raw: string, club: ClubVocabulary): { calls: Array<{ tool: string; args: Record<string, unknown> }>; problems: string[] } {
  const when = parseWhen(raw, club.today, t);
  const trainer = matchName(t, club.trainers);
  const classType = matchName(t, club.classTypes);
  const problems: string[] = [];
  const ptWanted = any(t, PT) || trainer !== undefined;
  switch (intent) {
    case 'availability': {
      const window = when.time ? { fromTime: when.time, toTime: addHour(when.time) } : when.part ? (() => { const w = partWindow(when.part!); return { fromTime: w.from, toTime: w.to }; })() : {};
      const kind = classType || t.includes('class') || t.includes('classes') ? 'class' : ptWanted ? 'pt' : 'any';
      return { calls: [{ tool: 'check_availability', args: { kind, date: when.date ?? club.today, ...window, days: when.week ? 7 : 1, ...(trainer ? { trainer } : {}), ...(classType ? { classType } : {}) } }], problems };
    }
    case 'book': {
      const kind = classType || t.includes('class') ? 'class' : 'pt';
      if (!when.date) problems.push('which day');
      if (!when.time) problems.push('what time');
      if (kind === 'class' && !classType) problems.push('which class');
      if (problems.length) {
        // Not enough to propose a booking: show what is free instead, and ask.
        return { calls: [{ tool: 'check_availability', args: { kind, date: when.date ?? club.today, days: when.date ? 1 : 7, ...(trainer ? { trainer } : {}), ...(classType ? { classType } : {}) } }], problems };
      }
      const minutes = /\b(30|45|90)\s*(min|mins|minutes)\b/.exec(raw.toLowerCase());
      return { calls: [{ tool: 'schedule_appointment', args: { kind, date: when.date, time: when.time, ...(minutes ? { minutes: Number(minutes[1]) } : {}), ...(trainer ? { trainer } : {}), ...(classType && kind === 'class' ? { classType } : {}) } }], problems };
    }
    case 'draft_plan': {
      const joined = t.join(' ');
      const days = /\b([2-6]) ?(?:day|days)\b/.exec(joined) ?? /\b([2-6])day\b/.exec(joined) ?? /\b([2-6]) ?x\b/.exec(joined);
      const weeks = /\b([1-9]|1[0-2]) ?(?:week|weeks)\b/.exec(joined);
      const level = t.map((w) => LEVEL_WORDS[w]).find(Boolean);
      const goal = t.map((w) => GOAL_WORDS[w]).find(Boolean);
      const avoid = new Set<Equipment>();
      t.forEach((w, i) => {
        const e = EQUIPMENT_WORDS[w];
        if (!e) return;
        const before = t.slice(Math.max(0, i - 3), i);
        if (before.some((b) => b === 'no' || b === 'without' || b === 'avoid' || b === 'avoiding') || t[i + 1] === 'free') avoid.add(e);
      });
      if (!days) problems.push('how many days a week');
      return { calls: days ? [{ tool: 'draft_plan', args: { daysPerWeek: Number(days[1]), ...(weeks ? { weeks: Number(weeks[1]) } : {}), ...(level ? { level } : {}), ...(goal ? { goal } : {}), avoidEquipment: [...avoid] } }] : [], problems };
    }
    case 'substitution': {
      const exercise = exercisePhrase(t);
      if (!exercise) { problems.push('which exercise'); return { calls: [], problems }; }
      const why = /\b(?:because|since|as|due to)\b(.+)$/i.exec(raw) ?? /[,?.;]\s*((?:her|his|their|she|he|they|knee|back|shoulder)\b.+)$/i.exec(raw);
      return { calls: [{ tool: 'suggest_substitution', args: { exercise, ...(why ? { reason: why[1]!.trim().replace(/[?.!]+$/, '').slice(0, 200) } : {}) } }], problems };
    }
    case 'explain': {
      const exercise = exercisePhrase(t);
      return { calls: [{ tool: 'explain_recommendation', args: exercise ? { exercise } : {} }], problems };
    }
    case 'plan_question': {
      const week = /\bweek ([1-9]|1[0-2])\b/.exec(t.join(' '));
      return { calls: [{ tool: 'get_member_plan', args: week ? { week: Number(week[1]) } : {} }], problems };
    }
    case 'progress': return { calls: [{ tool: 'get_member_progress', args: {} }], problems };
    case 'feedback': {
      const text = raw.replace(/^\s*(please\s+)?(log|note|record)( that| down)?[:,]?\s*/i, '').trim();
      const rating = /\b([1-9]|10)\s*\/\s*10\b/.exec(raw);
      return { calls: [{ tool: 'log_feedback', args: { text: text.slice(0, 1000) || raw.slice(0, 1000), ...(rating ? { rating: Number(rating[1]) } : {}) } }], problems };
    }
    default: return { calls: [], problems };
  }
}

/** Parses one front-desk request into an intent and validated tool calls. Pure; no I/O. */
export function parseRequest(text: string, club: ClubVocabulary): ParsedRequest {
  const raw = text.slice(0, 2000);
  const spelled = raw.replace(/\b(one|two|three|four|five|six|eight|twelve)\b/gi, (w) => NUMBER_WORDS[w.toLowerCase()]!)
    .replace(/\bpull[- ]ups?\b/gi, 'pullups').replace(/\bchin[- ]ups?\b/gi, 'chinups').replace(/\bpush[- ]ups?\b/gi, 'pushups')
    .replace(/\b([2-6])-(day|week)/gi, '$1 $2');
  const clubWords = [...club.trainers, ...club.classTypes].flatMap((n) => tokenize(n));
  const tokens = correctTokens(tokenize(spelled), new Set([...VOCAB, ...clubWords]));
  const intent = classify(tokens, raw, matchName(tokens, club.trainers) !== undefined || matchName(tokens, club.classTypes) !== undefined);
  const { calls, problems } = args(intent, tokens, spelled, club);
  const toolCalls: ToolCall[] = [];
  for (const c of calls) {
    const checked = checkToolCall(c.tool, c.args);
    if (checked.ok) toolCalls.push(checked.call);
    else problems.push(`${checked.tool}: ${checked.problem}`);
  }
  return { intent, toolCalls, problems };
}

export { addDays };
