import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapFreeExerciseDb } from '../exercises/free-exercise-db';
import { BUILTIN_EXERCISES } from '../exercises/library';
import { assemblePrompt, type ClubFacts, type MemberFacts } from './prompt';
import { libraryIndex, retrieve, type Passage } from './retrieval';
import { estimateTokens } from './text';

const DATA = path.resolve(process.cwd(), '../shared/data/free-exercise-db/exercises.json');
const library = [...BUILTIN_EXERCISES, ...mapFreeExerciseDb(JSON.parse(readFileSync(DATA, 'utf8')) as unknown[]).exercises];
const context: Passage[] = [
  { id: 'member:1', kind: 'member', title: 'Sara Lind', text: 'Goal hypertrophy, beginner; excluded: knee flexion after a meniscus note.' },
  { id: 'plan:3', kind: 'plan', title: 'Active plan', text: 'Day 1 goblet squat 3x10, dumbbell bench press 3x10; Day 2 Romanian deadlift 3x8.' },
  { id: 'policy:cancel', kind: 'policy', title: 'Cancellation policy', text: 'Classes can be cancelled free of charge up to 2 hours before the start.' },
];
const member: MemberFacts = { name: 'Sara Lind', goal: 'hypertrophy', level: 'beginner', exclusions: ['knee flexion'], activePlan: '4-week plan', recentSessions: [], recentCheckIns: [], rirBiasReps: 0.8 };
const club: ClubFacts = { openingHours: ['Mon 06:00–22:00'], classes: ['Spin'], trainers: ['Tom Baker'] };

describe('retrieval over the 873-exercise library and the member', () => {
  const index = libraryIndex(library);

  it('indexes every exercise once and reuses the index for the same library', () => {
    expect(index.size).toBe(library.length);
    expect(library.length).toBeGreaterThanOrEqual(873);
    expect(libraryIndex(library)).toBe(index);
  });

  it('finds the exercise a question names, and the member plan that mentions it, with sources', () => {
    const r = retrieve('what can replace the romanian deadlift', { library: index, context });
    expect(r.sources[0]!.id).toBe('plan:3');
    expect(r.sources.some((s) => s.kind === 'exercise' && /romanian deadlift/i.test(s.title))).toBe(true);
    expect(r.sources.map((s) => s.id)).toEqual(r.passages.map((p) => p.id));
  });

  it('finds club policies', () => {
    expect(retrieve('can she cancel spin late', { library: index, context }).sources[0]!.id).toBe('policy:cancel');
  });

  it('keeps within the token budget and the passage limit', () => {
    for (const budget of [40, 150, 700]) {
      const r = retrieve('squat press row curl deadlift lunge', { library: index, context, tokenBudget: budget, limit: 5 });
      expect(r.tokens).toBeLessThanOrEqual(budget);
      expect(r.passages.length).toBeLessThanOrEqual(5);
      expect(r.tokens).toBe(r.passages.reduce((s, p) => s + estimateTokens(`${p.title}: ${p.text}`), 0));
    }
  });

  it('puts pinned passages first', () => {
    const r = retrieve('bench', { library: index, context, pinned: [context[0]!] });
    expect(r.passages[0]!.id).toBe('member:1');
  });
});

describe('prompt assembly', () => {
  it('puts the versioned system prompt, the member, the club and the passages with ids into one prompt', () => {
    const p = assemblePrompt({ member, club, passages: context, today: 'Fri 2026-12-04' });
    expect(p.version).toBe('v1');
    expect(p.system).toContain('never give medical advice');
    expect(p.system).toContain('Member: Sara Lind; goal hypertrophy; level beginner.');
    expect(p.system).toContain('RIR bias: +0.8 reps');
    expect(p.system).toContain('[policy:cancel] Cancellation policy');
    expect(p.system).toContain('Opening hours: Mon 06:00–22:00.');
    expect(p.tokens).toBe(estimateTokens(p.system));
  });
});

describe('retrieval speed', () => {
  it('answers a query on the full library in well under 20 ms (median of 30)', () => {
    const index = libraryIndex(library);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      retrieve(`what can replace the barbell back squat ${i}`, { library: index, context });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[15]!).toBeLessThan(20);
  });
});
