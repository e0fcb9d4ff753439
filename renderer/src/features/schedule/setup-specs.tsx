/** The columns and edit fields of the club setup's lists, and how a save error's field path is named. */
import { Box, Chip } from '@mui/material';
import type { ClassTypeSetup, ClubSetup, RoomSetup, TrainerSetup } from '../../../../main/contract/index';
import type { Column } from './SetupTable';
import type { FieldSpec } from './ItemDialog';
import { windowsSummary } from './time';

const chips = (values: string[]) => (
  <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
    {values.map((v) => <Chip key={v} size="small" label={v} variant="outlined" />)}
  </Box>
);

export const ROOM_COLUMNS: Column<RoomSetup>[] = [
  { label: 'Name', render: (r) => r.name },
  { label: 'Id', render: (r) => r.id },
  { label: 'Type', render: (r) => r.type },
  { label: 'Capacity', render: (r) => r.capacity, align: 'right' },
  { label: 'Equipment', render: (r) => chips(r.equipment) },
];

export const ROOM_FIELDS: FieldSpec<RoomSetup>[] = [
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'id', label: 'Id', kind: 'text', onlyOnAdd: true, help: 'Letters, digits, - _ or .' },
  { key: 'type', label: 'Room type', kind: 'text', help: 'Matched against the room types a class allows' },
  { key: 'capacity', label: 'Capacity (people)', kind: 'number' },
  { key: 'equipment', label: 'Equipment', kind: 'list', help: 'Comma-separated, e.g. bikes, mats' },
];

export const CLASS_TYPE_COLUMNS: Column<ClassTypeSetup>[] = [
  {
    label: 'Name',
    render: (c) => (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Box data-testid="class-colour" sx={{ width: 14, height: 14, borderRadius: '3px', bgcolor: c.color, flexShrink: 0 }} />
        {c.name}
      </Box>
    ),
  },
  { label: 'Duration', render: (c) => `${c.durationMin} min`, align: 'right' },
  { label: 'Max', render: (c) => c.maxCapacity, align: 'right' },
  { label: 'Price', render: (c) => c.price, align: 'right' },
  { label: 'Per week', render: (c) => `${c.minPerWeek}–${c.maxPerWeek}`, align: 'right' },
  { label: 'Qualification', render: (c) => c.requiredQualification },
  { label: 'Room types', render: (c) => chips(c.allowedRoomTypes) },
];

export const CLASS_TYPE_FIELDS: FieldSpec<ClassTypeSetup>[] = [
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'id', label: 'Id', kind: 'text', onlyOnAdd: true },
  { key: 'color', label: 'Board colour', kind: 'color' },
  { key: 'durationMin', label: 'Duration (min)', kind: 'number' },
  { key: 'maxCapacity', label: 'Most participants', kind: 'number' },
  { key: 'price', label: 'Price or credits per participant', kind: 'number' },
  { key: 'requiredQualification', label: 'Qualification needed', kind: 'text' },
  { key: 'allowedRoomTypes', label: 'Allowed room types', kind: 'list', help: 'Comma-separated room types' },
  { key: 'requiredEquipment', label: 'Equipment needed', kind: 'list' },
  { key: 'minPerWeek', label: 'At least per week', kind: 'number' },
  { key: 'maxPerWeek', label: 'At most per week', kind: 'number' },
  { key: 'demandShare', label: 'Share of hourly visitors who would attend (0–1)', kind: 'number', step: 0.01 },
];

export const TRAINER_COLUMNS: Column<TrainerSetup>[] = [
  { label: 'Name', render: (t) => t.name },
  { label: 'Qualifications', render: (t) => chips(t.qualifications) },
  { label: 'Availability', render: (t) => <Box sx={{ fontSize: 12, maxWidth: 420 }} data-testid="trainer-availability">{windowsSummary(t.availability)}</Box> },
  { label: 'Max h/week', render: (t) => t.maxHoursPerWeek, align: 'right' },
  { label: 'Days off', render: (t) => (t.absences.length ? t.absences.join(', ') : '—') },
];

export const TRAINER_FIELDS: FieldSpec<TrainerSetup>[] = [
  { key: 'name', label: 'Name', kind: 'text' },
  { key: 'id', label: 'Id', kind: 'text', onlyOnAdd: true },
  { key: 'qualifications', label: 'Qualifications', kind: 'list', help: 'Comma-separated, matched against class types' },
  { key: 'maxHoursPerWeek', label: 'Most hours per week', kind: 'number' },
  { key: 'availability', label: 'Available', kind: 'windows' },
  { key: 'absences', label: 'Days off', kind: 'list', help: 'Comma-separated dates, YYYY-MM-DD' },
  { key: 'preferred', label: 'Prefers', kind: 'windows' },
  { key: 'avoided', label: 'Avoids', kind: 'windows' },
];

export const NEW_ROOM: RoomSetup = { id: '', name: '', capacity: 20, type: 'studio', equipment: [] };
export const NEW_CLASS_TYPE: ClassTypeSetup = {
  id: '', name: '', durationMin: 60, maxCapacity: 20, price: 10, requiredQualification: '', allowedRoomTypes: ['studio'],
  requiredEquipment: [], minPerWeek: 1, maxPerWeek: 3, color: '#607d8b', demandShare: 0.03,
};
export const NEW_TRAINER: TrainerSetup = {
  id: '', name: '', qualifications: [], availability: [{ weekday: 0, startMin: 480, endMin: 1080 }], absences: [],
  maxHoursPerWeek: 20, preferred: [], avoided: [],
};

/** A readable id from a name, unique among `taken`. */
export function idFromName(name: string, taken: string[], prefix: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || prefix;
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

const LIST_NAMES: Record<string, string> = { rooms: 'Room', classTypes: 'Class type', trainers: 'Trainer', openingHours: 'Opening hours' };

/** Which list and item a save error names: `setup.trainers.2.availability.0.endMin` → trainers, 2. */
export function errorItem(field: string | undefined): { list: string; index: number } | null {
  const parts = (field ?? '').split('.').filter((p) => p !== 'setup');
  const index = Number(parts[1]);
  return parts[0] && Number.isInteger(index) ? { list: parts[0], index } : null;
}

/** `setup.trainers.2.availability.0.endMin` → `Trainer "Ana Silva" › availability 1 › end min`. */
export function describeSetupField(field: string, setup: ClubSetup): string {
  const parts = field.split('.').filter((p) => p !== 'setup');
  const [list, idx, ...rest] = parts;
  const words = (p: string) => (/^\d+$/.test(p) ? String(Number(p) + 1) : p.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
  if (!list) return field;
  const index = Number(idx);
  const items = (setup as unknown as Record<string, unknown>)[list];
  const listName = LIST_NAMES[list] ?? words(list);
  if (Array.isArray(items) && Number.isInteger(index)) {
    const item = items[index] as { name?: string; id?: string; weekday?: number } | undefined;
    const itemName = item?.name ? `"${item.name}"` : item?.id ? `"${item.id}"` : `#${index + 1}`;
    return [`${listName} ${itemName}`, ...rest.map(words)].join(' › ');
  }
  return [listName, ...(idx ? [idx] : []), ...rest].map(words).join(' › ');
}
