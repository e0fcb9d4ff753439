/** How the monitor's state follows the live messages: a snapshot replaces it, tiles and alerts update it. */
import type { LiveServerMessage, LiveView } from '../../../../main/contract/index';

export function applyLiveMessage(view: LiveView | null, m: LiveServerMessage, occurrenceId: number): LiveView | null {
  if (m.type === 'snapshot') return m.live.occurrenceId === occurrenceId ? m.live : view;
  if (!view) return view;
  if (m.type === 'tile' && m.occurrenceId === occurrenceId) {
    const members = view.members.some((t) => t.memberId === m.tile.memberId)
      ? view.members.map((t) => (t.memberId === m.tile.memberId ? m.tile : t))
      : [...view.members, m.tile];
    return { ...view, members, classAverage: m.classAverage, at: m.tile.lastSampleAt ?? view.at };
  }
  if (m.type === 'alert' && m.occurrenceId === occurrenceId) {
    const alerts = view.alerts.some((a) => a.id === m.alert.id)
      ? view.alerts.map((a) => (a.id === m.alert.id ? m.alert : a))
      : [...view.alerts, m.alert];
    return { ...view, alerts };
  }
  return view;
}

/** Myzone-style colours by zone (0: below the first band); more than 5 bands reuse the last. */
export const ZONE_COLOURS = ['#eceff1', '#90a4ae', '#1e88e5', '#43a047', '#fdd835', '#e53935', '#ad1457', '#6a1b9a', '#4a148c'];
export const ZONE_TEXT = ['#263238', '#102027', '#ffffff', '#ffffff', '#263238', '#ffffff', '#ffffff', '#ffffff', '#ffffff'];

export function zoneColour(zone: number | null): { bg: string; fg: string } {
  if (zone === null) return { bg: '#cfd8dc', fg: '#37474f' };
  const i = Math.min(zone, ZONE_COLOURS.length - 1);
  return { bg: ZONE_COLOURS[i]!, fg: ZONE_TEXT[i]! };
}

/** 125 → "2:05". */
export function minutesSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(s / 60))}:${String(s % 60).padStart(2, '0')}`;
}

export const ALERT_LABELS: Record<string, string> = {
  high_heart_rate: 'High heart rate', class_above_plan: 'Class above plan', lost_signal: 'Lost signal',
  far_below_target: 'Far below target', heart_rate_red_flag: 'Heart-rate red flag',
};
