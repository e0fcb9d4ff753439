import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DateReader } from './dates';
import { LANGUAGES, STRONG_ALIASES, splitHeader } from './formats';
import type { ImportField, Language } from './formats';
import { parseWorkoutExport } from './parse';

/** A Strong header line in `language`, written from the app's documented English export. */
function strongHeader(language: Language): string {
  const fields: ImportField[] = ['date', 'workoutName', 'duration', 'exerciseName', 'setOrder', 'weight', 'reps', 'distance', 'seconds', 'notes', 'workoutNotes', 'rpe'];
  return fields.map((f) => STRONG_ALIASES[language]?.[f]?.[0] ?? '').join(',');
}

describe('header aliases, one table per language', () => {
  const lines: Record<Language, string> = {
    en: 'Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE',
    zh: '日期,锻炼名称,时长,运动名称,设置顺序,重量,次,距离,秒,备注,锻炼备注,RPE',
    de: 'Datum,Trainingsname,Dauer,Übungsname,Satzreihenfolge,Gewicht,Wiederholungen,Distanz,Sekunden,Notizen,Trainingsnotizen,RPE',
    fr: "Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre des séries,Poids,Répétitions,Distance,Secondes,Notes,Notes d'entraînement,RPE",
    es: 'Fecha,Nombre del entrenamiento,Duración,Nombre del ejercicio,Orden de la serie,Peso,Repeticiones,Distancia,Segundos,Notas,Notas del entrenamiento,RPE',
    it: 'Data,Nome allenamento,Durata,Nome esercizio,Ordine serie,Peso,Ripetizioni,Distanza,Secondi,Note,Note allenamento,RPE',
    tr: 'Tarih,Antrenman Adı,Süre,Egzersiz Adı,Set Sırası,Ağırlık,Tekrar,Mesafe,Saniye,Notlar,Antrenman Notları,RPE',
  };

  it.each(LANGUAGES.map((l) => [l] as const))('Strong in %s: recognised with its language, the row read', (language) => {
    expect(strongHeader(language)).toBe(lines[language]);
    const text = `${lines[language]}\n2024-04-12 18:30:00,"Push",1h 5m,"Bankdrücken (Langhantel)",1,80,5,0,0,"","",8`;
    const r = parseWorkoutExport(text);
    expect(r.errors).toEqual([]);
    expect(r.detection).toMatchObject({ format: 'strong', language, layout: 'Strong with notes columns' });
    expect(r.rows[0]).toMatchObject({ exerciseName: 'Bankdrücken (Langhantel)', loadKg: 80, reps: 5, rpe: 8, rir: 2, rirSource: 'rpe', durationS: 3900 });
  });

  it('German Strong with units in the headers and semicolons (Gewicht (kg), Dauer (Sek))', () => {
    const text = 'Training #;Datum;Trainingsname;Dauer (Sek);Übungsname;Satzreihenfolge;Gewicht (kg);Wiederholungen;RPE;Distanz (Meter);Sekunden\n'
      + '"1";"2025-03-09 14:08:49";"Push";"4543";"Kniebeuge (Langhantel)";"1";"61,5";"5";"";"";""';
    const r = parseWorkoutExport(text);
    expect(r.errors).toEqual([]);
    expect(r.detection?.language).toBe('de');
    expect(r.unitSource).toBe('header');
    expect(r.rows[0]).toMatchObject({ loadKg: 61.5, durationS: 4543 });
  });

  it('splits units off header names', () => {
    expect(splitHeader('Weight (kg)')).toMatchObject({ base: 'weight', unit: { weight: 'kg' } });
    expect(splitHeader('weight_lbs')).toMatchObject({ base: 'weight', unit: { weight: 'lb' } });
    expect(splitHeader('Distance(m)')).toMatchObject({ base: 'distance', unit: { metresPerDistance: 1 } });
    expect(splitHeader('distance_miles')).toMatchObject({ base: 'distance', unit: { metresPerDistance: 1609.344 } });
    expect(splitHeader('Duration (sec)')).toMatchObject({ base: 'duration', unit: { seconds: true } });
    expect(splitHeader('set_index')).toMatchObject({ base: 'set_index', unit: {} });
    expect(splitHeader('Workout #')).toMatchObject({ base: 'workout #', unit: {} });
  });

  it('Hevy, Fitbod and FitNotes header lines as their apps document them', () => {
    const hevy = 'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n'
      + 'Legs,"12 Nis 2024, 18:30","12 Nis 2024, 19:45",,Squat (Barbell),,,0,warmup,60,8,,,\n'
      + 'Legs,"12 Nis 2024, 18:30","12 Nis 2024, 19:45",,Squat (Barbell),,,1,normal,100,5,,,8.5\n'
      + 'Legs,"12 Nis 2024, 18:30","12 Nis 2024, 19:45",,Squat (Barbell),,,2,failure,100,4,,,\n'
      + 'Legs,"12 Nis 2024, 18:30","12 Nis 2024, 19:45",,Squat (Barbell),,,3,dropset,70,8,,,\n'
      + 'Legs,"12 Nis 2024, 18:30","12 Nis 2024, 19:45",,Rowing,,,0,normal,,,2.5,600,';
    const h = parseWorkoutExport(hevy);
    expect(h.errors).toEqual([]);
    expect(h.detection).toMatchObject({ format: 'hevy', layout: 'Hevy in kg (weight_kg)' });
    expect(h.rows.map((r) => [r.setOrder, r.setKind, r.rir, r.rirSource])).toEqual([
      [1, 'warmup', null, null], [2, 'working', 1.5, 'rpe'], [3, 'failure', 0, 'failure'], [4, 'drop', null, null], [1, 'working', null, null],
    ]);
    expect(h.rows[0]).toMatchObject({ startedAt: '2024-04-12T18:30:00', durationS: 75 * 60 });
    expect(h.rows[4]).toMatchObject({ distanceM: 2500, seconds: 600 });

    const fitbod = 'Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier\n'
      + '2025-12-17 03:24:30 +0000,Dumbbell Row, 8,34.0,0.0,0.0,0.0,0.0,false,, 2.0\n'
      + '2025-12-17 03:24:30 +0000,Dumbbell Row, 10,20.0,0.0,0.0,0.0,0.0,true,, 2.0';
    const f = parseWorkoutExport(fitbod, { timeZone: 'America/New_York' });
    expect(f.errors).toEqual([]);
    expect(f.detection?.format).toBe('fitbod');
    expect(f.rows.map((r) => [r.startedAt, r.setKind, r.loadKg])).toEqual([
      ['2025-12-16T22:24:30', 'working', 34], ['2025-12-16T22:24:30', 'warmup', 20],
    ]);

    const fitnotes = 'Date,Exercise,Category,Weight (lbs),Reps,Distance,Distance Unit,Time,Comment\n'
      + '2016-03-12,Flat Barbell Bench Press,Chest,135.0,5,,,,""\n'
      + '2016-03-12,Treadmill,Cardio,,,3.1,mi,0:25:00,"easy"';
    const n = parseWorkoutExport(fitnotes);
    expect(n.errors).toEqual([]);
    expect(n.detection?.format).toBe('fitnotes');
    expect(n.unit).toBe('lb');
    expect(n.rows[0]?.loadKg).toBeCloseTo(135 * 0.45359237, 6);
    expect(n.rows[1]).toMatchObject({ seconds: 1500, notes: 'easy' });
    expect(n.rows[1]?.distanceM).toBeCloseTo(3.1 * 1609.344, 6);
  });
});

