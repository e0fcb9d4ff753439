/** Choices of the person at the screen, kept in localStorage: acting staff and display unit. */
import type { WeightUnit } from '../../engine/exercises/vocabulary';

const STAFF_KEY = 'studio.actingStaffId';
const UNIT_KEY = 'studio.displayUnit';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    /* storage may be disabled; the choice then lasts for this page only */
  }
}

let actingStaffId: number | null = Number(read(STAFF_KEY)) || null;

export function readActingStaffId(): number | null {
  return actingStaffId;
}

export function saveActingStaffId(id: number | null): void {
  actingStaffId = id;
  write(STAFF_KEY, id === null ? null : String(id));
}

export function readDisplayUnit(): WeightUnit {
  return read(UNIT_KEY) === 'lb' ? 'lb' : 'kg';
}

export function saveDisplayUnit(unit: WeightUnit): void {
  write(UNIT_KEY, unit);
}
