/**
 * The club setup at the host: validation (shape by the contract's zod schema, then the engine's
 * cross-checks naming the item), conversion to the engine's `Club`, and import from files.
 *
 * Import formats (told apart by content):
 * - JSON: the whole setup (the `schedule/save-club` shape; missing optional fields take defaults);
 * - CSV, one file per part, recognised by its header (`,` `;` or tab separated; lists inside a
 *   cell separated by `|`; windows written `Mon 08:00-14:00`):
 *   - rooms:        `id,name,capacity,type[,equipment]`
 *   - class types:  `id,name,duration_min,max_capacity,price,qualification,room_types,min_per_week,max_per_week[,equipment,color,demand_share]`
 *   - trainers:     `id,name,qualifications,availability[,max_hours,absences,preferred,avoided]`
 *   - opening hours:`weekday,open,close` (weekday `Mon` … `Sun` or 0–6, 0 = Monday)
 *   A CSV part replaces that part of the current setup; the rest is kept.
 * Errors name the file, line and column, or the item (`class type yoga: …`).
 */
import { z } from 'zod';
import { detectDelimiter, readDelimited, stripBom } from '../../../engine/imports/csv';
import { formatTime, parseTime, WEEKDAY_SHORT } from '../../../engine/scheduler/check';
import { validateClub } from '../../../engine/scheduler/validate';
import type { Club, WeeklyWindow } from '../../../engine/scheduler/types';
import { ClubSetupInput } from '../../contract/schedule';
import type { ClubSetup } from '../../contract/schedule-views';
import { StudioError } from '../../contract/errors';


/** The engine's club for one week (Monday `weekStart`). */
export function setupToClub(setup: ClubSetup, weekStart: string): Club {
  return {
    rooms: setup.rooms,
    classTypes: setup.classTypes.map((c) => ({ ...c, requiredEquipment: c.requiredEquipment })),
    trainers: setup.trainers,
    openingHours: setup.openingHours,
    slotMin: setup.slotMin,
    trainerGapMin: setup.trainerGapMin,
    weekStart,
  };
}

function zodToStudio(err: z.ZodError, prefix: string, setup: unknown): StudioError {
  const issue = err.issues[0]!;
  const [list, index, ...rest] = issue.path;
  let item = issue.path.join('.');
  if (typeof list === 'string' && typeof index === 'number') {
    const entry = (setup as Record<string, Array<{ id?: unknown }>>)[list]?.[index];
    const kind = { rooms: 'room', classTypes: 'class type', trainers: 'trainer', openingHours: 'opening hours' }[list] ?? list;
    item = `${kind} ${typeof entry?.id === 'string' ? entry.id : `#${index + 1}`}${rest.length ? ` ${rest.join('.')}` : ''}`;
  }
  return new StudioError('invalid_input', `${prefix}${item}: ${issue.message}`, `${prefix}${issue.path.join('.')}`);
}

/**
 * Validates a whole setup: the contract's shape, then the engine's cross-checks (an unknown room
 * type, a class no room fits, overlapping availability, …). Throws StudioError naming the item.
 */
export function checkSetup(input: unknown, prefix = 'setup.'): ClubSetup {
  const parsed = ClubSetupInput.safeParse(input);
  if (!parsed.success) throw zodToStudio(parsed.error, prefix, input);
  const setup = parsed.data as ClubSetup;
  validateClub(setupToClub(setup, '2026-01-05'));
  return setup;
}

// ─── CSV ────────────────────────────────────────────────────────────────────────────────────

const WINDOW = /^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/i;

function weekdayOf(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^[0-6]$/.test(t)) return Number(t);
  const i = WEEKDAY_SHORT.findIndex((d) => t.startsWith(d.toLowerCase()));
  return i >= 0 ? i : null;
}

