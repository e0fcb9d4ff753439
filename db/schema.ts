/**
 * The drizzle schema. Loads in kg, durations in s, times as ISO-8601 text (UTC unless an
 * imported file gives local time without a zone, which is kept as written).
 * JSON columns hold arrays of vocabulary values (see engine/exercises/vocabulary.ts).
 */
import { sql } from 'drizzle-orm';
import {
  blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex,
} from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

export const exercises = sqliteTable('exercises', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  aliases: json<string[]>('aliases').notNull(),
  primaryMuscles: json<string[]>('primary_muscles').notNull(),
  secondaryMuscles: json<string[]>('secondary_muscles').notNull(),
  equipment: text('equipment').notNull(),
  level: text('level').notNull(),
  mechanic: text('mechanic').notNull(),
  force: text('force').notNull(),
  pattern: text('pattern').notNull(),
  substitutionGroup: text('substitution_group').notNull(),
  category: text('category').notNull(),
  source: text('source').notNull(),
  sourceId: text('source_id'),
  instructions: json<string[]>('instructions').notNull(),
  updatedAt: text('updated_at').notNull().default(now),
}, (t) => [index('exercises_source').on(t.source, t.sourceId)]);

/** Names from other apps mapped to library exercises (`strong`: "Bench Press (Barbell)"). */
export const exerciseNameMap = sqliteTable('exercise_name_map', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  source: text('source').notNull(),
  name: text('name').notNull(),
  exerciseId: text('exercise_id').notNull().references(() => exercises.id),
  method: text('method').notNull(),
}, (t) => [uniqueIndex('exercise_name_map_name').on(t.source, t.name)]);

export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  role: text('role', { enum: ['trainer', 'manager', 'front_desk'] }).notNull(),
  createdAt: text('created_at').notNull().default(now),
  /** The sign-in name, stored lower-case; null for staff rows from before sign-in existed. */
  username: text('username'),
  /** An argon2id PHC string (`$argon2id$v=19$m=...`); null: this person cannot sign in. */
  passwordHash: text('password_hash'),
  /** The quick-switch PIN, argon2id as well; null until the person sets one. */
  pinHash: text('pin_hash'),
  /** Set by a manager's reset: the person must choose a new password after signing in. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  disabledAt: text('disabled_at'),
  passwordChangedAt: text('password_changed_at'),
}, (t) => [uniqueIndex('staff_username').on(t.username)]);

/**
 * Staff sessions: a random opaque token given at sign-in, of which only the SHA-256 is kept.
 * Absolute expiry in `expires_at`; idle expiry and the screen lock follow `last_seen_at`.
 */
export const staffSessions = sqliteTable('staff_sessions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tokenHash: text('token_hash').notNull(),
  staffId: integer('staff_id').notNull().references(() => staff.id),
  transport: text('transport', { enum: ['http', 'ipc'] }).notNull(),
  address: text('address'),
  userAgent: text('user_agent'),
  createdAt: text('created_at').notNull(),
  lastSeenAt: text('last_seen_at').notNull(),
  expiresAt: text('expires_at').notNull(),
  lockedAt: text('locked_at'),
  pinFailures: integer('pin_failures').notNull().default(0),
  revokedAt: text('revoked_at'),
  revokedReason: text('revoked_reason'),
}, (t) => [uniqueIndex('staff_sessions_token').on(t.tokenHash), index('staff_sessions_staff').on(t.staffId)]);

/** Every sign-in attempt, for the rate limits per account and per address (pruned after a day). */
export const signInAttempts = sqliteTable('sign_in_attempts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  username: text('username').notNull(),
  address: text('address').notNull(),
  ok: integer('ok', { mode: 'boolean' }).notNull(),
}, (t) => [index('sign_in_attempts_username').on(t.username, t.at), index('sign_in_attempts_address').on(t.address, t.at)]);

/**
 * One random AES-256-GCM key per member, sealing the personal payloads of the audit entries
 * about them. Erasing a member deletes the key: the append-only entries stay, unreadable
 * ("crypto-shredding").
 */
