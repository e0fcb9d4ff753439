/** Reusable zod schemas for inputs that cross a transport. */
import { z } from 'zod';
import {
  EQUIPMENT, GOALS, LEVELS, MUSCLES, PATTERNS, UNITS,
} from '../../engine/exercises/vocabulary';

export const Id = z.number().int().positive();
export const MemberId = Id;
export const PlanId = Id;
export const Goal = z.enum(GOALS);
export const Level = z.enum(LEVELS);
export const Unit = z.enum(UNITS);
export const EquipmentList = z.array(z.enum(EQUIPMENT)).max(EQUIPMENT.length);
export const MuscleList = z.array(z.enum(MUSCLES)).max(MUSCLES.length);
export const PatternList = z.array(z.enum(PATTERNS)).max(PATTERNS.length);
export const IsoDate = z.iso.date();
/** A whole file sent as text; 64 MB at most. */
export const FileText = z.string().min(1, 'the file is empty').max(64 * 1024 * 1024, 'the file is larger than 64 MB');
export const FileName = z.string().min(1).max(260);

/** A member's fields, without defaults: patches must not reset what they leave out. */
const memberShape = {
  name: z.string().trim().min(1, 'a name is needed').max(120),
  goal: Goal,
  level: Level,
  daysPerWeek: z.number().int().min(2).max(6),
  sessionMinutes: z.number().int().min(20).max(180),
  equipment: EquipmentList,
  excludedMuscles: MuscleList,
  excludedPatterns: PatternList,
  excludedExerciseIds: z.array(z.string().min(1).max(120)).max(200),
  preferredUnit: Unit,
  bodyMassKg: z.number().min(25).max(300).nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  birthYear: z.number().int().min(1900).max(2100).nullable(),
  notes: z.string().max(2000),
  /** The trainer the member belongs to (staff id); null: any trainer may coach them. */
  trainerStaffId: Id.nullable(),
  /** Shown on the live class monitor instead of the name. */
  nickname: z.string().trim().min(1).max(40).nullable(),
  /** Resting heart rate, bpm. */
  restingHrBpm: z.number().int().min(25, 'must be 25–150 bpm').max(150, 'must be 25–150 bpm').nullable(),
  /** Highest heart rate observed, bpm. */
  maxHrBpm: z.number().int().min(100, 'must be 100–250 bpm').max(250, 'must be 100–250 bpm').nullable(),
};

/** A new member: everything but the name has a sensible default. */
export const MemberFields = z.object({
  ...memberShape,
  goal: memberShape.goal.default('general_fitness'),
  level: memberShape.level.default('beginner'),
  daysPerWeek: memberShape.daysPerWeek.default(3),
  sessionMinutes: memberShape.sessionMinutes.default(60),
  equipment: memberShape.equipment.default(['barbell', 'dumbbell', 'cable', 'machine', 'body_only', 'pullup_bar']),
  excludedMuscles: memberShape.excludedMuscles.default([]),
  excludedPatterns: memberShape.excludedPatterns.default([]),
  excludedExerciseIds: memberShape.excludedExerciseIds.default([]),
  preferredUnit: memberShape.preferredUnit.default('kg'),
  bodyMassKg: memberShape.bodyMassKg.default(null),
  sex: memberShape.sex.default(null),
  birthYear: memberShape.birthYear.default(null),
  notes: memberShape.notes.default(''),
  trainerStaffId: memberShape.trainerStaffId.optional(),
  nickname: memberShape.nickname.default(null),
  restingHrBpm: memberShape.restingHrBpm.default(null),
  maxHrBpm: memberShape.maxHrBpm.default(null),
});

/** A change to a member: only the fields given are changed. */
export const MemberPatch = z.object(memberShape).strict().partial().refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });

export const PrescriptionPatch = z
  .object({
    exerciseId: z.string().min(1).max(120),
    sets: z.number().int().min(1).max(12),
    repMin: z.number().int().min(1).max(100),
    repMax: z.number().int().min(1).max(100),
    targetRir: z.number().min(0).max(6),
    loadKg: z.number().min(0).max(1000).nullable(),
    restS: z.number().int().min(15).max(900),
  })
  .strict()
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' })
  .refine((p) => p.repMin === undefined || p.repMax === undefined || p.repMin <= p.repMax, {
    message: 'repMin must not exceed repMax',
    path: ['repMin'],
  });
