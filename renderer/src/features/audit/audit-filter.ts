/** The audit page's filter as typed (local dates, an action or prefix) and as `audit/list` takes it. */
import type { InputOf } from '../../../../main/contract/index';

export interface AuditFilterForm {
  /** Staff id as text; '' for anyone. */
  person: string;
  /** `plan.approve`, or a prefix such as `auth.*`. */
  action: string;
  /** `YYYY-MM-DD` in local time; '' for no bound. Both days are included. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilterForm = { person: '', action: '', from: '', to: '' };

/** Local midnight of `day` (+ `addDays`) as an ISO time. */
function localMidnight(day: string, addDays = 0): string | null {
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return null;
  d.setDate(d.getDate() + addDays);
  return d.toISOString();
}

/** The filter the host takes: `to` is exclusive there, so the day after the last day shown. */
export function toAuditQuery(f: AuditFilterForm): InputOf<'audit/export'> {
  const action = f.action.trim().toLowerCase();
  const from = f.from ? localMidnight(f.from) : null;
  const to = f.to ? localMidnight(f.to, 1) : null;
  return {
    ...(f.person ? { actorStaffId: Number(f.person) } : {}),
    ...(action ? { action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}
