/**
 * Reads a club's class history for demand calibration: one row per held class,
 * `date,class_type,start,room,capacity,booked,attended,waitlisted[,trainer]` (`,` `;` or tab
 * separated; date `YYYY-MM-DD`, start `HH:MM`, counts in people). Class types, rooms and trainers
 * must exist in the club setup. The first bad row aborts the whole file, naming its line and
 * column; nothing is stored then.
 */
import { detectDelimiter, readDelimited, stripBom } from '../../../engine/imports/csv';
import { parseTime } from '../../../engine/scheduler/check';
import { isIsoDate } from '../../../engine/scheduler/demand/parse';
import type { AttendanceInsert } from '../../../db/schedule';
import { StudioError } from '../../contract/errors';
import type { ClubSetup } from '../../contract/schedule-views';

const REQUIRED = ['date', 'class_type', 'start', 'room', 'capacity', 'booked', 'attended', 'waitlisted'] as const;

export function parseAttendanceCsv(fileName: string, text: string, setup: ClubSetup): AttendanceInsert[] {
  const body = stripBom(text);
  const { records, problems } = readDelimited(body, detectDelimiter(body));
  if (problems[0]) throw new StudioError('invalid_input', `${fileName} line ${problems[0].line}: ${problems[0].message}`, 'content');
  const header = (records[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (missing.length > 0) throw new StudioError('invalid_input', `${fileName}: the header lacks ${missing.join(', ')} (expected ${REQUIRED.join(',')}[,trainer])`, 'content');
  const rows = records.slice(1).filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (rows.length === 0) throw new StudioError('invalid_input', `${fileName}: no classes after the header`, 'content');
  return rows.map((r) => {
    const cell = (name: string) => (r.fields[header.indexOf(name)] ?? '').trim();
    const bad = (name: string, why: string) => new StudioError('invalid_input', `${fileName} line ${r.line}, ${name}: ${why}`, name);
    const count = (name: string) => {
      const v = cell(name);
      if (!/^\d+$/.test(v)) throw bad(name, `"${v}" is not a whole number of people`);
      return Number(v);
    };
    const date = cell('date');
    if (!isIsoDate(date)) throw bad('date', `"${date}" is not a date YYYY-MM-DD`);
    const classTypeId = cell('class_type');
    if (!setup.classTypes.some((c) => c.id === classTypeId)) throw bad('class_type', `unknown class type "${classTypeId}" (known: ${setup.classTypes.map((c) => c.id).join(', ')})`);
    const roomId = cell('room');
    if (!setup.rooms.some((x) => x.id === roomId)) throw bad('room', `unknown room "${roomId}"`);
    const trainer = header.includes('trainer') ? cell('trainer') : '';
    if (trainer && !setup.trainers.some((t) => t.id === trainer)) throw bad('trainer', `unknown trainer "${trainer}"`);
    const startMin = parseTime(cell('start'));
    if (startMin === null || startMin >= 1440) throw bad('start', `"${cell('start')}" is not a time HH:MM`);
    const capacity = count('capacity');
    const attended = count('attended');
    if (capacity === 0) throw bad('capacity', 'must be at least 1 person');
    if (attended > capacity) throw bad('attended', `${attended} people attended but the class had ${capacity} places`);
    return {
      date, classTypeId, startMin, roomId, trainerId: trainer || null,
      capacity, booked: count('booked'), attended, waitlisted: count('waitlisted'),
    };
  });
}