/** `Mon 08:00-14:00` → a window; throws a message when unreadable. */
export function parseWindow(text: string): WeeklyWindow {
  const m = WINDOW.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a window like "Mon 08:00-14:00"`);
  const weekday = weekdayOf(m[1]!)!;
  return { weekday, startMin: Number(m[2]) * 60 + Number(m[3]), endMin: Number(m[4]) * 60 + Number(m[5]) };
}

export function formatWindow(w: WeeklyWindow): string {
  return `${WEEKDAY_SHORT[w.weekday]} ${formatTime(w.startMin)}-${formatTime(w.endMin)}`;
}

type Kind = 'rooms' | 'classTypes' | 'trainers' | 'openingHours';
const HEADERS: Record<Kind, { required: string[]; optional: string[] }> = {
  rooms: { required: ['id', 'name', 'capacity', 'type'], optional: ['equipment'] },
  classTypes: { required: ['id', 'name', 'duration_min', 'max_capacity', 'price', 'qualification', 'room_types', 'min_per_week', 'max_per_week'], optional: ['equipment', 'color', 'demand_share'] },
  trainers: { required: ['id', 'name', 'qualifications', 'availability'], optional: ['max_hours', 'absences', 'preferred', 'avoided'] },
  openingHours: { required: ['weekday', 'open', 'close'], optional: [] },
};

function kindOf(header: string[]): Kind | null {
  const set = new Set(header);
  const order: Kind[] = ['classTypes', 'trainers', 'rooms', 'openingHours'];
  return order.find((k) => HEADERS[k].required.every((h) => set.has(h))) ?? null;
}

const list = (cell: string | undefined) => (cell ?? '').split('|').map((s) => s.trim()).filter(Boolean);
const hm = (cell: string): number => {
  const minutes = parseTime(cell);
  if (minutes === null) throw new Error(`"${cell}" is not a time HH:MM`);
  return minutes;
};

/** Reads one CSV part; throws StudioError naming file, line and column. */
function readCsvPart(fileName: string, text: string): { kind: Kind; items: unknown[] } {
  const body = stripBom(text);
  const { records, problems } = readDelimited(body, detectDelimiter(body));
  if (problems[0]) throw new StudioError('invalid_input', `${fileName} line ${problems[0].line}: ${problems[0].message}`, 'file');
  const header = (records[0]?.fields ?? []).map((h) => h.trim().toLowerCase());
  const kind = kindOf(header);
  if (!kind) {
    throw new StudioError('invalid_input', `${fileName}: the header (${header.join(', ') || 'empty'}) is not one of rooms (${HEADERS.rooms.required.join(',')}), class types (${HEADERS.classTypes.required.join(',')}), trainers (${HEADERS.trainers.required.join(',')}) or opening hours (weekday,open,close)`, 'file');
  }
  const col = (fields: string[], name: string) => { const i = header.indexOf(name); return i >= 0 ? (fields[i] ?? '').trim() : undefined; };
  const items = records.slice(1).filter((r) => r.fields.some((f) => f.trim() !== '')).map((r) => {
    const c = (name: string) => col(r.fields, name);
    const num = (name: string) => {
      const v = c(name);
      const n = Number(v);
      if (v === undefined || v === '' || !Number.isFinite(n)) throw new StudioError('invalid_input', `${fileName} line ${r.line}, ${name}: "${v ?? ''}" is not a number`, name);
      return n;
    };
    const windows = (name: string) => {
      try { return list(c(name)).map(parseWindow); } catch (err) {
        throw new StudioError('invalid_input', `${fileName} line ${r.line}, ${name}: ${(err as Error).message}`, name);
      }
    };
    switch (kind) {
      case 'rooms': return { id: c('id'), name: c('name'), capacity: num('capacity'), type: c('type'), equipment: list(c('equipment')) };
      case 'classTypes': return {
        id: c('id'), name: c('name'), durationMin: num('duration_min'), maxCapacity: num('max_capacity'), price: num('price'),
        requiredQualification: c('qualification'), allowedRoomTypes: list(c('room_types')), requiredEquipment: list(c('equipment')),
        minPerWeek: num('min_per_week'), maxPerWeek: num('max_per_week'),
        ...(c('color') ? { color: c('color') } : {}), ...(c('demand_share') ? { demandShare: num('demand_share') } : {}),
      };
      case 'trainers': return {
        id: c('id'), name: c('name'), qualifications: list(c('qualifications')), availability: windows('availability'),
        absences: list(c('absences')), ...(c('max_hours') ? { maxHoursPerWeek: num('max_hours') } : {}),
        preferred: windows('preferred'), avoided: windows('avoided'),
      };
      case 'openingHours': {
        const weekday = weekdayOf(c('weekday') ?? '');
        if (weekday === null) throw new StudioError('invalid_input', `${fileName} line ${r.line}, weekday: "${c('weekday')}" is not Mon–Sun or 0–6`, 'weekday');
        try { return { weekday, startMin: hm(c('open') ?? ''), endMin: hm(c('close') ?? '') }; } catch (err) {
          throw new StudioError('invalid_input', `${fileName} line ${r.line}: ${(err as Error).message}`, 'open');
        }
      }
    }
  });
  return { kind, items };
}

const EMPTY: Omit<ClubSetup, 'rooms' | 'classTypes' | 'trainers' | 'openingHours'> = {
  slotMin: 60, trainerGapMin: 15, timezone: 'UTC', weights: { attendance: 0.6, idle: 0.2, balance: 0.1, revenue: 0.1, preference: 0 },
};

/**
 * Merges imported files into `current` (or an empty setup) and validates the result as a whole.
 * Returns the new setup and a line per file. Throws StudioError naming file/line/item.
 */
export function importSetupFiles(current: ClubSetup | null, files: Array<{ fileName: string; content: string }>): { setup: ClubSetup; lines: string[] } {
  let draft: Record<string, unknown> = current ? { ...current } : { ...EMPTY, rooms: [], classTypes: [], trainers: [], openingHours: [] };
  const lines: string[] = [];
  for (const f of files) {
    const text = stripBom(f.content).trim();
    if (text.startsWith('{')) {
      let json: unknown;
      try { json = JSON.parse(text); } catch (err) {
        throw new StudioError('invalid_input', `${f.fileName}: not valid JSON (${(err as Error).message})`, 'file');
      }
      draft = { ...EMPTY, ...(json as object) };
      const d = draft as { rooms?: unknown[]; classTypes?: unknown[]; trainers?: unknown[] };
      lines.push(`${f.fileName}: the whole setup (${d.rooms?.length ?? 0} rooms, ${d.classTypes?.length ?? 0} class types, ${d.trainers?.length ?? 0} trainers)`);
    } else {
      const { kind, items } = readCsvPart(f.fileName, text);
      draft[kind] = items;
      const label = { rooms: 'rooms', classTypes: 'class types', trainers: 'trainers', openingHours: 'opening-hour windows' }[kind];
      lines.push(`${f.fileName}: ${items.length} ${label}`);
    }
  }
  return { setup: checkSetup(draft, ''), lines };
}
