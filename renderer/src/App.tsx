/**
 * The frame: before anyone is signed in, the first-run, sign-in or lock screen; then the app bar
 * (who is signed in, Lock, the account menu, the unit), the left nav (what the role may open) and
 * the page of the current route.
 */
import {
  AppBar, Box, Button, CircularProgress, Drawer, List, ListItemButton, ListItemText, ToggleButton, ToggleButtonGroup,
  Toolbar, Typography,
} from '@mui/material';
import type { MeView, StaffRole } from '../../main/contract/index';
import { api, isDesktop } from './api';
import { navigate, useRoute, type Route } from './router';
import { useStudio } from './studio-context';
import { useLoad } from './use-load';
import { useAuth } from './features/auth/auth-context';
import { AuthFrame } from './features/auth/AuthFrame';
import { FirstRunScreen } from './features/auth/FirstRunScreen';
import { SignInScreen } from './features/auth/SignInScreen';
import { LockScreen } from './features/auth/LockScreen';
import { ChangePasswordScreen } from './features/auth/ChangePasswordScreen';
import { AccountMenu } from './features/auth/AccountMenu';
import { NeedsRole } from './features/auth/NeedsRole';
import { mayOpen, sectionOf, type Section } from './features/auth/roles';
import { MembersPage } from './features/members/MembersPage';
import { MemberPage } from './features/members/MemberPage';
import { PlansPage } from './features/plans/PlansPage';
import { PlanPage } from './features/plans/PlanPage';
import { ModelsPage } from './features/rir/ModelsPage';
import { WeeklyReviewPage } from './features/weekly/WeeklyReviewPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { SchedulePage } from './features/schedule/SchedulePage';
import { ClubSetupPage } from './features/schedule/ClubSetupPage';
import { AuditPage } from './features/audit/AuditPage';
import { TodayPage } from './features/today/TodayPage';
import { ClassesPage } from './features/classes/ClassesPage';
import { ClassPage } from './features/classes/ClassPage';
import { SummaryPage } from './features/classes/SummaryPage';
import { ClubDashboardPage } from './features/club/ClubDashboardPage';
import { NotificationsBell } from './features/classes/NotificationsBell';
import { LivePage } from './features/live/LivePage';
import { OnboardingPage } from './features/onboarding/OnboardingPage';
import { PaymentsPage } from './features/payments/PaymentsPage';

const NAV_WIDTH = 168;

const NAV: Array<{ section: Section; label: string; route: Route }> = [
  { section: 'today', label: 'Today', route: { page: 'today' } },
  { section: 'classes', label: 'Classes', route: { page: 'classes' } },
  { section: 'members', label: 'Members', route: { page: 'members' } },
  { section: 'onboarding', label: 'Onboarding', route: { page: 'onboarding' } },
  { section: 'plans', label: 'Plans', route: { page: 'plans' } },
  { section: 'weekly', label: 'Weekly review', route: { page: 'weekly' } },
  { section: 'models', label: 'Models', route: { page: 'models' } },
  { section: 'schedule', label: 'Schedule', route: { page: 'schedule' } },
  { section: 'payments', label: 'Payments', route: { page: 'payments' } },
  { section: 'club', label: 'Club setup', route: { page: 'club' } },
  { section: 'dashboard', label: 'Club dashboard', route: { page: 'dashboard' } },
  { section: 'audit', label: 'Audit', route: { page: 'audit' } },
  { section: 'settings', label: 'Settings', route: { page: 'settings' } },
];

