/**
 * Seeded generator of synthetic clubs for tests and the benchmark (issue 5, "Benchmarks").
 * Sizes: small (3 days × 4 slots, 3 rooms, 3 trainers, ~8 classes), medium (5 × 6 slots, 4 rooms,
 * 6 trainers, ~30 classes), large (6 days × 10 slots = 60 slots, 8 rooms, 15 trainers,
 * exactly 150 classes per week). Same seed → same club. Pure; no I/O.
 */
import { mulberry32 } from '../random';
import type { ClassType, Club, DemandFn, Room, Trainer, WeeklyWindow } from './types';

export type ClubSize = 'small' | 'medium' | 'large';

interface SizeSpec { days: number; hours: number; rooms: number; trainers: number; classTypes: number; classesPerWeek: number }

const SIZES: Record<ClubSize, SizeSpec> = {
  small: { days: 3, hours: 4, rooms: 3, trainers: 3, classTypes: 3, classesPerWeek: 8 },
  medium: { days: 5, hours: 6, rooms: 4, trainers: 6, classTypes: 5, classesPerWeek: 30 },
  large: { days: 6, hours: 10, rooms: 8, trainers: 15, classTypes: 10, classesPerWeek: 150 },
};

/** The engine's seeded PRNG (mulberry32), under the name this module's callers use. */
export const seededRandom = mulberry32;

const ROOM_TYPES = ['studio', 'cycle', 'hall'] as const;
const KINDS = [
  { name: 'Yoga', room: 'studio', dur: 60 }, { name: 'Spin', room: 'cycle', dur: 45 },
  { name: 'HIIT', room: 'hall', dur: 45 }, { name: 'Pilates', room: 'studio', dur: 60 },
  { name: 'Boxfit', room: 'hall', dur: 60 }, { name: 'Zumba', room: 'hall', dur: 60 },
  { name: 'Core', room: 'studio', dur: 30 }, { name: 'Endurance ride', room: 'cycle', dur: 90 },
  { name: 'Mobility', room: 'studio', dur: 45 }, { name: 'Circuit', room: 'hall', dur: 60 },
] as const;

const OPEN_MIN = 8 * 60;

function makeRooms(n: number, rnd: () => number): Room[] {
  return Array.from({ length: n }, (_, i) => {
    const type = ROOM_TYPES[i % ROOM_TYPES.length] ?? 'studio';
    return { id: `r${i + 1}`, name: `${type} ${i + 1}`, capacity: 12 + Math.floor(rnd() * 19), type, equipment: type === 'cycle' ? ['bikes'] : [] };
  });
}

/** Split `total` classes over `n` class types as evenly as possible (min = max = share). */
function makeClassTypes(spec: SizeSpec, rnd: () => number, exact: boolean): ClassType[] {
  const base = Math.floor(spec.classesPerWeek / spec.classTypes);
  let extra = spec.classesPerWeek - base * spec.classTypes;
  return Array.from({ length: spec.classTypes }, (_, i) => {
    const kind = KINDS[i % KINDS.length] ?? KINDS[0];
    const share = base + (extra-- > 0 ? 1 : 0);
    return {
      id: `c${i + 1}`, name: kind.name, durationMin: kind.dur, maxCapacity: 10 + Math.floor(rnd() * 16),
      price: 8 + Math.round(rnd() * 12), requiredQualification: kind.name.toLowerCase(),
      allowedRoomTypes: [kind.room], minPerWeek: exact ? share : Math.max(0, share - 1),
      maxPerWeek: exact ? share : share + 1,
    };
  });
}

function makeTrainers(spec: SizeSpec, classTypes: ClassType[], rnd: () => number): Trainer[] {
  const closeMin = OPEN_MIN + spec.hours * 60;
  return Array.from({ length: spec.trainers }, (_, i) => {
    const quals = classTypes.filter((_, k) => k % spec.trainers === i % spec.trainers || rnd() < 0.35)
      .map((c) => c.requiredQualification);
    const availability: WeeklyWindow[] = [];
    for (let d = 0; d < spec.days; d++) {
      if (rnd() < 0.15) continue; // a day off
      const early = rnd() < 0.5;
      availability.push({ weekday: d, startMin: early ? OPEN_MIN : OPEN_MIN + 60 * Math.floor(spec.hours / 3), endMin: early ? closeMin - 60 * Math.floor(spec.hours / 4) : closeMin });
    }
    return {
      id: `t${i + 1}`, name: `Trainer ${i + 1}`, qualifications: [...new Set(quals)], availability, absences: [],
      maxHoursPerWeek: 12 + Math.floor(rnd() * 12),
      preferred: availability.slice(0, 1), avoided: [],
    };
  });
}

/**
 * A synthetic club of the given size. `exact` (default true for large) pins every class type to
 * min = max so the week has exactly `classesPerWeek` classes; otherwise each has a ±1 range.
 */
export function generateClub(size: ClubSize, seed = 1, exact = size === 'large'): Club {
  const spec = SIZES[size];
  const rnd = seededRandom(seed);
  const rooms = makeRooms(spec.rooms, rnd);
  const classTypes = makeClassTypes(spec, rnd, exact);
  const trainers = makeTrainers(spec, classTypes, rnd);
  const openingHours = Array.from({ length: spec.days }, (_, d) => ({ weekday: d, startMin: OPEN_MIN, endMin: OPEN_MIN + spec.hours * 60 }));
  return { rooms, classTypes, trainers, openingHours, slotMin: 60, trainerGapMin: 15, weekStart: '2026-11-23' };
}

/**
 * Synthetic demand: a morning (07–09) and an evening (17–19) peak, stronger early in the week,
 * scaled per class type by a seeded popularity in [0.6, 1.4]. Returns mean and sd in people.
 */
export function syntheticDemand(club: Club, seed = 1): DemandFn {
  const rnd = seededRandom(seed + 7919);
  const popularity = new Map(club.classTypes.map((c) => [c.id, 0.6 + 0.8 * rnd()]));
  return (classTypeId, weekday, hour) => {
    const peak = Math.exp(-((hour - 8) ** 2) / 4) + 1.2 * Math.exp(-((hour - 18) ** 2) / 4);
    const mean = (popularity.get(classTypeId) ?? 1) * (6 + 14 * peak) * (1.1 - 0.05 * weekday);
    return { mean, sd: Math.sqrt(mean) };
  };
}
