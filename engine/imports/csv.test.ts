import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Delimiter } from './csv';
import { detectDelimiter, readDelimited, stripBom } from './csv';

/** Writes records the way spreadsheet apps do: quote a field when it holds a delimiter, quote or newline. */
function write(records: string[][], delimiter: Delimiter, newline: string): string {
  const quote = (f: string): string =>
    f.includes(delimiter) || f.includes('"') || f.includes('\n') || f.includes('\r') || f === ''
      ? `"${f.replaceAll('"', '""')}"`
      : f;
  return records.map((r) => r.map(quote).join(delimiter)).join(newline);
}

describe('readDelimited', () => {
  it('round-trips any fields written with RFC 4180 quoting, and keeps start lines', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\n', '\r\n', '锻', '1') });
    const records = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(records, fc.constantFrom<Delimiter>(',', ';', '\t'), fc.constantFrom('\n', '\r\n'), (recs, d, nl) => {
      const { records: read, problems } = readDelimited(write(recs, d, nl), d);
      expect(problems).toEqual([]);
      expect(read.map((r) => r.fields)).toEqual(recs);
      let line = 1;
      recs.forEach((rec, i) => {
        expect(read[i]?.line).toBe(line);
        line += 1 + (rec.join('').match(/\n/g)?.length ?? 0);
      });
    }));
  });

  it('skips blank lines and counts them in line numbers', () => {
    const { records } = readDelimited('a,b\n\n1,2\n\n', ',');
    expect(records).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 3, fields: ['1', '2'] }]);
  });

  it('keeps an empty trailing field', () => {
    expect(readDelimited('a,b,\n', ',').records[0]?.fields).toEqual(['a', 'b', '']);
  });
});

describe('detectDelimiter and stripBom', () => {
  it('picks the most frequent delimiter of the header, ignoring quoted text', () => {
    expect(detectDelimiter('Date;Workout Name;"a,b,c,d"\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('日期,锻炼名称,时长')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('single')).toBe(',');
  });

  it('removes only a leading BOM', () => {
    expect(stripBom('\uFEFFDate')).toBe('Date');
    expect(stripBom('Date\uFEFF')).toBe('Date\uFEFF');
  });
});
