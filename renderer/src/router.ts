/** A tiny hash router: `#/members`, `#/members/12`, `#/plans`, `#/plans/3`, `#/models`, `#/weekly`, `#/weekly/5`, `#/settings`,
 * `#/schedule`, `#/schedule/4` (a scenario), `#/club`, `#/audit`, `#/today`, `#/classes`, `#/classes/7`, `#/classes/7/summary`, `#/club-dashboard`, `#/live/7` (the live monitor of a running class), `#/onboarding`,
 * `#/payments`, `#/payments/mismatches`, `#/payments/reports`. */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'members' }
  | { page: 'member'; memberId: number }
  | { page: 'plans' }
  | { page: 'plan'; planId: number }
  | { page: 'models' }
  | { page: 'weekly'; adjustmentId?: number }
  | { page: 'settings' }
  | { page: 'schedule'; scenarioId?: number }
  | { page: 'club' }
  | { page: 'audit' }
  | { page: 'today' }
  | { page: 'classes' }
  | { page: 'class'; occurrenceId: number }
  | { page: 'summary'; occurrenceId: number }
  | { page: 'dashboard' }
  | { page: 'live'; occurrenceId: number }
  | { page: 'onboarding' }
  | { page: 'payments'; tab?: 'products' | 'mismatches' | 'reports' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const id = Number(parts[1]);
  if (parts[0] === 'members' && Number.isInteger(id) && id > 0) return { page: 'member', memberId: id };
  if (parts[0] === 'plans' && Number.isInteger(id) && id > 0) return { page: 'plan', planId: id };
  if (parts[0] === 'plans') return { page: 'plans' };
  if (parts[0] === 'models') return { page: 'models' };
  if (parts[0] === 'onboarding') return { page: 'onboarding' };
  if (parts[0] === 'settings') return { page: 'settings' };
  if (parts[0] === 'club') return { page: 'club' };
  if (parts[0] === 'audit') return { page: 'audit' };
  if (parts[0] === 'today') return { page: 'today' };
  if (parts[0] === 'club-dashboard') return { page: 'dashboard' };
  if (parts[0] === 'classes' && Number.isInteger(id) && id > 0) return parts[2] === 'summary' ? { page: 'summary', occurrenceId: id } : { page: 'class', occurrenceId: id };
  if (parts[0] === 'classes') return { page: 'classes' };
  if (parts[0] === 'payments') return parts[1] === 'mismatches' || parts[1] === 'reports' ? { page: 'payments', tab: parts[1] } : { page: 'payments' };
  if (parts[0] === 'live' && Number.isInteger(id) && id > 0) return { page: 'live', occurrenceId: id };
  if (parts[0] === 'schedule') return Number.isInteger(id) && id > 0 ? { page: 'schedule', scenarioId: id } : { page: 'schedule' };
  if (parts[0] === 'weekly') return Number.isInteger(id) && id > 0 ? { page: 'weekly', adjustmentId: id } : { page: 'weekly' };
  return { page: 'members' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'members': return '#/members';
    case 'member': return `#/members/${route.memberId}`;
    case 'plans': return '#/plans';
    case 'plan': return `#/plans/${route.planId}`;
    case 'models': return '#/models';
    case 'weekly': return route.adjustmentId ? `#/weekly/${route.adjustmentId}` : '#/weekly';
    case 'settings': return '#/settings';
    case 'schedule': return route.scenarioId ? `#/schedule/${route.scenarioId}` : '#/schedule';
    case 'club': return '#/club';
    case 'audit': return '#/audit';
    case 'today': return '#/today';
    case 'classes': return '#/classes';
    case 'class': return `#/classes/${route.occurrenceId}`;
    case 'summary': return `#/classes/${route.occurrenceId}/summary`;
    case 'dashboard': return '#/club-dashboard';
    case 'live': return `#/live/${route.occurrenceId}`;
    case 'onboarding': return '#/onboarding';
    case 'payments': return route.tab && route.tab !== 'products' ? `#/payments/${route.tab}` : '#/payments';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
