/**
 * The one importer for workout-app exports (Strong, Hevy, Fitbod, FitNotes), pure: text in, sets out.
 *
 * Steps: strip a BOM, pick the delimiter (`,` `;` or tab) from the first line, read the records
 * (./csv), recognise the app and layout from the header (./formats) or, when the first row is data,
 * from the rows' shape, read every row (./row), decide the weight unit (./strongUnits), and turn
 * rows into sets in SI units: loads kg, distances m, durations s, times as zone-less ISO local
 * date-times in the club's zone (./dates).
 *
 * Outcomes per data row, so that every row is accounted for:
 * - `rows`: a usable set;
 * - `skipped`: not a set, left out on purpose and counted per reason (Strong's rest-timer rows);
 * - `rejected`: read fine but not usable (0 reps with no time or distance, a negative load);
 * - `errors`: malformed (unreadable date, text where a number belongs, fractional reps, wrong field
 *   count, unknown unit or set type). The caller must store nothing while `errors` is non-empty;
 *   every error names its line and field, all are counted (`errorCount`), the first 100 listed.
 * A file of no known app is refused with one `file` error naming the header it saw and the
 * formats known. With `format` forced, a missing required column is one error per column.
 */
import type { CsvRecord } from './csv';
import { detectDelimiter, readDelimited, stripBom } from './csv';
import { DateReader, isKnownTimeZone } from './dates';
import type { HeaderMapping, ImportFormat } from './formats';
import {
  describeField, FORMAT_NAMES, FORMAT_SPECS, HEADERLESS_LAYOUTS, IMPORT_FORMATS, knownFormatsText, LANGUAGE_NAMES, layoutOf, mapHeaders,
} from './formats';
import type { ReadContext, RowDraft, UnitApplication } from './row';
import { finalizeRow, readRow } from './row';
import type {
  ImportDetection, ImportIssue, ImportParseOptions, ImportParseResult, ImportRejectedRow, ImportSummary, ImportedSetRow, SkippedRows,
} from './types';
import { MAX_REPORTED_ISSUES } from './types';
import { decideUnit } from './strongUnits';

/** Exercise names of barbell lifts (for unit detection), in the languages of the header tables. */
const BARBELL_NAME = /barbell|langhantel|barre|barra|bilanciere|halter/i;

/** Keeps the first `MAX_REPORTED_ISSUES` issues and counts the rest. */
class IssueList {
  readonly listed: ImportIssue[] = [];
  count = 0;

  add(issue: ImportIssue): void {
    this.count += 1;
    if (this.listed.length < MAX_REPORTED_ISSUES) this.listed.push(issue);
  }
}

interface Recognised { mapping: HeaderMapping; headerless: boolean; layout: string; reason: string }

function quoteHeader(fields: readonly string[]): string {
  return fields.slice(0, 20).map((h) => `"${h.trim().slice(0, 80)}"`).join(', ');
}

/** The app whose header table matches the most cells among those with every required column. */
function recogniseHeader(fields: readonly string[], options: ImportParseOptions): Recognised | null {
  let best: HeaderMapping | null = null;
  for (const format of IMPORT_FORMATS) {
    const m = mapHeaders(format, fields, options.extraHeaderAliases);
    if (m.missing.length === 0 && (best === null || m.matched > best.matched)) best = m;
  }
  if (best === null) return null;
  const lang = best.format === 'strong' ? ` (${LANGUAGE_NAMES[best.language]} headers)` : '';
  const reason = `Header matched ${FORMAT_NAMES[best.format]}${lang}: ${String(best.matched)} of ${String(fields.length)} columns known`
    + (best.ignored.length > 0 ? `, ignored ${quoteHeader(best.ignored)}.` : '.');
  return { mapping: best, headerless: false, layout: layoutOf(best), reason };
}

/**
 * A file whose first row is data: the layout whose column count matches and whose first rows
 * (up to 20) all read without an error.
 */
