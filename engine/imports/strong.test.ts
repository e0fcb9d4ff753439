import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_ISSUES, parseDuration, parseSetOrder, parseStrongDate, parseStrongCsv } from './strong';

const REAL_EXPORT = path.resolve(process.cwd(), '../shared/data/logs/strong-export-dericmei/strong.csv');

const ENGLISH_HEADER = 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE';

/** An English comma export in kg, with warm-up, failure and drop sets, a plank and a 0-rep row. */
const ENGLISH_COMMA = [
  ENGLISH_HEADER,
  '2023-05-01 18:00:00,"Push Day",1h 5m,"Bench Press (Barbell)",W,40,10,0,0,,,',
  '2023-05-01 18:00:00,"Push Day",1h 5m,"Bench Press (Barbell)",1,80,5,0,0,"felt good, fast","Evening",8',
  '2023-05-01 18:00:00,"Push Day",1h 5m,"Bench Press (Barbell)",2,82.5,5,0,0,,,8.5',
  '2023-05-01 18:00:00,"Push Day",1h 5m,"Bench Press (Barbell)",F,80,3,0,0,,,',
  '2023-05-01 18:00:00,"Push Day",1h 5m,"Bench Press (Barbell)",D,60,8,0,0,,,',
  '2023-05-01 18:00:00,"Push Day",1h 5m,"Plank",1,0,0,0,60,,,',
  '2023-05-01 18:00:00,"Push Day",1h 5m,"Lateral Raise (Dumbbell)",1,10,0,0,0,,,',
  '2023-05-03 07:30:00,"Pull Day",57m,"Deadlift (Barbell)",1,140,3,0,0,,,',
  '',
].join('\n');

/** The older semicolon format with unit columns (as documented by mtanzim/vis-strong-go). */
const ENGLISH_SEMICOLON = [
  'Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration',
  '2019-01-11 12:31:54;"Leg";"Deadlift (Barbell)";1;20;kg;5;;;;0;"";"";45m',
  '2019-01-11 12:31:54;"Leg";"Deadlift (Barbell)";2;20;kg;4;;;;0;;;45m',
  '2019-01-11 12:31:54;"Leg";"Deadlift (Barbell)";3;102,5;kg;6;9;;;0;;;45m',
  '2019-01-11 12:31:54;"Leg";"Running";1;;;0;;2,5;km;900;;;45m',
].join('\r\n');

describe('parseStrongCsv on the real Chinese-header export (DericMei, MIT)', () => {
  const read = (): string => {
    if (!existsSync(REAL_EXPORT)) throw new Error(`The shared Strong export is missing: ${REAL_EXPORT} (tests read ../shared/data beside the repository).`);
    return readFileSync(REAL_EXPORT, 'utf8');
  };
  it('accounts for all 6,778 rows, detects lb and reads the first set', () => {
    const result = parseStrongCsv(read());
    expect(result.errors).toEqual([]);
    expect(result.errorCount).toBe(0);
    expect(result.rows.length + result.rejected.length).toBe(6778);
    expect(result.summary.rowsTotal).toBe(6778);
    expect(result.summary.days).toBe(378);
    expect(result.summary.exercises).toHaveLength(29);
    expect(result.unit).toBe('lb');
    expect(result.unitSource).toBe('detected');
    expect(result.unitReason).toMatch(/lb/);
    expect(result.rejected).toEqual([{ line: 2756, field: 'reps', reason: '0 reps with no time or distance' }]);
    expect(result.rows[0]).toMatchObject({
      line: 2, startedAt: '2020-09-29T07:10:22', workoutName: '4.Pull', durationS: 4380,
      exerciseName: 'Bent Over Row (Barbell)', setOrder: 1, setKind: 'working', loadKg: 20, reps: 5,
      notes: '4x8', workoutNotes: '星期二', rpe: null, rir: null,
    });
    expect(result.rows.at(-1)?.startedAt.slice(0, 10)).toBe('2023-12-17');
  });

  it('lets an explicit unit override detection', () => {
    const result = parseStrongCsv(read(), { unit: 'kg' });
    expect(result.unit).toBe('kg');
    expect(result.unitSource).toBe('option');
    expect(result.rows[0]?.loadKg).toBeCloseTo(44.092452, 6);
  });
});

