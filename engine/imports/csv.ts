/**
 * A small, pure delimited-text reader for app exports (RFC 4180 quoting).
 *
 * Why not `csv-parse`: its sync entry point converts strings through Node's `Buffer`, and the
 * engine must stay free of Node APIs. This reader also keeps the 1-based file line on which each
 * record starts, which import error messages need even when a quoted note spans several lines.
 *
 * Rules: fields are separated by one delimiter character; a field that starts with `"` is quoted
 * until the next lone `"` (`""` inside a quoted field is a literal quote); records end at `\n`,
 * `\r\n` or `\r` outside quotes; blank lines are skipped. Reading is lenient where a strict reader
 * would fail: text after a closing quote is kept, and a `"` inside an unquoted field is literal.
 * The one hard failure, a quote still open at the end of the text, is reported as a problem on
 * the line where that record started, and the unfinished record is dropped.
 */

/** One record: its fields and the 1-based line of the file on which it starts. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A structural problem in the text, such as an unclosed quote. */
export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvReadResult {
  records: CsvRecord[];
  problems: CsvProblem[];
}

/** Delimiters seen in app exports: comma (Strong, most locales), semicolon (some Strong versions, EU), tab. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Removes a leading UTF-8 byte-order mark (U+FEFF), which Excel and some apps write. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Picks the delimiter of a file from its first line (the header): the candidate that occurs most
 * often outside quotes. Ties and a line with none of them fall back to comma.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && counts.has(ch as Delimiter)) {
      counts.set(ch as Delimiter, (counts.get(ch as Delimiter) ?? 0) + 1);
    }
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Mutable state of one pass over the text. */
interface ReaderState {
  records: CsvRecord[];
  fields: string[];
  field: string;
  /** The current field began with a quote and that quote is still open. */
  inQuotes: boolean;
  /** The current field began with a quote (so its text is not trimmed of quote marks again). */
  fieldStarted: boolean;
  line: number;
  recordLine: number;
}

/**
 * Splits `text` into records. `text` should already be free of a BOM (see `stripBom`).
 * Never throws; see the module comment for what is reported as a problem.
 */
export function readDelimited(text: string, delimiter: Delimiter): CsvReadResult {
  const s: ReaderState = {
    records: [], fields: [], field: '', inQuotes: false, fieldStarted: false, line: 1, recordLine: 1,
  };
  const delim = delimiter.charCodeAt(0);
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (s.inQuotes) {
      i = readQuoted(text, i, s);
      continue;
    }
    if (code === QUOTE && !s.fieldStarted) {
      s.inQuotes = true;
      s.fieldStarted = true;
    } else if (code === delim) {
      endField(s);
    } else if (code === LF || code === CR) {
      if (code === CR && text.charCodeAt(i + 1) === LF) i += 1;
      endRecord(s);
      s.line += 1;
      s.recordLine = s.line;
    } else {
      // A run of plain characters up to the next delimiter or line end is taken in one slice.
      let j = i + 1;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === delim || c === LF || c === CR) break;
        j += 1;
      }
      s.field += text.slice(i, j);
      s.fieldStarted = true;
      i = j;
      continue;
    }
    i += 1;
  }
  const problems: CsvProblem[] = [];
  if (s.inQuotes) {
    problems.push({ line: s.recordLine, message: 'a quoted field is not closed before the end of the file' });
  } else {
    endRecord(s);
  }
  return { records: s.records, problems };
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Consumes one character (or an escaped quote pair) inside a quoted field; returns the next index. */
function readQuoted(text: string, i: number, s: ReaderState): number {
  const ch = text[i] as string;
  if (ch === '"') {
    if (text[i + 1] === '"') {
      s.field += '"';
      return i + 2;
    }
    s.inQuotes = false;
    return i + 1;
  }
  if (ch === '\n' || ch === '\r') {
    if (ch === '\n' || text[i + 1] !== '\n') s.line += 1;
    s.field += ch;
    return i + 1;
  }
  // A run of characters up to the next quote or line end is taken in one slice.
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === QUOTE || c === LF || c === CR) break;
    j += 1;
  }
  s.field += text.slice(i, j);
  return j;
}

function endField(s: ReaderState): void {
  s.fields.push(s.field);
  s.field = '';
  s.fieldStarted = false;
}

function endRecord(s: ReaderState): void {
  const blank = s.fields.length === 0 && s.field === '' && !s.fieldStarted;
  if (!blank) {
    endField(s);
    s.records.push({ line: s.recordLine, fields: s.fields });
  }
  s.fields = [];
  s.field = '';
  s.fieldStarted = false;
}
