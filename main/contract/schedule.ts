/**
 * The class-scheduler part of the API contract (issue 5). Spread into `contract` in index.ts.
 * Managers set up the club, optimize, edit, compare and publish; every staff role can read.
 */
import { z } from 'zod';
import { MANAGERS, op, STAFF_ONLY } from './op';
import { FileName, FileText, Id, IsoDate } from './schemas';
import type * as S from './schedule-views';

const staffOnly = STAFF_ONLY;
const managers = MANAGERS;

const ItemId = z.string().trim().min(1, 'an id is needed').max(60).regex(/^[A-Za-z0-9_.-]+$/, 'use letters, digits, - _ or .');
const Minute = z.number().int().min(0, 'must be 0–1440').max(1440, 'must be 0–1440');
const Weekday = z.number().int().min(0, 'must be 0 (Monday) – 6 (Sunday)').max(6, 'must be 0 (Monday) – 6 (Sunday)');
export const WeeklyWindowInput = z.object({ weekday: Weekday, startMin: Minute, endMin: Minute }).strict()
  .refine((w) => w.endMin > w.startMin, { message: 'the window ends before it starts', path: ['endMin'] });

/** A Monday (the scheduled week starts on it). */
export const WeekStart = IsoDate.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, { message: 'must be a Monday' });

export const Weights = z.object({
  attendance: z.number().min(0).max(10),
  idle: z.number().min(0).max(10),
  balance: z.number().min(0).max(10),
  revenue: z.number().min(0).max(10),
  preference: z.number().min(0).max(10),
}).strict();

export const ClubSetupInput = z.object({
  rooms: z.array(z.object({
    id: ItemId, name: z.string().trim().min(1, 'a name is needed').max(80),
    capacity: z.number().int().min(1, 'must be at least 1 person').max(1000),
    type: ItemId, equipment: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  }).strict()).min(1, 'add at least one room').max(100),
  classTypes: z.array(z.object({
    id: ItemId, name: z.string().trim().min(1, 'a name is needed').max(80),
    durationMin: z.number().int().min(5, 'must be 5–480 min').max(480, 'must be 5–480 min'),
    maxCapacity: z.number().int().min(1, 'must be at least 1 person').max(1000),
    price: z.number().min(0, 'cannot be negative').max(10_000),
    requiredQualification: z.string().trim().min(1, 'a qualification is needed').max(60),
    allowedRoomTypes: z.array(ItemId).min(1, 'allow at least one room type').max(20),
    requiredEquipment: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
    minPerWeek: z.number().int().min(0).max(500),
    maxPerWeek: z.number().int().min(0).max(500),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3366cc').default('#607d8b'),
    demandShare: z.number().min(0, 'must be 0–1').max(1, 'must be 0–1').default(0.03),
  }).strict().refine((c) => c.minPerWeek <= c.maxPerWeek, { message: 'the minimum per week is above the maximum', path: ['minPerWeek'] }))
    .min(1, 'add at least one class type').max(200),
  trainers: z.array(z.object({
    id: ItemId, name: z.string().trim().min(1, 'a name is needed').max(120),
    qualifications: z.array(z.string().trim().min(1).max(60)).max(50),
    availability: z.array(WeeklyWindowInput).max(100),
    absences: z.array(IsoDate).max(400).default([]),
    maxHoursPerWeek: z.number().min(0).max(168).default(40),
    preferred: z.array(WeeklyWindowInput).max(100).default([]),
    avoided: z.array(WeeklyWindowInput).max(100).default([]),
  }).strict()).min(1, 'add at least one trainer').max(500),
  openingHours: z.array(WeeklyWindowInput).min(1, 'the club needs opening hours').max(50),
  slotMin: z.number().int().min(5).max(240).default(60),
  trainerGapMin: z.number().int().min(0).max(240).default(15),
  timezone: z.string().min(1).max(60).default('UTC'),
  weights: Weights.default({ attendance: 0.6, idle: 0.2, balance: 0.1, revenue: 0.1, preference: 0 }),
}).strict();