describe('dates with localized month names (date-fns locales)', () => {
  it.each([
    ['13 Jan 2026, 18:43', '2026-01-13T18:43:00'],
    ['12 Nis 2024, 18:30', '2024-04-12T18:30:00'],
    ['3 Ağu 2023, 07:05', '2023-08-03T07:05:00'],
    ['12 März 2024, 18:30', '2024-03-12T18:30:00'],
    ['1 Okt. 2024, 06:00', '2024-10-01T06:00:00'],
    ['12 févr. 2024, 18:30', '2024-02-12T18:30:00'],
    ['5 ago 2024, 20:15', '2024-08-05T20:15:00'],
    ['7 dic 2024, 09:00', '2024-12-07T09:00:00'],
    ['2024-01-15 6:05:03 PM', '2024-01-15T18:05:03'],
    ['2015-08-22', '2015-08-22T00:00:00'],
  ])('%s → %s', (text, iso) => {
    expect(new DateReader().read(text)?.iso).toBe(iso);
  });

  it('converts a UTC offset to the club zone and keeps a zone-less time as club time', () => {
    const reader = new DateReader('Europe/Berlin');
    expect(reader.read('2024-07-01 10:00:00 +0000')).toEqual({ iso: '2024-07-01T12:00:00', zoned: true, dateOnly: false });
    expect(reader.read('2024-07-01 10:00:00')).toEqual({ iso: '2024-07-01T10:00:00', zoned: false, dateOnly: false });
  });

  it.each(['31 Nis 2024, 18:30', '12 Foo 2024, 18:30', '2023-02-29 10:00:00', 'yesterday'])('%s → null', (text) => {
    expect(new DateReader().read(text)).toBeNull();
  });

  it('refuses an unknown club zone', () => {
    const r = parseWorkoutExport('Date,Exercise\n', { timeZone: 'Mars/Olympus' });
    expect(r.errors[0]).toMatchObject({ line: 1, field: 'file' });
  });
});

