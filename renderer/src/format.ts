/** Words and dates for people. */
export function humanize(slug: string): string {
  const words = slug.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 10)} ${d.toTimeString().slice(0, 5)}`;
}

export function formatRest(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return s === 0 ? `${m} min` : `${m}:${String(s).padStart(2, '0')}`;
}

/** `patch.daysPerWeek` → `Days per week`: the field of a form an error is about. */
export function fieldLabel(field: string): string {
  const last = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  return humanize(last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());
}

/** Host sentences sometimes carry raw floats (`24.947580350000003 kg`): shown with at most two decimals. */
export function tidyNumbers(text: string): string {
  return text.replace(/\d+\.\d{3,}/g, (m) => String(Math.round(Number(m) * 100) / 100));
}
