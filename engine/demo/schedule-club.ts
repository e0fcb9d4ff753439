/**
 * The demo club for the class scheduler: a plausible small club (4 rooms, 8 class types,
 * 7 trainers, opening hours) plus generated history — 12 weeks of hourly entries and 6 weeks of
 * class attendance — all seeded and labelled as demo data. Pure; no I/O.
 *
 * The history is SYNTHETIC: a morning and an evening peak on weekdays, a late-morning peak at the
 * weekend, Poisson-like noise. It is shaped to give the adjustments something to find: the early
 * Monday/Wednesday yoga is always full with a waitlist, the Friday-night Pilates is mostly empty.
 */
import { mulberry32 } from '../random';
import type { HourlyCount } from '../scheduler/demand/parse';
import type { WeeklyWindow } from '../scheduler/types';

export interface DemoRoom { id: string; name: string; capacity: number; type: string; equipment: string[] }
export interface DemoClassType {
  id: string; name: string; durationMin: number; maxCapacity: number; price: number; requiredQualification: string;
  allowedRoomTypes: string[]; requiredEquipment: string[]; minPerWeek: number; maxPerWeek: number; color: string; demandShare: number;
}
export interface DemoTrainer {
  id: string; name: string; qualifications: string[]; availability: WeeklyWindow[]; absences: string[];
  maxHoursPerWeek: number; preferred: WeeklyWindow[]; avoided: WeeklyWindow[];
}
export interface DemoAttendance {
  date: string; classTypeId: string; startMin: number; roomId: string; trainerId: string;
  capacity: number; booked: number; attended: number; waitlisted: number;
}

export interface DemoScheduleClub {
  rooms: DemoRoom[];
  classTypes: DemoClassType[];
  trainers: DemoTrainer[];
  openingHours: WeeklyWindow[];
  slotMin: number;
  trainerGapMin: number;
  timezone: string;
  occupancy: HourlyCount[];
  attendance: DemoAttendance[];
}

const h = (hh: number, mm = 0) => hh * 60 + mm;
const days = (list: number[], start: number, end: number): WeeklyWindow[] => list.map((weekday) => ({ weekday, startMin: start, endMin: end }));
const WEEKDAYS = [0, 1, 2, 3, 4];

const ROOMS: DemoRoom[] = [
  { id: 'studio-a', name: 'Studio A', capacity: 24, type: 'studio', equipment: ['mats'] },
  { id: 'studio-b', name: 'Studio B', capacity: 16, type: 'studio', equipment: ['mats', 'reformers'] },
  { id: 'cycle', name: 'Cycle room', capacity: 20, type: 'cycle', equipment: ['bikes'] },
  { id: 'hall', name: 'Main hall', capacity: 30, type: 'hall', equipment: [] },
];