describe('recognition and refusal', () => {
  it('refuses a file of an unknown app, naming the header it saw and the formats known', () => {
    const r = parseWorkoutExport('day,lift,kilos,times\n2024-01-01,squat,100,5');
    expect(r.detection).toBeNull();
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ line: 1, field: 'file' });
    expect(r.errors[0]?.message).toContain('Header seen: "day", "lift", "kilos", "times"');
    expect(r.errors[0]?.message).toMatch(/Formats known: Strong .*Hevy .*Fitbod .*FitNotes/);
  });

  it('refuses a file with a delimiter no app writes, showing how it was split', () => {
    const r = parseWorkoutExport('Date|Workout Name|Exercise Name|Set Order|Weight|Reps\n2024-01-01 10:00:00|A|Squat|1|100|5');
    expect(r.errors[0]?.message).toContain('Header seen: "Date|Workout Name|Exercise Name|Set Order|Weight|Reps"');
  });

  it('a forced format that does not fit names the missing columns', () => {
    const hevy = 'title,start_time,end_time,exercise_title,set_index,set_type,weight_kg,reps\nA,"1 Jan 2024, 10:00","1 Jan 2024, 11:00",Squat,0,normal,100,5';
    expect(parseWorkoutExport(hevy).detection?.format).toBe('hevy');
    const forced = parseWorkoutExport(hevy, { format: 'strong' });
    expect(forced.errors).toHaveLength(1);
    expect(forced.errors[0]?.message).toMatch(/^The header is that of Hevy, not Strong: import it with the format auto or hevy/);
    const partial = parseWorkoutExport('Date,Workout Name,Exercise Name,Weight\n2024-01-01 10:00:00,A,Squat,100', { format: 'strong' });
    expect(partial.errors.map((e) => e.field)).toEqual(['setOrder', 'reps']);
    expect(partial.errors[1]?.message).toMatch(/^Missing the "Reps" column \(also accepted: 次, Wiederholungen/);
  });

  it('a header-less Hevy file is recognised from the shape of its rows, its unit detected', () => {
    const row = (i: number) => `"Legs","12 Jan 2024, 18:30","12 Jan 2024, 19:30","","Squat (Barbell)",,"",${String(i)},"normal",${String(20 + 20 * i)},5,,,`;
    const r = parseWorkoutExport([0, 1, 2, 3].map(row).join('\n'));
    expect(r.errors).toEqual([]);
    expect(r.detection).toMatchObject({ format: 'hevy', headerless: true });
    expect(r.detection?.reason).toMatch(/^No header row: the first 4 rows have the shape of Hevy/);
    expect(r.unitSource).toBe('detected');
    expect(r.rows).toHaveLength(4);
  });
});