export const memberKeys = sqliteTable('member_keys', {
  memberId: integer('member_id').primaryKey(),
  key: blob('key', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull().default(now),
});

export const members = sqliteTable('members', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  goal: text('goal').notNull(),
  level: text('level').notNull(),
  daysPerWeek: integer('days_per_week').notNull(),
  sessionMinutes: integer('session_minutes').notNull(),
  equipment: json<string[]>('equipment').notNull(),
  excludedMuscles: json<string[]>('excluded_muscles').notNull(),
  excludedPatterns: json<string[]>('excluded_patterns').notNull(),
  excludedExerciseIds: json<string[]>('excluded_exercise_ids').notNull(),
  preferredUnit: text('preferred_unit', { enum: ['kg', 'lb'] }).notNull(),
  bodyMassKg: real('body_mass_kg'),
  sex: text('sex', { enum: ['female', 'male'] }),
  birthYear: integer('birth_year'),
  notes: text('notes').notNull().default(''),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(now),
  /** The trainer this member belongs to; null: a club member any trainer may coach. */
  trainerStaffId: integer('trainer_staff_id').references(() => staff.id),
  /** Shown on the live class monitor instead of the name when set. */
  nickname: text('nickname'),
  /** Resting heart rate, bpm (for zones by heart-rate reserve). */
  restingHrBpm: integer('resting_hr_bpm'),
  /** Highest heart rate observed for the member, bpm (preferred over Tanaka's estimate). */
  maxHrBpm: integer('max_hr_bpm'),
  /** The onboarding questionnaire's answers as validated (engine/onboarding `Questionnaire`); null before onboarding. */
  questionnaire: json<Record<string, unknown>>('questionnaire'),
  /** When the questionnaire was answered (ISO-8601). */
  questionnaireAt: text('questionnaire_at'),
  /**
   * The member's own inventory (home gym) as a `LoadInventory` JSON (engine/progression
   * inventory-schema.ts), masses in kg; null: the club's inventory (setting `inventory.club`).
   */
  homeInventory: json<unknown>('home_inventory'),
}, (t) => [index('members_name').on(t.name)]);

export const plans = sqliteTable('plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id),
  name: text('name').notNull(),
  status: text('status', { enum: ['draft', 'approved', 'active', 'archived'] }).notNull(),
  generatedBy: text('generated_by', { enum: ['ai', 'trainer'] }).notNull(),
  goal: text('goal').notNull(),
  level: text('level').notNull(),
  split: text('split').notNull(),
  daysPerWeek: integer('days_per_week').notNull(),
  sessionMinutes: integer('session_minutes').notNull(),
  notes: json<string[]>('notes').notNull(),
  createdBy: integer('created_by').references(() => staff.id),
  createdAt: text('created_at').notNull().default(now),
  approvedBy: integer('approved_by').references(() => staff.id),
  approvedAt: text('approved_at'),
  archivedAt: text('archived_at'),
}, (t) => [index('plans_member').on(t.memberId, t.status)]);

export const planWeeks = sqliteTable('plan_weeks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  week: integer('week').notNull(),
  isDeload: integer('is_deload', { mode: 'boolean' }).notNull(),
  targetRir: real('target_rir').notNull(),
}, (t) => [uniqueIndex('plan_weeks_week').on(t.planId, t.week)]);

export const planSessions = sqliteTable('plan_sessions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  planWeekId: integer('plan_week_id').notNull().references(() => planWeeks.id, { onDelete: 'cascade' }),
  day: integer('day').notNull(),
  name: text('name').notNull(),
  estimatedMinutes: integer('estimated_minutes').notNull(),
});

export const prescriptions = sqliteTable('prescriptions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  planSessionId: integer('plan_session_id').notNull().references(() => planSessions.id, { onDelete: 'cascade' }),
  order: integer('position').notNull(),
  exerciseId: text('exercise_id').notNull().references(() => exercises.id),
  sets: integer('sets').notNull(),
  repMin: integer('rep_min').notNull(),
  repMax: integer('rep_max').notNull(),
  targetRir: real('target_rir').notNull(),
  loadKg: real('load_kg'),
  restS: integer('rest_s').notNull(),
  isCalibration: integer('is_calibration', { mode: 'boolean' }).notNull(),
  reason: text('reason').notNull(),
  e1rmKg: real('e1rm_kg'),
  editedAt: text('edited_at'),
}, (t) => [index('prescriptions_session').on(t.planSessionId)]);

