/**
 * The workout-app export formats the studio reads, their header aliases (one table per app and
 * language), and how a file's format and layout are recognised from its header, or, for a file
 * with no header row, from the shape of its rows.
 *
 * A header cell is matched case-insensitively after trimming and collapsing spaces. A unit in the
 * header is split off first and kept: `Weight (kg)`, `Weight(kg)`, `weight_lbs`, `Distance (meters)`,
 * `distance_km`, `Duration (sec)`, `duration_seconds` are `Weight` / `Distance` / `Duration` with
 * their unit. The tables then only list base names.
 *
 * Sources of the header lines: the real exports of `../shared/data/logs/exports/` (Strong in
 * English and, from DericMei/My-WorkOut-Project, Simplified Chinese; Hevy; Fitbod; FitNotes).
 * The German, French, Spanish, Italian and Turkish Strong headers are the app's column names as
 * the app's own language names them; no real export in those languages was available to copy
 * them from, so they are written, not observed. Hevy writes English snake_case headers in every
 * language (only its month names change, see ./dates).
 */
import type { WeightUnit } from '../types';
import { metresPerDistanceUnit } from './strongValues';

export const IMPORT_FORMATS = ['strong', 'hevy', 'fitbod', 'fitnotes'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  strong: 'Strong', hevy: 'Hevy', fitbod: 'Fitbod', fitnotes: 'FitNotes',
};

export const IMPORT_FIELDS = [
  'workoutNumber', 'date', 'endDate', 'workoutName', 'duration', 'exerciseName', 'category', 'setOrder', 'setType',
  'isWarmup', 'weight', 'weightUnit', 'reps', 'distance', 'distanceUnit', 'seconds', 'notes', 'workoutNotes', 'rpe',
] as const;
/** A column's meaning, the same for every app. */
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const LANGUAGES = ['en', 'zh', 'de', 'fr', 'es', 'it', 'tr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English', zh: 'Chinese', de: 'German', fr: 'French', es: 'Spanish', it: 'Italian', tr: 'Turkish',
};

type AliasTable = Partial<Record<ImportField, readonly string[]>>;

/** Strong's column names, one table per language (base names; units in headers are split off). */
export const STRONG_ALIASES: Readonly<Partial<Record<Language, AliasTable>>> = {
  en: {
    workoutNumber: ['Workout #'], date: ['Date'], workoutName: ['Workout Name'], duration: ['Duration', 'Workout Duration'],
    exerciseName: ['Exercise Name'], setOrder: ['Set Order'], weight: ['Weight'], weightUnit: ['Weight Unit'], reps: ['Reps'],
    distance: ['Distance'], distanceUnit: ['Distance Unit'], seconds: ['Seconds'], notes: ['Notes', 'Exercise Notes'],
    workoutNotes: ['Workout Notes'], rpe: ['RPE'],
  },
  zh: {
    workoutNumber: ['锻炼 #', '锻炼#'], date: ['日期'], workoutName: ['锻炼名称'], duration: ['时长'], exerciseName: ['运动名称'],
    setOrder: ['设置顺序'], weight: ['重量'], weightUnit: ['重量单位'], reps: ['次'], distance: ['距离'], distanceUnit: ['距离单位'],
    seconds: ['秒'], notes: ['备注'], workoutNotes: ['锻炼备注'], rpe: ['RPE'],
  },
  de: {
    workoutNumber: ['Training #'], date: ['Datum'], workoutName: ['Trainingsname'], duration: ['Dauer'], exerciseName: ['Übungsname'],
    setOrder: ['Satzreihenfolge'], weight: ['Gewicht'], weightUnit: ['Gewichtseinheit'], reps: ['Wiederholungen'],
    distance: ['Distanz'], distanceUnit: ['Distanzeinheit'], seconds: ['Sekunden'], notes: ['Notizen'],
    workoutNotes: ['Trainingsnotizen'], rpe: ['RPE'],
  },
  fr: {
    workoutNumber: ['Entraînement #'], date: ['Date'], workoutName: ["Nom de l'entraînement"], duration: ['Durée'],
    exerciseName: ["Nom de l'exercice"], setOrder: ['Ordre des séries'], weight: ['Poids'], weightUnit: ['Unité de poids'],
    reps: ['Répétitions'], distance: ['Distance'], distanceUnit: ['Unité de distance'], seconds: ['Secondes'], notes: ['Notes'],
    workoutNotes: ["Notes d'entraînement"], rpe: ['RPE'],
  },
  es: {
    workoutNumber: ['Entrenamiento #'], date: ['Fecha'], workoutName: ['Nombre del entrenamiento'], duration: ['Duración'],
    exerciseName: ['Nombre del ejercicio'], setOrder: ['Orden de la serie'], weight: ['Peso'], weightUnit: ['Unidad de peso'],
    reps: ['Repeticiones'], distance: ['Distancia'], distanceUnit: ['Unidad de distancia'], seconds: ['Segundos'], notes: ['Notas'],
    workoutNotes: ['Notas del entrenamiento'], rpe: ['RPE'],
  },
  it: {
    workoutNumber: ['Allenamento #'], date: ['Data'], workoutName: ['Nome allenamento'], duration: ['Durata'],
    exerciseName: ['Nome esercizio'], setOrder: ['Ordine serie'], weight: ['Peso'], weightUnit: ['Unità di peso'],
    reps: ['Ripetizioni'], distance: ['Distanza'], distanceUnit: ['Unità di distanza'], seconds: ['Secondi'], notes: ['Note'],
    workoutNotes: ['Note allenamento'], rpe: ['RPE'],
  },
  tr: {
    workoutNumber: ['Antrenman #'], date: ['Tarih'], workoutName: ['Antrenman Adı'], duration: ['Süre'], exerciseName: ['Egzersiz Adı'],
    setOrder: ['Set Sırası'], weight: ['Ağırlık'], weightUnit: ['Ağırlık Birimi'], reps: ['Tekrar'], distance: ['Mesafe'],
    distanceUnit: ['Mesafe Birimi'], seconds: ['Saniye'], notes: ['Notlar'], workoutNotes: ['Antrenman Notları'], rpe: ['RPE'],
  },
};

