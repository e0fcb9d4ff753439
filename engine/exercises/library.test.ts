import { describe, expect, it } from 'vitest';
import type { Equipment, Exercise, Pattern } from '../types';
import { BUILTIN_EXERCISES } from './library';
import { normalizedKey } from './names';
import { EQUIPMENT, FORCES, LEVELS, MECHANICS, MUSCLES, PATTERNS } from './vocabulary';

/** Every pattern a planner fills a slot with; `other` is a catch-all for imports only. */
const PLANNER_PATTERNS: readonly Pattern[] = PATTERNS.filter((p) => p !== 'other');
const MAIN_PATTERNS: readonly Pattern[] = [
  'squat', 'hinge', 'lunge', 'horizontal_push', 'vertical_push', 'horizontal_pull', 'vertical_pull',
];

const available = (equipment: readonly Equipment[], pattern: Pattern): Exercise[] =>
  BUILTIN_EXERCISES.filter((e) => e.pattern === pattern && equipment.includes(e.equipment));

describe('built-in exercise library', () => {
  it('has at least 120 exercises', () => {
    expect(BUILTIN_EXERCISES.length).toBeGreaterThanOrEqual(120);
  });

  it('has unique kebab-slug ids', () => {
    const ids = BUILTIN_EXERCISES.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has names and aliases that are unique across the library, ignoring case', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of BUILTIN_EXERCISES) {
      for (const label of new Set([e.name, ...e.aliases].map((l) => l.toLowerCase()))) {
        const other = owner.get(label);
        if (other !== undefined && other !== e.id) clashes.push(`${label}: ${other} / ${e.id}`);
        owner.set(label, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no two exercises whose names or aliases normalise to the same key', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of BUILTIN_EXERCISES) {
      for (const label of [e.name, ...e.aliases]) {
        const key = normalizedKey(label);
        const other = owner.get(key);
        if (other !== undefined && other !== e.id) clashes.push(`${label} → "${key}": ${other} / ${e.id}`);
        owner.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('keeps every field within its vocabulary', () => {
    for (const e of BUILTIN_EXERCISES) {
      expect(e.primaryMuscles.length, e.id).toBeGreaterThan(0);
      for (const m of [...e.primaryMuscles, ...e.secondaryMuscles]) expect(MUSCLES, e.id).toContain(m);
      expect(e.secondaryMuscles.filter((m) => e.primaryMuscles.includes(m)), e.id).toEqual([]);
      expect(EQUIPMENT, e.id).toContain(e.equipment);
      expect(LEVELS, e.id).toContain(e.level);
      expect(MECHANICS, e.id).toContain(e.mechanic);
      expect(FORCES, e.id).toContain(e.force);
      expect(PATTERNS, e.id).toContain(e.pattern);
      expect(['strength', 'cardio', 'stretching', 'plyometrics'], e.id).toContain(e.category);
      expect(e.substitutionGroup, e.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(e.source).toBe('builtin');
      expect(e.sourceId).toBeNull();
    }
  });

  it('gives every exercise a name, aliases and 1–3 short instruction sentences', () => {
    for (const e of BUILTIN_EXERCISES) {
      expect(e.name.trim(), e.id).not.toBe('');
      expect(e.aliases.length, e.id).toBeGreaterThan(0);
      expect(e.instructions.length, e.id).toBeGreaterThanOrEqual(1);
      expect(e.instructions.length, e.id).toBeLessThanOrEqual(3);
      for (const s of e.instructions) expect(s.length, `${e.id}: ${s}`).toBeLessThanOrEqual(200);
    }
  });

  it('keeps each substitution group within one movement pattern', () => {
    const patternOf = new Map<string, Pattern>();
    for (const e of BUILTIN_EXERCISES) {
      const seen = patternOf.get(e.substitutionGroup);
      if (seen !== undefined) expect(e.pattern, `${e.id} in ${e.substitutionGroup}`).toBe(seen);
      patternOf.set(e.substitutionGroup, e.pattern);
    }
  });

  it.each(PLANNER_PATTERNS)('has at least 3 exercises for pattern %s', (pattern) => {
    expect(BUILTIN_EXERCISES.filter((e) => e.pattern === pattern).length).toBeGreaterThanOrEqual(3);
  });

  it.each(MAIN_PATTERNS)('gives a body-weight-only member an exercise for %s', (pattern) => {
    expect(available(['body_only'], pattern).length).toBeGreaterThanOrEqual(1);
  });

  it.each(MAIN_PATTERNS)('gives a dumbbell-only member an exercise for %s', (pattern) => {
    expect(available(['dumbbell'], pattern).length).toBeGreaterThanOrEqual(1);
  });

  it('covers the equipment a gym has', () => {
    const used = new Set(BUILTIN_EXERCISES.map((e) => e.equipment));
    const required: Equipment[] = [
      'barbell', 'dumbbell', 'kettlebell', 'cable', 'machine', 'smith_machine', 'ez_bar', 'bands', 'body_only', 'pullup_bar',
    ];
    for (const eq of required) expect(used).toContain(eq);
  });

  it('includes the staple lifts by id', () => {
    const ids = new Set(BUILTIN_EXERCISES.map((e) => e.id));
    for (const id of [
      'barbell-back-squat', 'barbell-front-squat', 'barbell-romanian-deadlift', 'barbell-hip-thrust', 'machine-leg-press',
      'dumbbell-lunge', 'bodyweight-split-squat', 'pull-up', 'chest-dip', 'cable-face-pull', 'plank', 'dumbbell-farmers-carry',
    ]) expect(ids).toContain(id);
  });
});
