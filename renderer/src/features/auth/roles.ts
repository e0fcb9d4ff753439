/** What each role may open, in the nav and by direct URL (the host checks every call as well). */
import type { StaffRole } from '../../../../main/contract/index';
import type { Route } from '../../router';

export type Section = 'members' | 'plans' | 'weekly' | 'models' | 'schedule' | 'club' | 'settings' | 'audit' | 'today' | 'classes' | 'summary' | 'dashboard' | 'live' | 'onboarding' | 'payments';

const EVERYONE: readonly StaffRole[] = ['manager', 'trainer', 'front_desk'];
const COACHES: readonly StaffRole[] = ['manager', 'trainer'];
const MANAGERS: readonly StaffRole[] = ['manager'];
const DESK: readonly StaffRole[] = ['manager', 'front_desk'];

/** Who may open each section (mirrors the access lists of the operations each page needs). */
export const SECTION_ROLES: Record<Section, readonly StaffRole[]> = {
  members: EVERYONE, plans: COACHES, weekly: COACHES, models: COACHES, schedule: EVERYONE, club: EVERYONE,
  settings: MANAGERS, audit: MANAGERS, today: COACHES, classes: EVERYONE, summary: COACHES, dashboard: MANAGERS, live: EVERYONE, onboarding: COACHES, payments: DESK,
};

export function sectionOf(route: Route): Section {
  switch (route.page) {
    case 'members': case 'member': return 'members';
    case 'plans': case 'plan': return 'plans';
    case 'classes': case 'class': return 'classes';
    default: return route.page;
  }
}

export function mayOpen(role: StaffRole | null, section: Section): boolean {
  return role !== null && SECTION_ROLES[section].includes(role);
}

export function roleLabel(role: StaffRole): string {
  return role === 'front_desk' ? 'front desk' : role;
}

/** "the manager role", "the manager or trainer role". */
export function rolesNeeded(section: Section): string {
  const names = SECTION_ROLES[section].map(roleLabel);
  return `the ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0]} role`;
}