const CLASS_TYPES: DemoClassType[] = [
  { id: 'yoga', name: 'Yoga', durationMin: 60, maxCapacity: 22, price: 12, requiredQualification: 'yoga', allowedRoomTypes: ['studio'], requiredEquipment: ['mats'], minPerWeek: 5, maxPerWeek: 7, color: '#7e57c2', demandShare: 0.045 },
  { id: 'pilates', name: 'Reformer Pilates', durationMin: 60, maxCapacity: 12, price: 18, requiredQualification: 'pilates', allowedRoomTypes: ['studio'], requiredEquipment: ['reformers'], minPerWeek: 3, maxPerWeek: 5, color: '#ec407a', demandShare: 0.025 },
  { id: 'spin', name: 'Spin', durationMin: 45, maxCapacity: 20, price: 11, requiredQualification: 'spin', allowedRoomTypes: ['cycle'], requiredEquipment: ['bikes'], minPerWeek: 5, maxPerWeek: 8, color: '#ef6c00', demandShare: 0.05 },
  { id: 'hiit', name: 'HIIT', durationMin: 45, maxCapacity: 25, price: 10, requiredQualification: 'hiit', allowedRoomTypes: ['hall'], requiredEquipment: [], minPerWeek: 4, maxPerWeek: 6, color: '#e53935', demandShare: 0.04 },
  { id: 'boxfit', name: 'Boxfit', durationMin: 60, maxCapacity: 20, price: 12, requiredQualification: 'boxing', allowedRoomTypes: ['hall'], requiredEquipment: [], minPerWeek: 2, maxPerWeek: 4, color: '#5d4037', demandShare: 0.025 },
  { id: 'zumba', name: 'Zumba', durationMin: 60, maxCapacity: 30, price: 9, requiredQualification: 'dance', allowedRoomTypes: ['hall'], requiredEquipment: [], minPerWeek: 2, maxPerWeek: 4, color: '#fdd835', demandShare: 0.035 },
  { id: 'mobility', name: 'Mobility', durationMin: 45, maxCapacity: 20, price: 8, requiredQualification: 'mobility', allowedRoomTypes: ['studio', 'hall'], requiredEquipment: [], minPerWeek: 2, maxPerWeek: 4, color: '#26a69a', demandShare: 0.02 },
  { id: 'core', name: 'Core 30', durationMin: 30, maxCapacity: 20, price: 7, requiredQualification: 'core', allowedRoomTypes: ['studio', 'hall'], requiredEquipment: [], minPerWeek: 3, maxPerWeek: 5, color: '#42a5f5', demandShare: 0.03 },
];

const TRAINERS: DemoTrainer[] = [
  { id: 'anna', name: 'Anna Berg', qualifications: ['yoga', 'pilates', 'mobility'], availability: [...days(WEEKDAYS, h(6), h(14)), ...days([5], h(8), h(13))], absences: [], maxHoursPerWeek: 16, preferred: days([0, 2, 4], h(6), h(10)), avoided: [] },
  { id: 'ben', name: 'Ben Okafor', qualifications: ['spin', 'hiit', 'core'], availability: [...days(WEEKDAYS, h(12), h(22))], absences: [], maxHoursPerWeek: 18, preferred: days(WEEKDAYS, h(17), h(20)), avoided: [] },
  { id: 'chloe', name: 'Chloé Martin', qualifications: ['dance', 'hiit', 'boxing'], availability: [...days([0, 1, 2, 3], h(15), h(22)), ...days([5, 6], h(8), h(14))], absences: [], maxHoursPerWeek: 15, preferred: [], avoided: days([6], h(9), h(11)) },
  { id: 'dev', name: 'Dev Patel', qualifications: ['spin', 'core', 'mobility'], availability: [...days(WEEKDAYS, h(6), h(13)), ...days([5, 6], h(8), h(14))], absences: [], maxHoursPerWeek: 20, preferred: [], avoided: [] },
  { id: 'eva', name: 'Eva Lindqvist', qualifications: ['yoga', 'pilates', 'core'], availability: [...days([1, 2, 3, 4], h(14), h(22)), ...days([6], h(9), h(14))], absences: [], maxHoursPerWeek: 14, preferred: days([1, 3], h(18), h(21)), avoided: [] },
  { id: 'finn', name: 'Finn Walsh', qualifications: ['boxing', 'hiit', 'spin'], availability: [...days(WEEKDAYS, h(6), h(11)), ...days(WEEKDAYS, h(16), h(21))], absences: [], maxHoursPerWeek: 18, preferred: [], avoided: days([4], h(18), h(22)) },
  { id: 'gina', name: 'Gina Rossi', qualifications: ['dance', 'yoga', 'mobility'], availability: [...days([0, 2, 4], h(9), h(21)), ...days([5], h(9), h(18))], absences: [], maxHoursPerWeek: 12, preferred: [], avoided: [] },
];

const OPENING: WeeklyWindow[] = [...days(WEEKDAYS, h(6), h(22)), ...days([5], h(8), h(18)), ...days([6], h(9), h(14))];

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Expected club entries per hour on weekday `d` at hour `hr` (persons/hour), before noise. */
function entriesShape(d: number, hr: number): number {
  if (d < 5) return 8 + 55 * Math.exp(-((hr - 7) ** 2) / 2) + 80 * Math.exp(-((hr - 18) ** 2) / 3) + 20 * Math.exp(-((hr - 12) ** 2) / 2);
  return 10 + 60 * Math.exp(-((hr - 10.5) ** 2) / 4);
}

