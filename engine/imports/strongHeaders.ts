/**
 * Column names of Strong app CSV exports, in the languages we have seen, mapped to one set of
 * field keys.
 *
 * Formats known (each header is matched case-insensitively, after trimming):
 * - English, comma-separated (Strong 5.x): `Date,Workout Name,Duration,Exercise Name,Set Order,
 *   Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE`. Newer exports drop the two notes
 *   columns, and may contain `Rest Timer` rows.
 * - English, semicolon-separated (older Strong): `Date;Workout Name;Exercise Name;Set Order;Weight;
 *   Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration`.
 *   Some of these also carry a leading `Workout #` column, which is ignored.
 * - Simplified Chinese (seen in the real export DericMei/My-WorkOut-Project, MIT): 日期, 锻炼名称,
 *   时长, 运动名称, 设置顺序, 重量, 次, 距离, 秒, 备注, 锻炼备注, RPE.
 *
 * No export in another language could be found to copy headers from, so no guessed translations
 * are shipped; a caller that meets one can pass its headers through `extraAliases`.
 */

export const STRONG_FIELDS = [
  'date', 'workoutName', 'duration', 'exerciseName', 'setOrder', 'weight', 'weightUnit', 'reps',
  'distance', 'distanceUnit', 'seconds', 'notes', 'workoutNotes', 'rpe',
] as const;
export type StrongField = (typeof STRONG_FIELDS)[number];

/** Fields without which a file cannot be read as a Strong export. */
export const REQUIRED_FIELDS: readonly StrongField[] = [
  'date', 'workoutName', 'exerciseName', 'setOrder', 'weight', 'reps',
];

/** Header aliases per field. English first: it is what error messages name. */
export const STRONG_HEADER_ALIASES: Readonly<Record<StrongField, readonly string[]>> = {
  date: ['Date', '日期'],
  workoutName: ['Workout Name', '锻炼名称'],
  duration: ['Duration', 'Workout Duration', '时长'],
  exerciseName: ['Exercise Name', '运动名称'],
  setOrder: ['Set Order', '设置顺序'],
  weight: ['Weight', '重量'],
  weightUnit: ['Weight Unit'],
  reps: ['Reps', '次'],
  distance: ['Distance', '距离'],
  distanceUnit: ['Distance Unit'],
  seconds: ['Seconds', '秒'],
  notes: ['Notes', 'Exercise Notes', '备注'],
  workoutNotes: ['Workout Notes', '锻炼备注'],
  rpe: ['RPE'],
};

/** Column index of each field found in the header row. */
export type ColumnMap = Partial<Record<StrongField, number>>;

export interface HeaderMapping {
  columns: ColumnMap;
  /** Required fields with no matching header, e.g. `['reps']`. */
  missing: StrongField[];
  /** Header cells that matched no field (kept for the report; they are ignored). */
  ignored: string[];
}

/** Lower-cases and collapses whitespace, so `" Set  order "` matches `Set Order`. */
function normalizeHeader(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Maps header cells to fields. The first column that matches a field wins; later duplicates are
 * ignored. `extraAliases` adds header names per field (e.g. a language not listed above).
 */
export function mapStrongHeaders(
  headers: readonly string[],
  extraAliases: Partial<Record<StrongField, readonly string[]>> = {},
): HeaderMapping {
  const lookup = new Map<string, StrongField>();
  for (const field of STRONG_FIELDS) {
    for (const alias of [...STRONG_HEADER_ALIASES[field], ...(extraAliases[field] ?? [])]) {
      lookup.set(normalizeHeader(alias), field);
    }
  }
  const columns: ColumnMap = {};
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    const field = lookup.get(normalizeHeader(header));
    if (field === undefined || columns[field] !== undefined) ignored.push(header);
    else columns[field] = index;
  });
  const missing = REQUIRED_FIELDS.filter((field) => columns[field] === undefined);
  return { columns, missing, ignored };
}

/** `Set Order` column (also accepted: 设置顺序) — for messages about a missing field. */
export function describeField(field: StrongField): string {
  const [english, ...others] = STRONG_HEADER_ALIASES[field];
  const rest = others.length > 0 ? ` (also accepted: ${others.join(', ')})` : '';
  return `"${english ?? field}" column${rest}`;
}
