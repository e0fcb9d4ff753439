/**
 * A small builder for the built-in library, so each exercise reads as one short entry.
 *
 * A *family* fixes what a group of exercises shares (pattern, force, muscles, substitution
 * group); each entry then names its id, equipment, Strong-style aliases and instructions,
 * and may override any family default.
 */
import type { Equipment, Exercise, Force, Level, Mechanic, Muscle, Pattern } from '../../types';

/** What a family of exercises shares. `level` defaults to `beginner`, `category` to `strength`. */
export interface FamilyDefaults {
  pattern: Pattern;
  force: Force;
  mechanic: Mechanic;
  /** Substitution group: exercises in one group can stand in for each other. */
  group: string;
  primary: Muscle[];
  secondary?: Muscle[];
  level?: Level;
  category?: string;
}

/** One built-in exercise; any family default may be overridden. */
export interface ExerciseSpec extends Partial<FamilyDefaults> {
  /** Kebab slug, unique across the library, e.g. `barbell-bench-press`. */
  id: string;
  name: string;
  equipment: Equipment;
  /** Other names, including Strong's `Name (Equipment)` form. */
  aliases?: string[];
  /** 1–3 short sentences, written as one string; split into `instructions` at sentence ends. */
  how: string;
}

/** Splits a paragraph into sentences at `.`, `!` or `?` followed by white space. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Returns a builder that turns specs into `Exercise` records with the family's defaults.
 * Pure; never throws. Validation of the result lives in the library tests.
 */
export function family(defaults: FamilyDefaults): (spec: ExerciseSpec) => Exercise {
  return (spec) => {
    const merged = { ...defaults, ...spec };
    return {
      id: spec.id,
      name: spec.name,
      aliases: [...(spec.aliases ?? [])],
      primaryMuscles: [...merged.primary],
      // A family's default secondaries may overlap an entry's own primaries; primaries win.
      secondaryMuscles: (merged.secondary ?? []).filter((m) => !merged.primary.includes(m)),
      equipment: spec.equipment,
      level: merged.level ?? 'beginner',
      mechanic: merged.mechanic,
      force: merged.force,
      pattern: merged.pattern,
      substitutionGroup: merged.group,
      category: merged.category ?? 'strength',
      source: 'builtin',
      sourceId: null,
      instructions: sentences(spec.how),
    };
  };
}