/** One training session a member did (imported or logged). */
export const workoutSessions = sqliteTable('workout_sessions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id),
  startedAt: text('started_at').notNull(),
  name: text('name').notNull(),
  durationS: integer('duration_s'),
  notes: text('notes').notNull().default(''),
  source: text('source').notNull(),
  importId: integer('import_id').references(() => importRuns.id),
}, (t) => [uniqueIndex('workout_sessions_key').on(t.memberId, t.startedAt, t.name)]);

export const setLogs = sqliteTable('set_logs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  workoutSessionId: integer('workout_session_id').notNull().references(() => workoutSessions.id, { onDelete: 'cascade' }),
  memberId: integer('member_id').notNull().references(() => members.id),
  exerciseId: text('exercise_id').references(() => exercises.id),
  exerciseName: text('exercise_name').notNull(),
  setIndex: integer('set_index').notNull(),
  setKind: text('set_kind').notNull().default('working'),
  loadKg: real('load_kg').notNull(),
  reps: integer('reps').notNull(),
  rir: real('rir'),
  rpe: real('rpe'),
  distanceM: real('distance_m'),
  durationS: real('duration_s'),
  performedAt: text('performed_at').notNull(),
  source: text('source').notNull(),
  notes: text('notes').notNull().default(''),
}, (t) => [
  uniqueIndex('set_logs_key').on(t.workoutSessionId, t.exerciseName, t.setIndex),
  index('set_logs_member_exercise').on(t.memberId, t.exerciseId, t.performedAt),
]);

export const importRuns = sqliteTable('import_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  memberId: integer('member_id').references(() => members.id),
  staffId: integer('staff_id').references(() => staff.id),
  at: text('at').notNull().default(now),
  report: json<unknown>('report').notNull(),
});

export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull().default(now),
  actorStaffId: integer('actor_staff_id').references(() => staff.id),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  before: json<unknown>('before'),
  after: json<unknown>('after'),
  /** How the change arrived: ipc, http, cli or system (scheduled jobs). */
  via: text('via'),
  /** The member the entry is about; its before/after are then sealed with that member's key. */
  subjectMemberId: integer('subject_member_id'),
}, (t) => [index('audit_entity').on(t.entity, t.entityId), index('audit_at').on(t.at), index('audit_actor').on(t.actorStaffId, t.at)]);

/** The RIR model's learnt state per member (engine/rir MemberRirState, JSON). */
export const rirMemberStates = sqliteTable('rir_member_states', {
  memberId: integer('member_id').primaryKey().references(() => members.id, { onDelete: 'cascade' }),
  populationVersion: text('population_version').notNull(),
  state: json<unknown>('state').notNull(),
  sets: integer('sets').notNull(),
  /** The last set learnt from, so later sets are replayed in order. */
  lastSetAt: text('last_set_at'),
  lastSetId: integer('last_set_id'),
  updatedAt: text('updated_at').notNull().default(now),
});

/** The model's prediction made before each set with a logged RIR, for accuracy tracking. */
export const rirPredictions = sqliteTable('rir_predictions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  setLogId: integer('set_log_id').notNull().references(() => setLogs.id, { onDelete: 'cascade' }),
  memberId: integer('member_id').notNull().references(() => members.id),
  exerciseId: text('exercise_id').notNull().references(() => exercises.id),
  performedAt: text('performed_at').notNull(),
  predictedRtf: real('predicted_rtf').notNull(),
  predictedRir: real('predicted_rir').notNull(),
  low80: real('low80').notNull(),
  high80: real('high80').notNull(),
  source: text('source').notNull(),
  reportedRir: real('reported_rir'),
  /** True RIR when known (a set taken to failure: 0). */
  observedRir: real('observed_rir'),
  modelVersion: text('model_version').notNull(),
}, (t) => [
  uniqueIndex('rir_predictions_set').on(t.setLogId),
  index('rir_predictions_member').on(t.memberId, t.performedAt),
]);

