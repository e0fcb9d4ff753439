/**
 * Exercise names the apps write that the library's own names, aliases and the matcher
 * (engine/exercises/match) do not reach, mapped to built-in exercise ids: per app where the name
 * is the app's own (seen in the shared exports), and per language for Strong's localized
 * exercise names. Only the same movement with the same equipment is mapped; a name with no
 * such exercise in the library (Olympic lifts, gymnastics holds, wrist curls, stair machines)
 * is left to the mapping step.
 *
 * The localized names are Strong's `Name (Equipment)` pattern in each language, written for the
 * most common lifts; no localized Strong export was available to copy them from.
 */
import type { ImportFormat, Language } from './formats';

type Aliases = Readonly<Record<string, string>>;

/** Names each app writes (English), seen in `../shared/data/logs/exports/`. */
export const APP_EXERCISE_ALIASES: Readonly<Record<ImportFormat, Aliases>> = {
  strong: {
    'Iso-Lateral Row (Machine)': 'machine-seated-row',
    'Stiff Leg Deadlift (Dumbbell)': 'dumbbell-romanian-deadlift',
    'Cable Row Wide Grip': 'cable-seated-row',
    'Kneeling Pulldown (Band)': 'band-lat-pulldown',
  },
  hevy: {
    'Iso-Lateral Row (Machine)': 'machine-seated-row',
    'Iso-Lateral High Row (Machine)': 'machine-seated-row',
    'Iso-Lateral Horizontal Bench Press': 'machine-chest-press',
    'Iso-Lateral Front Lat Pulldown': 'machine-lat-pulldown',
    'Single Arm Cable Row': 'cable-seated-row',
    'Seated Cable Row - Bar Wide Grip': 'cable-seated-row',
    'Low Cable Fly Crossovers': 'cable-crossover',
    'Reverse Delt - Cable': 'cable-reverse-fly',
    'Calf Extension (Machine)': 'leg-press-calf-raise',
  },
  fitbod: {
    'Barbell Shoulder Press': 'barbell-overhead-press',
    'Dumbbell Squeeze Press': 'dumbbell-bench-press',
    'Wide Grip Barbell Curl': 'barbell-curl',
    'Dumbbell Stiff Legged Deadlift': 'dumbbell-romanian-deadlift',
    'Elevated Hip Bridge': 'glute-bridge',
  },
  fitnotes: {},
};

/** Strong's exercise names in other languages, for the most common lifts. */
export const LOCALIZED_EXERCISE_ALIASES: Readonly<Partial<Record<Language, Aliases>>> = {
  de: {
    'Bankdrücken (Langhantel)': 'barbell-bench-press', 'Bankdrücken (Kurzhantel)': 'dumbbell-bench-press',
    'Kniebeuge (Langhantel)': 'barbell-back-squat', 'Kreuzheben (Langhantel)': 'barbell-deadlift',
    'Schulterdrücken (Langhantel)': 'barbell-overhead-press', 'Vorgebeugtes Rudern (Langhantel)': 'barbell-bent-over-row',
    'Klimmzug': 'pull-up', 'Latzug (Kabel)': 'cable-lat-pulldown', 'Bizepscurl (Langhantel)': 'barbell-curl',
    'Beinpresse': 'machine-leg-press', 'Seitheben (Kurzhantel)': 'dumbbell-lateral-raise',
  },
  fr: {
    'Développé couché (Barre)': 'barbell-bench-press', 'Développé couché (Haltères)': 'dumbbell-bench-press',
    'Squat (Barre)': 'barbell-back-squat', 'Soulevé de terre (Barre)': 'barbell-deadlift',
    'Développé militaire (Barre)': 'barbell-overhead-press', 'Rowing barre (Barre)': 'barbell-bent-over-row',
    'Traction': 'pull-up', 'Tirage vertical (Câble)': 'cable-lat-pulldown', 'Curl biceps (Barre)': 'barbell-curl',
    'Presse à cuisses': 'machine-leg-press', 'Élévation latérale (Haltères)': 'dumbbell-lateral-raise',
  },
  es: {
    'Press de banca (Barra)': 'barbell-bench-press', 'Press de banca (Mancuerna)': 'dumbbell-bench-press',
    'Sentadilla (Barra)': 'barbell-back-squat', 'Peso muerto (Barra)': 'barbell-deadlift',
    'Press militar (Barra)': 'barbell-overhead-press', 'Remo inclinado (Barra)': 'barbell-bent-over-row',
    'Dominada': 'pull-up', 'Jalón al pecho (Cable)': 'cable-lat-pulldown', 'Curl de bíceps (Barra)': 'barbell-curl',
    'Prensa de piernas': 'machine-leg-press', 'Elevación lateral (Mancuerna)': 'dumbbell-lateral-raise',
  },
  it: {
    'Panca piana (Bilanciere)': 'barbell-bench-press', 'Panca piana (Manubri)': 'dumbbell-bench-press',
    'Squat (Bilanciere)': 'barbell-back-squat', 'Stacco da terra (Bilanciere)': 'barbell-deadlift',
    'Lento avanti (Bilanciere)': 'barbell-overhead-press', 'Rematore (Bilanciere)': 'barbell-bent-over-row',
    'Trazioni': 'pull-up', 'Lat machine (Cavo)': 'cable-lat-pulldown', 'Curl bicipiti (Bilanciere)': 'barbell-curl',
    'Leg press': 'machine-leg-press', 'Alzate laterali (Manubri)': 'dumbbell-lateral-raise',
  },
  tr: {
    'Bench Press (Halter)': 'barbell-bench-press', 'Bench Press (Dambıl)': 'dumbbell-bench-press',
    'Squat (Halter)': 'barbell-back-squat', 'Deadlift (Halter)': 'barbell-deadlift',
    'Omuz Press (Halter)': 'barbell-overhead-press', 'Eğilerek Row (Halter)': 'barbell-bent-over-row',
    'Barfiks': 'pull-up', 'Lat Pulldown (Kablo)': 'cable-lat-pulldown', 'Biceps Curl (Halter)': 'barbell-curl',
    'Leg Press': 'machine-leg-press', 'Yana Açış (Dambıl)': 'dumbbell-lateral-raise',
  },
  zh: {
    '卧推（杠铃）': 'barbell-bench-press', '深蹲（杠铃）': 'barbell-back-squat', '硬拉（杠铃）': 'barbell-deadlift',
    '引体向上': 'pull-up',
  },
};

/**
 * The library id an app's exercise name stands for, from the tables above (exact name, case and
 * surrounding spaces ignored), or null. `format` picks the app's own table; the localized tables
 * apply to every app.
 */
export function appExerciseAlias(format: ImportFormat, name: string): string | null {
  const key = name.trim().toLowerCase();
  for (const table of [APP_EXERCISE_ALIASES[format], ...Object.values(LOCALIZED_EXERCISE_ALIASES)]) {
    for (const [alias, id] of Object.entries(table ?? {})) if (alias.toLowerCase() === key) return id;
  }
  return null;
}