function noisy(rnd: () => number, mean: number): number {
  // Normal approximation of Poisson noise (Box–Muller), rounded, never negative.
  const z = Math.sqrt(-2 * Math.log(Math.max(1e-12, rnd()))) * Math.cos(2 * Math.PI * rnd());
  return Math.max(0, Math.round(mean + Math.sqrt(mean) * z));
}

/** Classes of the demo's previous season: (class type, weekday, start, room, trainer, fill factor). */
const LAST_SEASON: Array<[string, number, number, string, string, number]> = [
  ['yoga', 0, h(7), 'studio-a', 'anna', 1.6], ['yoga', 2, h(7), 'studio-a', 'anna', 1.6], ['yoga', 3, h(19), 'studio-a', 'eva', 1.0],
  ['pilates', 4, h(20), 'studio-b', 'eva', 0.25], ['pilates', 1, h(9), 'studio-b', 'anna', 0.9],
  ['spin', 0, h(18), 'cycle', 'ben', 1.2], ['spin', 2, h(6), 'cycle', 'dev', 0.8], ['spin', 5, h(9), 'cycle', 'dev', 1.0],
  ['hiit', 1, h(18), 'hall', 'finn', 1.1], ['hiit', 3, h(12), 'hall', 'ben', 0.7],
  ['zumba', 5, h(10), 'hall', 'chloe', 1.0], ['mobility', 6, h(12), 'studio-a', 'dev', 0.3],
  ['core', 1, h(12), 'studio-a', 'ben', 0.8], ['boxfit', 2, h(19), 'hall', 'chloe', 1.0],
];

/**
 * The demo club, its history ending the day before `weekStart` (a Monday), seeded.
 * Occupancy: 12 weeks × open hours. Attendance: 6 weeks of `LAST_SEASON`.
 */
export function generateDemoScheduleClub(weekStart: string, seed = 7): DemoScheduleClub {
  const rnd = mulberry32(seed);
  const occupancy: HourlyCount[] = [];
  for (let day = -84; day < 0; day++) {
    const date = addDays(weekStart, day);
    const d = ((day % 7) + 7) % 7;
    for (const w of OPENING.filter((x) => x.weekday === d)) {
      for (let hr = Math.floor(w.startMin / 60); hr * 60 < w.endMin; hr++) occupancy.push({ date, hour: hr, count: noisy(rnd, entriesShape(d, hr)) });
    }
  }
  const attendance: DemoAttendance[] = [];
  for (let week = -6; week < 0; week++) {
    for (const [classTypeId, d, start, roomId, trainerId, fill] of LAST_SEASON) {
      const ct = CLASS_TYPES.find((c) => c.id === classTypeId)!;
      const room = ROOMS.find((r) => r.id === roomId)!;
      const capacity = Math.min(ct.maxCapacity, room.capacity);
      const wanted = noisy(rnd, fill * capacity * 0.85);
      const booked = Math.min(capacity, wanted);
      const attended = Math.max(0, booked - Math.floor(rnd() * 3));
      attendance.push({ date: addDays(weekStart, week * 7 + d), classTypeId, startMin: start, roomId, trainerId, capacity, booked, attended, waitlisted: Math.max(0, wanted - capacity) });
    }
  }
  return {
    rooms: ROOMS.map((r) => ({ ...r, equipment: [...r.equipment] })),
    classTypes: CLASS_TYPES.map((c) => ({ ...c })),
    trainers: TRAINERS.map((t) => ({ ...t })),
    openingHours: OPENING.map((w) => ({ ...w })),
    slotMin: 60,
    trainerGapMin: 15,
    timezone: 'Europe/London',
    occupancy,
    attendance,
  };
}