function recogniseShape(records: readonly CsvRecord[], options: ImportParseOptions, dates: DateReader, allowDecimalComma: boolean): Recognised | null {
  const sample = records.slice(0, 20);
  const width = sample[0]?.fields.length ?? 0;
  for (const candidate of HEADERLESS_LAYOUTS) {
    if (options.format !== undefined && options.format !== 'auto' && options.format !== candidate.format) continue;
    if (candidate.header.length !== width) continue;
    const mapping = mapHeaders(candidate.format, candidate.header);
    const ctx: ReadContext = { mapping, spec: FORMAT_SPECS[candidate.format], headerCount: width, allowDecimalComma, dates };
    if (sample.every((rec) => readRow(rec, ctx).errors.length === 0)) {
      const reason = `No header row: the first ${String(sample.length)} rows have the shape of ${candidate.layout} `
        + `(${String(width)} columns: ${candidate.header.join(', ')}).`;
      return { mapping, headerless: true, layout: candidate.layout, reason };
    }
  }
  return null;
}

/**
 * Parses a workout-app export. Never throws for bad input: problems land in `errors`,
 * `rejected`, `skipped` or `warnings` (see the module comment).
 */
export function parseWorkoutExport(text: string, options: ImportParseOptions = {}): ImportParseResult {
  const clean = stripBom(text);
  const delimiter = detectDelimiter(clean);
  const errors = new IssueList();
  const warnings = new IssueList();
  const timeZone = options.timeZone ?? 'UTC';
  const base = { delimiter, warnings: warnings.listed, errors: errors.listed, timeZone };
  if (!isKnownTimeZone(timeZone)) {
    errors.add({ line: 1, field: 'file', message: `Time zone "${timeZone}" is not an IANA zone name like Europe/Berlin.` });
    return { ...emptyResult(0, options), ...base, errorCount: errors.count };
  }
  const dates = new DateReader(timeZone);
  const { records, problems } = readDelimited(clean, delimiter);
  const header = records[0];
  if (header === undefined) {
    errors.add({ line: 1, field: 'file', message: 'The file is empty: expected a workout export (Strong, Hevy, Fitbod or FitNotes).' });
    return { ...emptyResult(0, options), ...base, errorCount: errors.count };
  }
  const allowDecimalComma = delimiter === ';';
  const forced = options.format !== undefined && options.format !== 'auto' ? options.format : null;
  let recognised = recogniseHeader(header.fields, options);
  if (recognised !== null && forced !== null && recognised.mapping.format !== forced) {
    const message = `The header is that of ${FORMAT_NAMES[recognised.mapping.format]}, not ${FORMAT_NAMES[forced]}: import it with the format `
      + `auto or ${recognised.mapping.format}. Header seen: ${quoteHeader(header.fields)}.`;
    errors.add({ line: header.line, field: 'file', message });
    return { ...emptyResult(records.length - 1, options), ...base, errorCount: errors.count };
  }
  recognised ??= recogniseShape(records, options, dates, allowDecimalComma);
  if (recognised === null && forced !== null) {
    const mapping = mapHeaders(forced, header.fields, options.extraHeaderAliases);
    for (const field of mapping.missing) {
      errors.add({ line: header.line, field, message: `Missing the ${describeField(forced, field)}. Columns found: ${quoteHeader(header.fields)}.` });
    }
    return { ...emptyResult(records.length - 1, options), ...base, errorCount: errors.count, ignoredColumns: mapping.ignored };
  }
  if (recognised === null) {
    const message = `Not an export this studio knows. Header seen: ${quoteHeader(header.fields)} (read with delimiter "${delimiter}"). `
      + `Formats known: ${knownFormatsText()}.`;
    errors.add({ line: header.line, field: 'file', message });
    return { ...emptyResult(records.length - 1, options), ...base, errorCount: errors.count };
  }
  const { mapping, headerless } = recognised;
  const data = headerless ? records : records.slice(1);
  for (const p of problems) errors.add({ line: p.line, field: 'row', message: p.message });
  const ctx: ReadContext = {
    mapping, spec: FORMAT_SPECS[mapping.format], headerCount: headerless ? header.fields.length : header.fields.length, allowDecimalComma, dates,
  };
  const drafts = readDrafts(data, ctx, errors, warnings);
  const columnUnits = mapping.columns.weightUnit === undefined ? null : drafts.flatMap((d) => (d.weightUnit === null ? [] : [d.weightUnit]));
  const headerUnit = mapping.units.weight?.weight;
  const decision = decideUnit(
    options.unit, columnUnits, drafts.map((d) => d.weightRaw),
    headerUnit === undefined ? null : { unit: headerUnit, label: mapping.labels.weight ?? 'Weight' },
    drafts.filter((d) => BARBELL_NAME.test(d.exerciseName)).map((d) => d.weightRaw),
  );
  const { rows, rejected, skipped } = finalizeAll(drafts, { unit: decision.unit, forced: decision.source === 'option' });
  const detection: ImportDetection = {
    format: mapping.format, layout: recognised.layout, language: mapping.language, headerless, reason: recognised.reason,
  };
  return {
    rows,
    rejected,
    skipped,
    ...base,
    errorCount: errors.count,
    detection,
    unit: decision.unit,
    unitSource: decision.source,
    unitReason: decision.reason,
    timeNote: timeNote(drafts, timeZone),
    ignoredColumns: mapping.ignored,
    summary: summarize(data.length, rows),
  };
}