/** Hevy (every app language writes these English headers). */
const HEVY_ALIASES: AliasTable = {
  date: ['start_time'], endDate: ['end_time'], workoutName: ['title'], workoutNotes: ['description'], exerciseName: ['exercise_title'],
  notes: ['exercise_notes'], setOrder: ['set_index'], setType: ['set_type'], weight: ['weight'], reps: ['reps'],
  distance: ['distance'], seconds: ['duration'], rpe: ['rpe'],
};

/** Fitbod's `WorkoutExport.csv`. */
const FITBOD_ALIASES: AliasTable = {
  date: ['Date'], exerciseName: ['Exercise'], reps: ['Reps'], weight: ['Weight'], seconds: ['Duration'], distance: ['Distance'],
  isWarmup: ['isWarmup'], notes: ['Note'],
};

/** FitNotes' `FitNotes_Export_*.csv`. */
const FITNOTES_ALIASES: AliasTable = {
  date: ['Date'], exerciseName: ['Exercise'], category: ['Category'], weight: ['Weight'], reps: ['Reps'], distance: ['Distance'],
  distanceUnit: ['Distance Unit'], seconds: ['Time'], notes: ['Comment'],
};

export interface FormatSpec {
  format: ImportFormat;
  aliases: Readonly<Partial<Record<Language, AliasTable>>>;
  /** Without these columns a header is not this app's. */
  required: readonly ImportField[];
  /** Header cells this app writes that carry nothing the studio stores (not reported as unknown). */
  known: readonly string[];
  /** The first set of an exercise in `setOrder` (Hevy counts from 0). */
  setOrderBase: 0 | 1;
  /** Workout name for apps that write none. */
  defaultWorkoutName: string | null;
}

export const FORMAT_SPECS: Readonly<Record<ImportFormat, FormatSpec>> = {
  strong: {
    format: 'strong', aliases: STRONG_ALIASES, required: ['date', 'workoutName', 'exerciseName', 'setOrder', 'weight', 'reps'],
    known: [], setOrderBase: 1, defaultWorkoutName: null,
  },
  hevy: {
    format: 'hevy', aliases: { en: HEVY_ALIASES }, required: ['date', 'workoutName', 'exerciseName', 'setType', 'weight', 'reps'],
    known: ['superset_id'], setOrderBase: 0, defaultWorkoutName: null,
  },
  fitbod: {
    format: 'fitbod', aliases: { en: FITBOD_ALIASES }, required: ['date', 'exerciseName', 'reps', 'weight', 'isWarmup'],
    known: ['Incline', 'Resistance', 'multiplier'], setOrderBase: 1, defaultWorkoutName: 'Fitbod workout',
  },
  fitnotes: {
    format: 'fitnotes', aliases: { en: FITNOTES_ALIASES }, required: ['date', 'exerciseName', 'category', 'weight', 'reps'],
    known: [], setOrderBase: 1, defaultWorkoutName: 'FitNotes workout',
  },
};