describe('parseStrongCsv on English exports', () => {
  it('reads a comma export: set kinds, RPE → RIR, notes with commas, rejections', () => {
    const result = parseStrongCsv(ENGLISH_COMMA);
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(',');
    expect(result.unit).toBe('kg');
    expect(result.unitSource).toBe('detected');
    const kinds = result.rows.map((r) => [r.setOrder, r.setKind, r.rir]);
    expect(kinds.slice(0, 5)).toEqual([
      [null, 'warmup', null], [1, 'working', 2], [2, 'working', 1.5], [null, 'failure', 0], [null, 'drop', null],
    ]);
    expect(result.rows[1]).toMatchObject({ loadKg: 80, reps: 5, rpe: 8, notes: 'felt good, fast', workoutNotes: 'Evening', durationS: 3900 });
    expect(result.rows.find((r) => r.exerciseName === 'Plank')).toMatchObject({ reps: 0, seconds: 60, loadKg: 0 });
    expect(result.rejected).toEqual([{ line: 8, field: 'reps', reason: '0 reps with no time or distance' }]);
    expect(result.summary).toMatchObject({ rowsTotal: 8, days: 2, sessions: 2 });
    expect(result.summary.exercises[0]).toEqual({ name: 'Bench Press (Barbell)', sets: 5 });
  });

  it('reads a semicolon export with Weight Unit and Distance Unit columns', () => {
    const result = parseStrongCsv(ENGLISH_SEMICOLON);
    expect(result.errors).toEqual([]);
    expect(result.delimiter).toBe(';');
    expect(result.unit).toBe('kg');
    expect(result.unitSource).toBe('column');
    expect(result.rows.map((r) => r.loadKg)).toEqual([20, 20, 102.5, 0]);
    expect(result.rows[2]).toMatchObject({ rpe: 9, rir: 1, line: 4, durationS: 2700 });
    expect(result.rows[3]).toMatchObject({ exerciseName: 'Running', distanceM: 2500, seconds: 900, reps: 0 });
  });

  it('converts each row by its own unit when the Weight Unit column mixes kg and lbs', () => {
    const text = ENGLISH_SEMICOLON.replace('1;20;kg;5', '1;45;lbs;5');
    const result = parseStrongCsv(text);
    expect(result.unitSource).toBe('column');
    expect(result.unitReason).toMatch(/each row/);
    expect(result.rows[0]?.loadKg).toBeCloseTo(20.411657, 6);
    expect(result.rows[1]?.loadKg).toBe(20);
  });

  it('lets an explicit unit override a Weight Unit column', () => {
    const result = parseStrongCsv(ENGLISH_SEMICOLON, { unit: 'lb' });
    expect(result.unitSource).toBe('option');
    expect(result.rows[0]?.loadKg).toBeCloseTo(20 * 0.45359237, 6);
  });

  it('detects lb from kg plates exported in pounds, and the option overrides it', () => {
    const rows = [20, 60, 100, 102.5, 40].map((kg, i) =>
      `2023-01-0${String(i + 1)} 10:00:00,A,1h,Squat (Barbell),1,${String(kg / 0.45359237)},5,0,0,,,`);
    const text = [ENGLISH_HEADER, ...rows].join('\n');
    const detected = parseStrongCsv(text);
    expect(detected.unit).toBe('lb');
    expect(detected.rows.map((r) => r.loadKg)).toEqual([20, 60, 100, 102.5, 40]);
    const forced = parseStrongCsv(text, { unit: 'kg' });
    expect(forced.unitSource).toBe('option');
    expect(forced.rows[0]?.loadKg).toBeCloseTo(44.092452, 6);
  });

  it('strips a BOM, reads CRLF, quoted multi-line notes and rest-timer rows', () => {
    const text = '\uFEFF' + [
      ENGLISH_HEADER,
      '2024-02-01 6:05:03\u202fPM,"A",35m,"Squat (Barbell)",1,100,5,0,0,"line one',
      'line two",,',
      '2024-02-01 6:05:03\u202fPM,"A",35m,"Squat (Barbell)",Rest Timer,0,0,0,120,,,',
      '2024-02-01 6:05:03\u202fPM,"A",35m,"Squat (Barbell)",2,100,5,0,0,,,',
    ].join('\r\n');
    const result = parseStrongCsv(text);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(result.rows[0]).toMatchObject({ startedAt: '2024-02-01T18:05:03', notes: 'line one\r\nline two', durationS: 2100 });
    expect(result.rejected).toEqual([]);
    expect(result.skipped).toEqual([{ reason: 'rest timer between sets, not a set', count: 1, firstLine: 4 }]);
  });
});