function timeNote(drafts: readonly RowDraft[], timeZone: string): string {
  const zoned = drafts.filter((d) => d.zoned).length;
  const dateOnly = drafts.filter((d) => d.dateOnly).length;
  const parts: string[] = [];
  if (zoned > 0) parts.push(`${String(zoned)} rows carry a UTC offset and were converted to the club's zone (${timeZone})`);
  if (drafts.length - zoned > 0) parts.push(`${String(drafts.length - zoned)} rows have no zone and were read as club time (${timeZone})`);
  if (dateOnly > 0) parts.push(`${String(dateOnly)} rows give a date with no time of day (read as 00:00)`);
  return parts.length === 0 ? `No times read; club zone ${timeZone}.` : `${parts.join('; ')}.`;
}

function readDrafts(data: readonly CsvRecord[], ctx: ReadContext, errors: IssueList, warnings: IssueList): RowDraft[] {
  const drafts: RowDraft[] = [];
  const warnedDurations = new Set<string>();
  for (const record of data) {
    const { draft, errors: rowErrors } = readRow(record, ctx);
    for (const e of rowErrors) errors.add(e);
    if (draft === null) continue;
    drafts.push(draft);
    if (draft.unreadDuration !== null && !warnedDurations.has(draft.unreadDuration)) {
      warnedDurations.add(draft.unreadDuration);
      const message = `duration "${draft.unreadDuration}" could not be read; rows with it have no duration`;
      warnings.add({ line: draft.line, field: 'duration', message });
    }
  }
  return drafts;
}

function finalizeAll(drafts: readonly RowDraft[], units: UnitApplication): {
  rows: ImportedSetRow[]; rejected: ImportRejectedRow[]; skipped: SkippedRows[];
} {
  const rows: ImportedSetRow[] = [];
  const rejected: ImportRejectedRow[] = [];
  let restTimers: SkippedRows | null = null;
  for (const draft of drafts) {
    if (draft.order.kind === 'rest-timer') {
      restTimers ??= { reason: 'rest timer between sets, not a set', count: 0, firstLine: draft.line };
      restTimers.count += 1;
      continue;
    }
    const out = finalizeRow(draft, units);
    if ('row' in out) rows.push(out.row);
    else rejected.push(out.rejected);
  }
  return { rows, rejected, skipped: restTimers === null ? [] : [restTimers] };
}

/** Counts over usable sets: distinct dates, distinct (start, workout name), sets per exercise. */
export function summarize(rowsTotal: number, rows: readonly ImportedSetRow[]): ImportSummary {
  const days = new Set<string>();
  const sessions = new Set<string>();
  const perExercise = new Map<string, number>();
  for (const row of rows) {
    days.add(row.startedAt.slice(0, 10));
    sessions.add(`${row.startedAt}\u0000${row.workoutName}`);
    perExercise.set(row.exerciseName, (perExercise.get(row.exerciseName) ?? 0) + 1);
  }
  const exercises = [...perExercise]
    .map(([name, sets]) => ({ name, sets }))
    .sort((a, b) => b.sets - a.sets || a.name.localeCompare(b.name));
  return { rowsTotal, days: days.size, sessions: sessions.size, exercises };
}

function emptyResult(rowsTotal: number, options: ImportParseOptions): Omit<ImportParseResult, 'delimiter' | 'timeZone'> {
  const unit = options.unit ?? 'kg';
  return {
    rows: [],
    rejected: [],
    skipped: [],
    errors: [],
    errorCount: 0,
    warnings: [],
    detection: null,
    unit,
    unitSource: options.unit === undefined ? 'default' : 'option',
    unitReason: options.unit === undefined ? 'Nothing was read: kg by default.' : `Unit ${unit} was chosen for this import.`,
    timeNote: 'No times read.',
    ignoredColumns: [],
    summary: summarize(rowsTotal, []),
  };
}

export type { ImportFormat };