/** Daily check-ins (1–10; for fatigue and soreness 10 is worst). */
export const checkIns = sqliteTable('check_ins', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  at: text('at').notNull(),
  sleep: integer('sleep').notNull(),
  fatigue: integer('fatigue').notNull(),
  soreness: integer('soreness').notNull(),
  energy: integer('energy').notNull(),
  painReported: integer('pain_reported', { mode: 'boolean' }).notNull(),
  painNote: text('pain_note'),
  illness: integer('illness', { mode: 'boolean' }).notNull(),
}, (t) => [index('check_ins_member').on(t.memberId, t.at)]);

/** Progression recommendations after the safety layer, with their status and the rule state after them. */
export const recommendations = sqliteTable('recommendations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  exerciseId: text('exercise_id').notNull().references(() => exercises.id),
  prescriptionId: integer('prescription_id').references(() => prescriptions.id, { onDelete: 'set null' }),
  createdAt: text('created_at').notNull().default(now),
  type: text('type').notNull(),
  /** The whole Recommendation (engine/progression/types.ts) as it left the safety layer. */
  body: json<unknown>('body').notNull(),
  safetyStatus: text('safety_status').notNull(),
  overrides: json<unknown[]>('overrides').notNull(),
  ruleState: json<unknown>('rule_state'),
  status: text('status', { enum: ['pending', 'accepted', 'modified', 'skipped', 'superseded'] }).notNull(),
}, (t) => [index('recommendations_member').on(t.memberId, t.status)]);

export const recommendationFeedback = sqliteTable('recommendation_feedback', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  recommendationId: integer('recommendation_id').notNull().references(() => recommendations.id, { onDelete: 'cascade' }),
  at: text('at').notNull(),
  /** The validated feedback (engine/preferences) as JSON. */
  body: json<unknown>('body').notNull(),
}, (t) => [uniqueIndex('recommendation_feedback_rec').on(t.recommendationId)]);

/** The preference profile after each learning event (the last row is the current profile). */
export const preferenceHistory = sqliteTable('preference_history', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  at: text('at').notNull(),
  profile: json<unknown>('profile').notNull(),
  /** The learning event: the feedback and the signals extracted from it. */
  event: json<unknown>('event').notNull(),
}, (t) => [index('preference_history_member').on(t.memberId, t.id)]);

/** Proposed next-week adjustments of an approved plan, waiting for a trainer. */
export const planAdjustments = sqliteTable('plan_adjustments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  planId: integer('plan_id').notNull().references(() => plans.id, { onDelete: 'cascade' }),
  memberId: integer('member_id').notNull().references(() => members.id, { onDelete: 'cascade' }),
  week: integer('week').notNull(),
  createdAt: text('created_at').notNull().default(now),
  status: text('status', { enum: ['pending', 'decided'] }).notNull(),
  analysis: json<unknown>('analysis').notNull(),
  /** Diff lines with each line's decision. */
  lines: json<unknown[]>('lines').notNull(),
  decidedBy: integer('decided_by').references(() => staff.id),
  decidedAt: text('decided_at'),
}, (t) => [index('plan_adjustments_status').on(t.status, t.memberId)]);

/** Club-wide settings by key, e.g. `safety.constraints` (JSON, validated by the engine on read). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: json<unknown>('value').notNull(),
  updatedAt: text('updated_at').notNull().default(now),
  updatedBy: integer('updated_by').references(() => staff.id),
});

// ─── Class scheduler (issue 5) ───────────────────────────────────────────────────────────────

/** Rooms of the club setup. `equipment` is a JSON string list. */
export const clubRooms = sqliteTable('club_rooms', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  capacity: integer('capacity').notNull(),
  type: text('type').notNull(),
  equipment: json<string[]>('equipment').notNull(),
  position: integer('position').notNull(),
});

