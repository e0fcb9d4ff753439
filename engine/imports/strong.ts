/**
 * Importer for Strong app CSV exports (https://www.strong.app/), pure: text in, sets out.
 *
 * Reads English and Simplified Chinese exports, comma- or semicolon-separated, with or without a
 * BOM, with or without `Weight Unit` / `Distance Unit` / notes columns (see ./strongHeaders).
 * Loads come out in kg, distances in m, durations in s, start times as zone-less local ISO
 * date-times (Strong records the phone's wall clock and no zone).
 *
 * Three outcomes per data row:
 * - `rows`: a usable set;
 * - `rejected`: read fine but not a set (0 reps with no time or distance, a rest-timer row, a
 *   negative load). Not fatal: the import goes on without them;
 * - `errors`: malformed (unreadable date, non-numeric or negative numbers, fractional reps, wrong
 *   field count, unknown unit). The caller must abort the whole import while `errors` is non-empty,
 *   so every error is counted (`errorCount`) and the first 100 are listed.
 * A header with a required column missing is one error per missing column, on line 1.
 *
 * Example: `parseStrongCsv(text).rows[0]` of the real export DericMei/My-WorkOut-Project (MIT) is
 * `{ line: 2, startedAt: '2020-09-29T07:10:22', workoutName: '4.Pull', durationS: 4380,
 *    exerciseName: 'Bent Over Row (Barbell)', setOrder: 1, setKind: 'working', loadKg: 20, reps: 5, ... }`.
 */
import type { CsvRecord } from './csv';
import { detectDelimiter, readDelimited, stripBom } from './csv';
import { describeField, mapStrongHeaders } from './strongHeaders';
import type { ReadContext, RowDraft, UnitApplication } from './strongRow';
import { finalizeRow, readRow } from './strongRow';
import type {
  StrongImportIssue, StrongImportSummary, StrongParseOptions, StrongParseResult, StrongRejectedRow, StrongSetRow,
} from './strongTypes';
import { MAX_REPORTED_ISSUES } from './strongTypes';
import { decideUnit } from './strongUnits';

export type * from './strongTypes';
export { MAX_REPORTED_ISSUES } from './strongTypes';
export type { StrongField } from './strongHeaders';
export { STRONG_FIELDS, STRONG_HEADER_ALIASES, REQUIRED_FIELDS } from './strongHeaders';
export type { SetKind } from './strongValues';
export { parseDuration, parseStrongDate, parseSetOrder } from './strongValues';
export type { UnitSource } from './strongUnits';
export { detectWeightUnit } from './strongUnits';

/** Keeps the first `MAX_REPORTED_ISSUES` issues and counts the rest. */
class IssueList {
  readonly listed: StrongImportIssue[] = [];
  count = 0;

  add(issue: StrongImportIssue): void {
    this.count += 1;
    if (this.listed.length < MAX_REPORTED_ISSUES) this.listed.push(issue);
  }
}

/**
 * Parses a Strong CSV export. Never throws for bad input: problems land in `errors`, `rejected`
 * or `warnings` (see the module comment). `options.unit` overrides the file's unit column and
 * detection (`unitSource: 'option'`).
 */
export function parseStrongCsv(text: string, options: StrongParseOptions = {}): StrongParseResult {
  const clean = stripBom(text);
  const delimiter = detectDelimiter(clean);
  const errors = new IssueList();
  const warnings = new IssueList();
  const { records, problems } = readDelimited(clean, delimiter);
  const [header, ...data] = records;
  const base = { delimiter, warnings: warnings.listed, errors: errors.listed };
  if (header === undefined) {
    errors.add({ line: 1, field: 'file', message: 'The file is empty: expected a Strong CSV export.' });
    return { ...emptyResult(0, options), ...base, errorCount: errors.count };
  }
  const mapping = mapStrongHeaders(header.fields, options.extraHeaderAliases);
  for (const field of mapping.missing) {
    const found = header.fields.map((h) => `"${h.trim()}"`).join(', ');
    errors.add({ line: header.line, field, message: `Missing the ${describeField(field)}. Columns found: ${found}.` });
  }
  if (mapping.missing.length > 0) {
    return { ...emptyResult(data.length, options), ...base, errorCount: errors.count, ignoredColumns: mapping.ignored };
  }
  for (const p of problems) errors.add({ line: p.line, field: 'row', message: p.message });
  const ctx = { columns: mapping.columns, headerCount: header.fields.length, allowDecimalComma: delimiter === ';' };
  const drafts = readDrafts(data, ctx, errors, warnings);
  const columnUnits = mapping.columns.weightUnit === undefined ? null : collectUnits(drafts);
  const decision = decideUnit(options.unit, columnUnits, drafts.map((d) => d.weightRaw));
  const { rows, rejected } = finalizeAll(drafts, { unit: decision.unit, forced: decision.source === 'option' });
  return {
    rows,
    rejected,
    ...base,
    errorCount: errors.count,
    unit: decision.unit,
    unitSource: decision.source,
    unitReason: decision.reason,
    ignoredColumns: mapping.ignored,
    summary: summarize(data.length, rows),
  };
}

function readDrafts(
  data: readonly CsvRecord[], ctx: ReadContext, errors: IssueList, warnings: IssueList,
): RowDraft[] {
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

function collectUnits(drafts: readonly RowDraft[]): Array<'kg' | 'lb'> {
  return drafts.flatMap((d) => (d.weightUnit === null ? [] : [d.weightUnit]));
}

function finalizeAll(drafts: readonly RowDraft[], units: UnitApplication): {
  rows: StrongSetRow[]; rejected: StrongRejectedRow[];
} {
  const rows: StrongSetRow[] = [];
  const rejected: StrongRejectedRow[] = [];
  for (const draft of drafts) {
    const out = finalizeRow(draft, units);
    if ('row' in out) rows.push(out.row);
    else rejected.push(out.rejected);
  }
  return { rows, rejected };
}

/** Counts over usable sets: distinct dates, distinct (start, workout name), sets per exercise. */
export function summarize(rowsTotal: number, rows: readonly StrongSetRow[]): StrongImportSummary {
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

function emptyResult(rowsTotal: number, options: StrongParseOptions): Omit<StrongParseResult, 'delimiter'> {
  const unit = options.unit ?? 'kg';
  return {
    rows: [],
    rejected: [],
    errors: [],
    errorCount: 0,
    warnings: [],
    unit,
    unitSource: options.unit === undefined ? 'default' : 'option',
    unitReason: options.unit === undefined ? 'Nothing was read: kg by default.' : `Unit ${unit} was chosen for this import.`,
    ignoredColumns: [],
    summary: summarize(rowsTotal, []),
  };
}
