/** The member profile fields, shared by "New member" and "Edit profile". */
import { Autocomplete, Box, MenuItem, TextField } from '@mui/material';
import {
  EQUIPMENT, GOALS, LEVELS, MUSCLES, PATTERNS, type Equipment, type Goal, type Level, type Muscle, type Pattern,
  type WeightUnit,
} from '../../../../engine/exercises/vocabulary';
import type { Member, Staff } from '../../../../main/contract/views';
import { humanize } from '../../format';
import { fromKg, round1, toKg } from '../../units';

export interface MemberForm {
  name: string;
  goal: Goal;
  level: Level;
  daysPerWeek: string;
  sessionMinutes: string;
  equipment: Equipment[];
  excludedMuscles: Muscle[];
  excludedPatterns: Pattern[];
  preferredUnit: WeightUnit;
  /** In the display unit. */
  bodyMass: string;
  notes: string;
  /** For the live class monitor: shown name, birth year (Tanaka's max), resting and observed max heart rate (bpm); '' for none. */
  nickname: string;
  birthYear: string;
  restingHr: string;
  maxHr: string;
  /** The trainer's staff id as text; '' for none (any trainer may coach the member). */
  trainer: string;
}

export function emptyMemberForm(): MemberForm {
  return {
    name: '', goal: 'general_fitness', level: 'beginner', daysPerWeek: '3', sessionMinutes: '60',
    equipment: ['barbell', 'dumbbell', 'cable', 'machine', 'body_only', 'pullup_bar'],
    excludedMuscles: [], excludedPatterns: [], preferredUnit: 'kg', bodyMass: '', notes: '', trainer: '',
    nickname: '', birthYear: '', restingHr: '', maxHr: '',
  };
}

export function memberToForm(m: Member, unit: WeightUnit): MemberForm {
  return {
    name: m.name, goal: m.goal, level: m.level, daysPerWeek: String(m.daysPerWeek),
    sessionMinutes: String(m.sessionMinutes), equipment: m.equipment, excludedMuscles: m.excludedMuscles,
    excludedPatterns: m.excludedPatterns, preferredUnit: m.preferredUnit,
    bodyMass: m.bodyMassKg === null ? '' : String(round1(fromKg(m.bodyMassKg, unit))), notes: m.notes,
    trainer: m.trainer ? String(m.trainer.id) : '',
    nickname: m.nickname ?? '', birthYear: m.birthYear === null ? '' : String(m.birthYear),
    restingHr: m.restingHrBpm === null ? '' : String(m.restingHrBpm), maxHr: m.maxHrBpm === null ? '' : String(m.maxHrBpm),
  };
}

/**
 * The fields as the contract takes them (numbers parsed, body mass back in kg). The trainer is
 * sent only by a form that shows the Trainer select (managers), so nobody else changes it.
 */
export function formToFields(f: MemberForm, unit: WeightUnit, withTrainer = false) {
  const mass = f.bodyMass.trim() === '' ? null : Number(f.bodyMass);
  const whole = (v: string) => (v.trim() === '' ? null : Number(v));
  return {
    name: f.name, goal: f.goal, level: f.level, daysPerWeek: Number(f.daysPerWeek),
    sessionMinutes: Number(f.sessionMinutes), equipment: f.equipment, excludedMuscles: f.excludedMuscles,
    excludedPatterns: f.excludedPatterns, preferredUnit: f.preferredUnit,
    bodyMassKg: mass === null || Number.isNaN(mass) ? null : round1(toKg(mass, unit)), notes: f.notes,
    nickname: f.nickname.trim() === '' ? null : f.nickname.trim(), birthYear: whole(f.birthYear),
    restingHrBpm: whole(f.restingHr), maxHrBpm: whole(f.maxHr),
    ...(withTrainer ? { trainerStaffId: f.trainer ? Number(f.trainer) : null } : {}),
  };
}

interface Props {
  form: MemberForm;
  onChange(form: MemberForm): void;
  unit: WeightUnit;
  /** The field a server error named, e.g. `patch.daysPerWeek`, and its message. */
  fieldError?: { field: string; message: string } | null;
  /** The trainers a member can be assigned to; the Trainer select shows only when given (managers). */
  trainers?: readonly Staff[] | undefined;
}

