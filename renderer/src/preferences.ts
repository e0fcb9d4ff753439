/** Choices of the person at the screen, kept in localStorage: the display unit. */
import type { WeightUnit } from '../../engine/exercises/vocabulary';

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

export function readDisplayUnit(): WeightUnit {
  return read(UNIT_KEY) === 'lb' ? 'lb' : 'kg';
}

export function saveDisplayUnit(unit: WeightUnit): void {
  write(UNIT_KEY, unit);
}