function Page({ route, role }: { route: Route; role: StaffRole }) {
  const section = sectionOf(route);
  if (!mayOpen(role, section)) return <NeedsRole section={section} role={role} />;
  switch (route.page) {
    case 'members': return <MembersPage role={role} />;
    case 'member': return <MemberPage memberId={route.memberId} role={role} />;
    case 'plans': return <PlansPage />;
    case 'plan': return <PlanPage planId={route.planId} />;
    case 'models': return <ModelsPage role={role} />;
    case 'weekly': return <WeeklyReviewPage role={role} adjustmentId={route.adjustmentId ?? null} />;
    case 'settings': return <SettingsPage role={role} />;
    case 'schedule': return <SchedulePage role={role} scenarioId={route.scenarioId ?? null} />;
    case 'club': return <ClubSetupPage role={role} />;
    case 'audit': return <AuditPage />;
    case 'today': return <TodayPage />;
    case 'classes': return <ClassesPage />;
    case 'class': return <ClassPage occurrenceId={route.occurrenceId} role={role} />;
    case 'summary': return <SummaryPage occurrenceId={route.occurrenceId} />;
    case 'dashboard': return <ClubDashboardPage />;
    case 'live': return <LivePage occurrenceId={route.occurrenceId} role={role} />;
    case 'onboarding': return <OnboardingPage />;
    case 'payments': return <PaymentsPage role={role} tab={route.tab ?? 'products'} />;
  }
}

function Studio({ me }: { me: MeView }) {
  const route = useRoute();
  const { unit, setUnit } = useStudio();
  const info = useLoad(() => api.system.info({}), [me.staff.id]);
  const role = me.staff.role;
  const section = sectionOf(route);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 1.5 }}>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1, fontSize: 18 }} data-testid="app-title">
            Trainer Studio
          </Typography>
          <NotificationsBell />
          <AccountMenu />
          <ToggleButtonGroup
            exclusive
            size="small"
            value={unit}
            onChange={(_, u: 'kg' | 'lb' | null) => u && setUnit(u)}
            data-testid="unit-toggle"
            sx={{ bgcolor: 'background.paper' }}
          >
            <ToggleButton value="kg" sx={{ px: 1.5, py: 0.25 }}>kg</ToggleButton>
            <ToggleButton value="lb" sx={{ px: 1.5, py: 0.25 }}>lb</ToggleButton>
          </ToggleButtonGroup>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: NAV_WIDTH, '& .MuiDrawer-paper': { width: NAV_WIDTH } }}>
        <Toolbar variant="dense" />
        <List dense component="nav">
          {NAV.filter((n) => mayOpen(role, n.section)).map((n) => (
            <ListItemButton key={n.section} selected={section === n.section} onClick={() => navigate(n.route)} data-testid={`nav-${n.section}`}>
              <ListItemText primary={n.label} />
            </ListItemButton>
          ))}
        </List>
        <Box sx={{ mt: 'auto', p: 1.5, color: 'text.secondary', fontSize: 11 }}>
          {info.data ? `v${info.data.version} · ${info.data.exerciseCount} exercises · ${isDesktop ? 'desktop' : 'browser'}` : ''}
        </Box>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 2, minWidth: 0 }}>
        <Toolbar variant="dense" />
        <Page key={me.staff.id} route={route} role={role} />
      </Box>
    </Box>
  );
}

export function App() {
  const auth = useAuth();
  const { screen, me } = auth;
  switch (screen.kind) {
    case 'starting':
      return <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }} data-testid="auth-starting"><CircularProgress /></Box>;
    case 'unreachable':
      return (
        <AuthFrame title="The studio cannot be reached" kind="unreachable" reason={screen.message}>
          <Button variant="contained" onClick={auth.retry} data-testid="auth-retry">Try again</Button>
        </AuthFrame>
      );
    case 'first-run': return <FirstRunScreen />;
    case 'sign-in': return <SignInScreen key={screen.reason ?? ''} reason={screen.reason} />;
    case 'locked': return <LockScreen key={`${auth.sessions.sessions.length}:${screen.reason ?? ''}`} reason={screen.reason} />;
    case 'ready':
      if (!me) return null;
      return me.mustChangePassword ? <ChangePasswordScreen /> : <Studio me={me} />;
  }
}