/** The unit a header carries, split off its name. */
export interface HeaderUnit {
  weight?: WeightUnit;
  metresPerDistance?: number;
  /** The header says seconds (`Duration (sec)`, `duration_seconds`). */
  seconds?: boolean;
}

export interface SplitHeader { base: string; unit: HeaderUnit; unitText: string | null }

const SECOND_WORDS = new Set(['s', 'sec', 'secs', 'second', 'seconds', '秒', 'sek', 'sekunden', 'secondes', 'segundos', 'secondi', 'saniye']);

function unitOf(text: string): HeaderUnit | null {
  const t = text.trim().toLowerCase();
  if (t === 'kg' || t === 'kgs') return { weight: 'kg' };
  if (t === 'lb' || t === 'lbs') return { weight: 'lb' };
  if (SECOND_WORDS.has(t)) return { seconds: true };
  const metres = metresPerDistanceUnit(t);
  return metres === null ? null : { metresPerDistance: metres };
}

/** `Weight (kg)` → `{ base: 'weight', unit: { weight: 'kg' } }`; a header without a unit keeps its name. */
export function splitHeader(header: string): SplitHeader {
  const clean = header.trim().replace(/\s+/g, ' ');
  const m = /^(.*?)\s*\(([^()]+)\)$/.exec(clean) ?? /^(.+)_([a-z]+)$/i.exec(clean);
  if (m !== null) {
    const unit = unitOf(m[2] ?? '');
    if (unit !== null) return { base: (m[1] ?? '').toLowerCase(), unit, unitText: m[2] ?? null };
  }
  return { base: clean.toLowerCase(), unit: {}, unitText: null };
}

/** Column index of each field found in the header row. */
export type ColumnMap = Partial<Record<ImportField, number>>;

export interface HeaderMapping {
  format: ImportFormat;
  columns: ColumnMap;
  /** The header cell of each mapped field, as the file writes it (for messages). */
  labels: Partial<Record<ImportField, string>>;
  /** Units stated by the header per field. */
  units: Partial<Record<ImportField, HeaderUnit>>;
  missing: ImportField[];
  ignored: string[];
  /** The language whose table matched most cells (ties: English). */
  language: Language;
  matched: number;
}

/**
 * Maps a header row to one app's fields. The first column that matches a field wins; later
 * duplicates are ignored. `extraAliases` adds header names per field (a language not listed).
 */
export function mapHeaders(
  format: ImportFormat, headers: readonly string[], extraAliases: Partial<Record<ImportField, readonly string[]>> = {},
): HeaderMapping {
  const spec = FORMAT_SPECS[format];
  const lookup = new Map<string, { field: ImportField; language: Language | null }>();
  for (const language of LANGUAGES) {
    const table = spec.aliases[language];
    if (table === undefined) continue;
    for (const [field, names] of Object.entries(table) as Array<[ImportField, readonly string[]]>) {
      for (const name of names) if (!lookup.has(splitHeader(name).base)) lookup.set(splitHeader(name).base, { field, language });
    }
  }
  for (const [field, names] of Object.entries(extraAliases) as Array<[ImportField, readonly string[]]>) {
    for (const name of names) lookup.set(splitHeader(name).base, { field, language: null });
  }
  const votes = new Map<Language, number>();
  const known = new Set(spec.known.map((k) => k.toLowerCase()));
  const columns: ColumnMap = {};
  const labels: HeaderMapping['labels'] = {};
  const units: HeaderMapping['units'] = {};
  const ignored: string[] = [];
  let matched = 0;
  headers.forEach((header, index) => {
    const split = splitHeader(header);
    const hit = lookup.get(split.base);
    if (hit === undefined || columns[hit.field] !== undefined) {
      if (known.has(split.base)) matched += 1;
      else ignored.push(header);
      return;
    }
    matched += 1;
    columns[hit.field] = index;
    labels[hit.field] = header.trim();
    units[hit.field] = split.unit;
    for (const language of LANGUAGES) {
      const names = spec.aliases[language]?.[hit.field] ?? [];
      if (names.some((n) => splitHeader(n).base === split.base)) votes.set(language, (votes.get(language) ?? 0) + 1);
    }
  });
  let language: Language = 'en';
  for (const l of LANGUAGES) if ((votes.get(l) ?? 0) > (votes.get(language) ?? 0)) language = l;
  const missing = spec.required.filter((field) => columns[field] === undefined);
  return { format, columns, labels, units, missing, ignored, language, matched };
}