const ScenarioId = Id;

export const scheduleContract = {
  'schedule/club': op<S.ClubSetupView>()({
    input: z.object({}).strict(),
    access: staffOnly,
    summary: "The club's rooms, class types, trainers, opening hours and scheduler settings.",
  }),
  'schedule/save-club': op<S.ClubSetupView>()({
    input: z.object({ setup: ClubSetupInput }).strict(),
    access: managers,
    summary: 'Replace the club setup (validated as a whole; errors name the item). The previous setup is kept in the audit log.',
  }),
  'schedule/undo-club': op<S.ClubSetupView>()({
    input: z.object({}).strict(),
    access: managers,
    summary: 'Restore the club setup as it was before the last save, import or demo load (the setup only; imported history stays).',
  }),
  'schedule/import-club': op<S.ClubImportReport>()({
    input: z.object({ files: z.array(z.object({ fileName: FileName, content: FileText }).strict()).min(1).max(10) }).strict(),
    access: managers,
    largeBody: true,
    summary: 'Import the club setup from a JSON file, or CSV files of rooms, class types, trainers and opening hours (told apart by their headers).',
  }),
  'schedule/import-occupancy': op<S.OccupancyImportReport>()({
    input: z.object({ fileName: FileName, content: FileText }).strict(),
    access: managers,
    largeBody: true,
    summary: 'Import hourly occupancy counts (an hourly table "Date,6,7,…,23") or a card-swipe log ("DeviceName,Direction,AlarmDateTime") for demand prediction.',
  }),
  'schedule/import-attendance': op<S.AttendanceImportReport>()({
    input: z.object({ fileName: FileName, content: FileText }).strict(),
    access: managers,
    largeBody: true,
    summary: 'Import held classes with bookings, attendance and waitlist (CSV: date,class_type,start,room,capacity,booked,attended,waitlisted[,trainer]); calibrates class demand.',
  }),
  'schedule/demo-setup': op<S.ClubSetupView>()({
    input: z.object({ weekStart: WeekStart.optional() }).strict(),
    access: managers,
    summary: 'Set up a labelled demo club (rooms, class types, trainers, opening hours) with generated occupancy and attendance history.',
  }),
  'schedule/optimize': op<S.OptimizeView>()({
    input: z.object({
      weekStart: WeekStart,
      name: z.string().trim().min(1).max(80).optional(),
      backend: z.enum(['auto', 'highs', 'jslp']).default('auto'),
      weights: Weights.partial().optional(),
      timeLimitS: z.number().min(1, 'must be 1–600 s').max(600, 'must be 1–600 s').default(20),
      gapPct: z.number().min(0, 'must be 0–50 %').max(50, 'must be 0–50 %').default(1),
    }).strict(),
    access: managers,
    summary: "Optimize the week's timetable and keep it as a draft scenario.",
    reportsProgress: true,
    runsInWorker: true,
  }),
  'schedule/scenarios': op<S.ScenarioSummary[]>()({
    input: z.object({ weekStart: WeekStart.optional() }).strict(),
    access: staffOnly,
    summary: 'Scenarios (drafts, published, superseded), newest first, optionally for one week.',
  }),
  'schedule/scenario': op<S.ScenarioView>()({
    input: z.object({ scenarioId: ScenarioId }).strict(),
    access: staffOnly,
    summary: 'One scenario with its classes, predicted attendance and objective scores.',
  }),
  'schedule/published': op<S.ScenarioView | null>()({
    input: z.object({ weekStart: WeekStart }).strict(),
    access: staffOnly,
    summary: "The club's published timetable for a week, or null.",
  }),
  'schedule/compare': op<S.ScenarioComparison>()({
    input: z.object({ scenarioIds: z.array(ScenarioId).min(2, 'pick two scenarios').max(4) }).strict(),
    access: staffOnly,
    summary: 'Compare scenarios side by side: objective scores and the classes that differ.',
  }),
  'schedule/move-class': op<S.ScenarioView>()({
    input: z.object({
      scenarioId: ScenarioId,
      classIndex: z.number().int().min(0),
      weekday: Weekday,
      startMin: Minute,
      roomId: ItemId,
      trainerId: ItemId.optional(),
    }).strict(),
    access: managers,
    summary: 'Move a class of a draft (time, room, trainer); refused with the reason when it breaks a hard constraint.',
  }),
  'schedule/add-class': op<S.ScenarioView>()({
    input: z.object({
      scenarioId: ScenarioId, classTypeId: ItemId, weekday: Weekday, startMin: Minute, roomId: ItemId, trainerId: ItemId,
    }).strict(),
    access: managers,
    summary: 'Add a class to a draft; refused with the reason when it breaks a hard rule.',
  }),
  'schedule/remove-class': op<S.ScenarioView>()({
    input: z.object({ scenarioId: ScenarioId, classIndex: z.number().int().min(0) }).strict(),
    access: managers,
    summary: 'Remove a class from a draft (undo brings it back).',
  }),
  'schedule/undo': op<S.ScenarioView>()({
    input: z.object({ scenarioId: ScenarioId }).strict(),
    access: managers,
    summary: 'Undo the last manual edit of a draft.',
  }),
  'schedule/rename': op<S.ScenarioView>()({
    input: z.object({ scenarioId: ScenarioId, name: z.string().trim().min(1).max(80) }).strict(),
    access: managers,
    summary: 'Rename a scenario.',
  }),
  'schedule/duplicate': op<S.ScenarioView>()({
    input: z.object({ scenarioId: ScenarioId, name: z.string().trim().min(1).max(80).optional() }).strict(),
    access: managers,
    summary: 'Copy a scenario (for example the published week) into a new draft.',
  }),
  'schedule/delete': op<{ deleted: number }>()({
    input: z.object({ scenarioId: ScenarioId }).strict(),
    access: managers,
    summary: 'Delete a draft (published and superseded scenarios are kept).',
  }),
  'schedule/publish': op<S.ScenarioView>()({
    input: z.object({ scenarioId: ScenarioId, replacePublished: z.boolean().default(false) }).strict(),
    access: managers,
    summary: "Publish a draft as the club's week. Replacing an already published week must be asked for explicitly.",
  }),
  'schedule/ical': op<S.IcalExport>()({
    input: z.object({ weekStart: WeekStart, trainerId: ItemId.optional() }).strict(),
    access: staffOnly,
    summary: 'The published week as an iCalendar file: the whole club, or one trainer.',
  }),
  'schedule/substitutes': op<S.ClassSubstitutes>()({
    input: z.object({ scenarioId: ScenarioId, classIndex: z.number().int().min(0), unavailableTrainerId: ItemId.optional() }).strict(),
    access: staffOnly,
    summary: 'Substitute trainers for one class, ranked by qualification, remaining hours and preference.',
  }),
  'schedule/trainer-unavailable': op<S.AbsenceView>()({
    input: z.object({
      weekStart: WeekStart,
      trainerId: ItemId,
      dates: z.array(IsoDate).min(1, 'pick at least one date').max(7),
      timeLimitS: z.number().min(1).max(120).default(10),
    }).strict(),
    access: managers,
    summary: 'A trainer cannot teach on some dates: record the absence in the setup, rank substitutes and re-plan only the affected classes of the published week as a new draft.',
    reportsProgress: true,
    runsInWorker: true,
  }),
  'schedule/adjustments': op<S.AdjustmentsView>()({
    input: z.object({ weekStart: WeekStart }).strict(),
    access: staffOnly,
    summary: 'Suggestions for the published week and the next 7 days: underused classes, full or waitlisted ones, and absent trainers.',
  }),
};