describe('parseStrongCsv on malformed files', () => {
  it('reports every malformed row with its line and field', () => {
    const text = [
      ENGLISH_HEADER,
      '2023-05-01 18:00:00,A,1h,Squat (Barbell),1,100,5,0,0,,,',
      'yesterday,A,1h,Squat (Barbell),1,100,5,0,0,,,',
      '2023-05-01 18:00:00,A,1h,Squat (Barbell),1,heavy,5,0,0,,,',
      '2023-05-01 18:00:00,A,1h,Squat (Barbell),1,100,-3,0,0,,,',
      '2023-05-01 18:00:00,A,1h,Squat (Barbell),1,100,2.5,0,0,,,',
      '2023-05-01 18:00:00,A,1h,Squat (Barbell),1,100,5,0,0,,',
      '2023-02-30 18:00:00,A,1h,,X,100,five,0,0,,,11',
    ].join('\n');
    const result = parseStrongCsv(text);
    const found = result.errors.map((e) => [e.line, e.field]);
    expect(found).toEqual([
      [3, 'date'], [4, 'weight'], [5, 'reps'], [6, 'reps'], [7, 'row'],
      [8, 'date'], [8, 'exerciseName'], [8, 'setOrder'], [8, 'reps'], [8, 'rpe'],
    ]);
    expect(result.errorCount).toBe(10);
    expect(result.errors[1]?.message).toContain('"heavy"');
    expect(result.rows).toHaveLength(1);
  });

  it('names a missing required column', () => {
    const text = 'Date,Workout Name,Exercise Name,Set Order,Weight,Distance\n2023-05-01 18:00:00,A,Squat,1,100,0';
    const result = parseStrongCsv(text);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ line: 1, field: 'reps' });
    expect(result.errors[0]?.message).toContain('"Reps" column');
    expect(result.rows).toEqual([]);
    expect(result.summary.rowsTotal).toBe(1);
  });

  it('reports an empty file and an unclosed quote', () => {
    expect(parseStrongCsv('').errors[0]).toMatchObject({ line: 1, field: 'file' });
    const unclosed = parseStrongCsv(`${ENGLISH_HEADER}\n2023-05-01 18:00:00,"A,1h,Squat,1,100,5,0,0,,,`);
    expect(unclosed.errors[0]).toMatchObject({ line: 2, field: 'row' });
  });

  it('caps the listed errors at 100 but counts them all', () => {
    const bad = Array.from({ length: 150 }, () => 'not a date,A,1h,Squat,1,100,5,0,0,,,');
    const result = parseStrongCsv([ENGLISH_HEADER, ...bad].join('\n'));
    expect(result.errors).toHaveLength(MAX_REPORTED_ISSUES);
    expect(result.errorCount).toBe(150);
    expect(result.errors[99]?.line).toBe(101);
  });

  it('warns once per unreadable duration and keeps the rows', () => {
    const rows = ['2023-05-01 18:00:00,A,1 Std. 5 Min.,Squat,1,100,5,0,0,,,', '2023-05-01 18:00:00,A,1 Std. 5 Min.,Squat,2,100,5,0,0,,,'];
    const result = parseStrongCsv([ENGLISH_HEADER, ...rows].join('\n'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ line: 2, field: 'duration' });
    expect(result.rows.map((r) => r.durationS)).toEqual([null, null]);
  });

  it('accepts headers of another language through extraHeaderAliases', () => {
    const text = 'Datum,Training,Übung,Satz,Gewicht,Wdh.\n2023-05-01 18:00:00,A,Kniebeuge,1,100,5';
    expect(parseStrongCsv(text).errorCount).toBeGreaterThan(0);
    const result = parseStrongCsv(text, {
      extraHeaderAliases: {
        date: ['Datum'], workoutName: ['Training'], exerciseName: ['Übung'], setOrder: ['Satz'], weight: ['Gewicht'], reps: ['Wdh.'],
      },
    });
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ exerciseName: 'Kniebeuge', loadKg: 100, reps: 5 });
  });
});

describe('value parsers', () => {
  it.each([
    ['1小时13分钟', 4380], ['57分钟', 3420], ['2小时', 7200], ['1h 13m', 4380], ['73m', 4380], ['45s', 45],
    ['1h', 3600], ['1:13:00', 4380], ['13:05', 785], ['3600', 3600], ['1H 5M 30S', 3930],
  ])('duration %s → %i s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', 'soon', '1x', 'h', '1:2'])('duration %j → null', (text) => {
    expect(parseDuration(text)).toBeNull();
  });

  it.each([
    ['2020-09-29 07:10:22', '2020-09-29T07:10:22'],
    ['2020-09-29T07:10', '2020-09-29T07:10:00'],
    ['2024-01-15 6:05:03 PM', '2024-01-15T18:05:03'],
    ['2024-01-15 12:30:00\u202fAM', '2024-01-15T00:30:00'],
    ['2024-02-29 12:00:00 pm', '2024-02-29T12:00:00'],
  ])('date %s → %s', (text, iso) => {
    expect(parseStrongDate(text)).toBe(iso);
  });

  it.each(['2023-02-29 10:00:00', '2023-13-01 10:00:00', '2023-01-01 24:00:00', '2023-01-01 13:00:00 PM', '29/09/2020 07:10'])(
    'date %s → null', (text) => {
      expect(parseStrongDate(text)).toBeNull();
    },
  );

  it('reads set orders: numbers, W, D, F, rest timers', () => {
    expect(parseSetOrder('3')).toEqual({ kind: 'set', setOrder: 3, setKind: 'working' });
    expect(parseSetOrder('w')).toEqual({ kind: 'set', setOrder: null, setKind: 'warmup' });
    expect(parseSetOrder('D')).toEqual({ kind: 'set', setOrder: null, setKind: 'drop' });
    expect(parseSetOrder('F')).toEqual({ kind: 'set', setOrder: null, setKind: 'failure' });
    expect(parseSetOrder('Rest Timer')).toEqual({ kind: 'rest-timer' });
    expect(parseSetOrder('-1')).toBeNull();
    expect(parseSetOrder('1.5')).toBeNull();
  });
});