/** Class types of the club setup (duration in min, price per participant, colour for the board). */
export const clubClassTypes = sqliteTable('club_class_types', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  durationMin: integer('duration_min').notNull(),
  maxCapacity: integer('max_capacity').notNull(),
  price: real('price').notNull(),
  requiredQualification: text('required_qualification').notNull(),
  allowedRoomTypes: json<string[]>('allowed_room_types').notNull(),
  requiredEquipment: json<string[]>('required_equipment').notNull(),
  minPerWeek: integer('min_per_week').notNull(),
  maxPerWeek: integer('max_per_week').notNull(),
  color: text('color').notNull(),
  demandShare: real('demand_share').notNull(),
  position: integer('position').notNull(),
});

/** Trainers of the club setup; windows are JSON lists of { weekday (0 = Monday), startMin, endMin }. */
export const clubTrainers = sqliteTable('club_trainers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  qualifications: json<string[]>('qualifications').notNull(),
  availability: json<unknown[]>('availability').notNull(),
  absences: json<string[]>('absences').notNull(),
  maxHoursPerWeek: real('max_hours_per_week').notNull(),
  preferred: json<unknown[]>('preferred').notNull(),
  avoided: json<unknown[]>('avoided').notNull(),
  position: integer('position').notNull(),
});

/** Hourly club entries (persons/hour) for demand prediction. */
export const clubOccupancy = sqliteTable('club_occupancy', {
  date: text('date').notNull(),
  hour: integer('hour').notNull(),
  entries: real('entries').notNull(),
}, (t) => [primaryKey({ columns: [t.date, t.hour] })]);

/** Held classes with what was booked, attended and waitlisted (people). */
export const classAttendance = sqliteTable('class_attendance', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  date: text('date').notNull(),
  classTypeId: text('class_type_id').notNull(),
  startMin: integer('start_min').notNull(),
  roomId: text('room_id').notNull(),
  trainerId: text('trainer_id'),
  capacity: integer('capacity').notNull(),
  booked: integer('booked').notNull(),
  attended: integer('attended').notNull(),
  waitlisted: integer('waitlisted').notNull(),
}, (t) => [index('class_attendance_type').on(t.classTypeId, t.date)]);

/**
 * Timetable scenarios of a week. The club and the demand table the scenario was made with are
 * snapshotted, so a published week keeps meaning the same even if the setup changes later.
 * At most one scenario per week is `published` (partial unique index).
 */
export const scheduleScenarios = sqliteTable('schedule_scenarios', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  weekStart: text('week_start').notNull(),
  name: text('name').notNull(),
  status: text('status', { enum: ['draft', 'published', 'superseded'] }).notNull(),
  createdAt: text('created_at').notNull().default(now),
  createdBy: integer('created_by').references(() => staff.id),
  publishedAt: text('published_at'),
  publishedBy: integer('published_by').references(() => staff.id),
  basedOnId: integer('based_on_id'),
  backend: text('backend').notNull(),
  solveStatus: text('solve_status').notNull(),
  solveS: real('solve_s'),
  firstFeasibleS: real('first_feasible_s'),
  gapPct: real('gap_pct'),
  weights: json<unknown>('weights').notNull(),
  demandSource: text('demand_source').notNull(),
  /** The setup used (ClubSetup + weekStart). */
  club: json<unknown>('club').notNull(),
  /** DemandTable (engine/scheduler/demand/club-demand.ts). */
  demand: json<unknown>('demand').notNull(),
  /** ScheduledClass[]. */
  timetable: json<unknown[]>('timetable').notNull(),
  /** Earlier timetables, newest last, for undo of manual edits. */
  history: json<unknown[]>('history').notNull(),
  notes: json<string[]>('notes').notNull(),
}, (t) => [
  index('schedule_scenarios_week').on(t.weekStart, t.status),
  uniqueIndex('schedule_one_published_week').on(t.weekStart).where(sql`status = 'published'`),
]);

// ─── Classes in action (issue 12) ────────────────────────────────────────────────────────────
export * from './classes-schema';

// ─── Member phones and sync (issue 11) ──────────────────────────────────────────────────────
export * from './sync-schema';
// ─── The coach (issue 13) ────────────────────────────────────────────────────────────────────
export * from './coach-schema';
// ─── Memberships, packs and payments (issue 16) ──────────────────────────────────────────────
export * from './payments-schema';