function MultiPick<T extends string>(props: {
  label: string; options: readonly T[]; value: T[]; onChange(v: T[]): void; error?: string; testId: string;
}) {
  return (
    <Autocomplete
      multiple
      size="small"
      limitTags={4}
      options={[...props.options]}
      value={props.value}
      getOptionLabel={humanize}
      onChange={(_, v) => props.onChange(v)}
      renderInput={(params) => (
        <TextField {...params} label={props.label} error={Boolean(props.error)} helperText={props.error} data-testid={props.testId} />
      )}
    />
  );
}

export function MemberFieldsForm({ form, onChange, unit, fieldError, trainers }: Props) {
  const errorOf = (name: string) => (fieldError && fieldError.field.split('.').pop() === name ? fieldError.message : undefined);
  const set = <K extends keyof MemberForm>(key: K, value: MemberForm[K]) => onChange({ ...form, [key]: value });
  const text = (key: 'name' | 'daysPerWeek' | 'sessionMinutes' | 'bodyMass' | 'notes' | 'nickname' | 'birthYear' | 'restingHr' | 'maxHr', label: string, type = 'text', errKey: string = key) => (
    <TextField
      label={label}
      type={type}
      value={form[key]}
      onChange={(e) => set(key, e.target.value)}
      error={Boolean(errorOf(errKey))}
      helperText={errorOf(errKey)}
      slotProps={{ htmlInput: { 'data-testid': `member-${key}` } }}
      fullWidth
    />
  );
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1.5, pt: 1 }}>
      <Box sx={{ gridColumn: '1 / -1' }}>{text('name', 'Name')}</Box>
      <TextField select label="Goal" value={form.goal} onChange={(e) => set('goal', e.target.value as Goal)} data-testid="member-goal">
        {GOALS.map((g) => <MenuItem key={g} value={g}>{humanize(g)}</MenuItem>)}
      </TextField>
      <TextField select label="Level" value={form.level} onChange={(e) => set('level', e.target.value as Level)}>
        {LEVELS.map((l) => <MenuItem key={l} value={l}>{humanize(l)}</MenuItem>)}
      </TextField>
      {text('daysPerWeek', 'Days per week (2–6)', 'number')}
      {text('sessionMinutes', 'Session minutes', 'number')}
      <TextField select label="Preferred unit" value={form.preferredUnit} onChange={(e) => set('preferredUnit', e.target.value as WeightUnit)}>
        <MenuItem value="kg">kg</MenuItem>
        <MenuItem value="lb">lb</MenuItem>
      </TextField>
      {text('bodyMass', `Body mass (${unit})`, 'number', 'bodyMassKg')}
      {text('nickname', 'Nickname (live monitor)')}
      {text('birthYear', 'Birth year', 'number')}
      {text('restingHr', 'Resting heart rate (bpm)', 'number', 'restingHrBpm')}
      {text('maxHr', 'Highest heart rate seen (bpm)', 'number', 'maxHrBpm')}
      {trainers ? (
        <Box sx={{ gridColumn: '1 / -1' }}>
          <TextField select fullWidth label="Trainer" value={form.trainer} onChange={(e) => set('trainer', e.target.value)}
            error={Boolean(errorOf('trainerStaffId'))} helperText={errorOf('trainerStaffId') ?? 'A trainer sees only their own members and unassigned ones'}
            data-testid="member-trainer">
            <MenuItem value="">No trainer (any trainer may coach them)</MenuItem>
            {form.trainer && !trainers.some((t) => String(t.id) === form.trainer) ? <MenuItem value={form.trainer}>(a former trainer)</MenuItem> : null}
            {trainers.map((t) => <MenuItem key={t.id} value={String(t.id)}>{t.name}</MenuItem>)}
          </TextField>
        </Box>
      ) : null}
      <Box sx={{ gridColumn: '1 / -1' }}>
        <MultiPick label="Equipment available" options={EQUIPMENT} value={form.equipment} onChange={(v) => set('equipment', v)} error={errorOf('equipment')} testId="member-equipment" />
      </Box>
      <MultiPick label="Excluded muscles" options={MUSCLES} value={form.excludedMuscles} onChange={(v) => set('excludedMuscles', v)} error={errorOf('excludedMuscles')} testId="member-excluded-muscles" />
      <MultiPick label="Excluded patterns" options={PATTERNS} value={form.excludedPatterns} onChange={(v) => set('excludedPatterns', v)} error={errorOf('excludedPatterns')} testId="member-excluded-patterns" />
      <Box sx={{ gridColumn: '1 / -1' }}>{text('notes', 'Notes')}</Box>
    </Box>
  );
}