/** `"Reps" column (also accepted: 次, Wiederholungen, …)` — for messages about a missing field. */
export function describeField(format: ImportFormat, field: ImportField): string {
  const names = LANGUAGES.flatMap((l) => FORMAT_SPECS[format].aliases[l]?.[field] ?? []);
  const [first, ...others] = [...new Set(names)];
  const rest = others.length > 0 ? ` (also accepted: ${others.join(', ')})` : '';
  return `"${first ?? field}" column${rest}`;
}

/** A named layout of an app's export, from the columns it has. */
export function layoutOf(m: HeaderMapping): string {
  const c = m.columns;
  if (m.format === 'strong') {
    if (c.workoutNumber !== undefined) return 'Strong 2025+ (Workout #, Duration (sec), units in the headers)';
    if (c.weightUnit !== undefined) return 'Strong with a Weight Unit column per row';
    if (c.notes !== undefined || c.workoutNotes !== undefined) return 'Strong with notes columns';
    return 'Strong without notes columns';
  }
  if (m.format === 'hevy') {
    const w = m.units.weight?.weight;
    return w === undefined ? 'Hevy' : `Hevy in ${w === 'lb' ? 'lb (weight_lbs)' : 'kg (weight_kg)'}`;
  }
  return FORMAT_NAMES[m.format];
}

/** One-line description of each known format, for the refusal of an unknown file. */
export function knownFormatsText(): string {
  return [
    'Strong (Date, Workout Name, Exercise Name, Set Order, Weight, Reps…; English, Chinese, German, French, Spanish, Italian, Turkish)',
    'Hevy (title, start_time, end_time, exercise_title, set_index, set_type, weight_kg | weight_lbs, reps, rpe…)',
    'Fitbod (Date, Exercise, Reps, Weight(kg), Duration(s), Distance(m), isWarmup…)',
    'FitNotes (Date, Exercise, Category, Weight (kgs|lbs), Reps, Distance, Distance Unit, Time, Comment)',
  ].join('; ');
}

/** The header each app writes, for files that come without one (recognised from the shape of their rows). */
export const HEADERLESS_LAYOUTS: ReadonlyArray<{ format: ImportFormat; layout: string; header: readonly string[] }> = [
  { format: 'strong', layout: 'Strong with notes columns', header: ['Date', 'Workout Name', 'Duration', 'Exercise Name', 'Set Order', 'Weight', 'Reps', 'Distance', 'Seconds', 'Notes', 'Workout Notes', 'RPE'] },
  { format: 'strong', layout: 'Strong without notes columns', header: ['Date', 'Workout Name', 'Duration', 'Exercise Name', 'Set Order', 'Weight', 'Reps', 'Distance', 'Seconds', 'RPE'] },
  { format: 'strong', layout: 'Strong 2025+ (Workout #, Duration (sec), units in the headers)', header: ['Workout #', 'Date', 'Workout Name', 'Duration (sec)', 'Exercise Name', 'Set Order', 'Weight', 'Reps', 'RPE', 'Distance (meters)', 'Seconds', 'Notes', 'Workout Notes'] },
  { format: 'strong', layout: 'Strong with a Weight Unit column per row', header: ['Date', 'Workout Name', 'Exercise Name', 'Set Order', 'Weight', 'Weight Unit', 'Reps', 'RPE', 'Distance', 'Distance Unit', 'Seconds', 'Notes', 'Workout Notes', 'Workout Duration'] },
  { format: 'hevy', layout: 'Hevy', header: ['title', 'start_time', 'end_time', 'description', 'exercise_title', 'superset_id', 'exercise_notes', 'set_index', 'set_type', 'weight', 'reps', 'distance', 'duration_seconds', 'rpe'] },
  { format: 'fitbod', layout: 'Fitbod', header: ['Date', 'Exercise', 'Reps', 'Weight', 'Duration(s)', 'Distance(m)', 'Incline', 'Resistance', 'isWarmup', 'Note', 'multiplier'] },
  { format: 'fitnotes', layout: 'FitNotes', header: ['Date', 'Exercise', 'Category', 'Weight', 'Reps', 'Distance', 'Distance Unit', 'Time', 'Comment'] },
];