describe('bad input: a clear error naming line and field, nothing usable', () => {
  const HEVY = 'title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe';
  it('a truncated file: the last row short of fields, or a quote left open', () => {
    const short = parseWorkoutExport(`${HEVY}\nA,"1 Jan 2024, 10:00","1 Jan 2024, 11:00",,Squat,,,0,normal,100,5,,,\nA,"1 Jan 2024, 10:00","1 Jan 2024, 11:00",,Squat,,,1,nor`);
    expect(short.errors).toEqual([{ line: 3, field: 'row', message: 'expected 14 fields like the header, found 9' }]);
    const open = parseWorkoutExport(`${HEVY}\nA,"1 Jan 2024, 10:00","1 Jan 2024, 11`);
    expect(open.errors[0]).toMatchObject({ line: 2, field: 'row' });
  });

  it('text where a number belongs, and an unknown set type', () => {
    const r = parseWorkoutExport(`${HEVY}\nA,"1 Jan 2024, 10:00","1 Jan 2024, 11:00",,Squat,,,0,normal,heavy,5,,,\nA,"1 Jan 2024, 10:00","1 Jan 2024, 11:00",,Squat,,,1,superset,100,5,,,11`);
    expect(r.errors.map((e) => [e.line, e.field, e.message])).toEqual([
      [2, 'weight', 'weight_kg "heavy" is not a number'],
      [3, 'setType', 'set_type "superset" is not one of normal, warmup, dropset, failure'],
      [3, 'rpe', 'rpe 11 is above 10'],
    ]);
  });

  it('a Fitbod warm-up flag that is not true or false', () => {
    const r = parseWorkoutExport('Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier\n2025-12-17 03:24:30 +0000,Row,8,34,0,0,0,0,maybe,,2');
    expect(r.errors).toEqual([{ line: 2, field: 'isWarmup', message: 'isWarmup "maybe" is not true or false' }]);
  });
});

describe('properties', () => {
  it('a Hevy file written from any sets reads back the same sets in kg, RIR = 10 − RPE', () => {
    const set = fc.record({
      reps: fc.integer({ min: 1, max: 30 }),
      load: fc.integer({ min: 0, max: 2000 }).map((q) => q / 4),
      type: fc.constantFrom('normal', 'warmup', 'dropset', 'failure'),
      rpe: fc.option(fc.integer({ min: 12, max: 20 }).map((h) => h / 2), { nil: null }),
      lb: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(set, { minLength: 1, maxLength: 30 }), fc.boolean(), (sets, lb) => {
      const header = `title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,${lb ? 'weight_lbs' : 'weight_kg'},reps,distance_km,duration_seconds,rpe`;
      const lines = sets.map((s, i) => `"W","3 Mar 2024, 09:15","3 Mar 2024, 10:00","","Squat",,"",${String(i)},"${s.type}",${String(s.load)},${String(s.reps)},,,${s.rpe === null ? '' : String(s.rpe)}`);
      const r = parseWorkoutExport([header, ...lines].join('\n'));
      expect(r.errors).toEqual([]);
      expect(r.rows).toHaveLength(sets.length);
      r.rows.forEach((row, i) => {
        const s = sets[i]!;
        expect(row.loadKg).toBeCloseTo(lb ? s.load * 0.45359237 : s.load, 5);
        expect(row.reps).toBe(s.reps);
        expect(row.setOrder).toBe(i + 1);
        expect(row.setKind).toBe({ normal: 'working', warmup: 'warmup', dropset: 'drop', failure: 'failure' }[s.type]);
        expect(row.rir).toBe(s.type === 'failure' ? 0 : s.rpe === null ? null : 10 - s.rpe);
        expect(row.rpe).toBe(s.rpe);
      });
    }), { numRuns: 200 });
  });
});
