/** The studio's live-monitor settings (zone bands and alert thresholds), kept in `settings` under `live.monitor`. */
import type { Db } from '../../db/open';
import { getSetting, putSetting } from '../../db/settings';
import { DEFAULT_MONITOR_SETTINGS, validateMonitorSettings } from '../../engine/live/monitor';
import type { MonitorSettings } from '../../engine/live/types';

export const LIVE_SETTINGS_KEY = 'live.monitor';

/** The stored settings over the defaults (a stored value that no longer validates is ignored). */
export function liveSettings(db: Db): MonitorSettings {
  const stored = getSetting(db, LIVE_SETTINGS_KEY);
  const merged = { ...DEFAULT_MONITOR_SETTINGS, ...(stored && typeof stored === 'object' ? stored as Partial<MonitorSettings> : {}) };
  try {
    validateMonitorSettings(merged);
    return merged;
  } catch {
    return { ...DEFAULT_MONITOR_SETTINGS };
  }
}

/** Changes some settings. @throws LiveInputError naming the field when the result is not valid. */
export function putLiveSettings(db: Db, patch: Partial<MonitorSettings>, staffId: number | null): MonitorSettings {
  const next = { ...liveSettings(db), ...patch };
  if (patch.bands && patch.plannedZone === undefined) next.plannedZone = Math.min(next.plannedZone, next.bands.length);
  validateMonitorSettings(next);
  putSetting(db, LIVE_SETTINGS_KEY, next, staffId);
  return next;
}
