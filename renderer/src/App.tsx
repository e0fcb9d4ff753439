/** The frame: app bar (acting staff, unit), the left nav and the page of the current route. */
import { useEffect, useState } from 'react';
import {
  AppBar, Box, Drawer, List, ListItemButton, ListItemText, MenuItem, Select, ToggleButton,
  ToggleButtonGroup, Toolbar, Typography,
} from '@mui/material';
import type { StaffRole, SystemInfo } from '../../main/contract/index';
import { api, isDesktop } from './api';
import { readActingStaffId, saveActingStaffId } from './preferences';
import { navigate, useRoute, type Route } from './router';
import { useStudio } from './studio-context';
import { useLoad } from './use-load';
import { MembersPage } from './features/members/MembersPage';
import { MemberPage } from './features/members/MemberPage';
import { PlansPage } from './features/plans/PlansPage';
import { PlanPage } from './features/plans/PlanPage';
import { ModelsPage } from './features/rir/ModelsPage';
import { WeeklyReviewPage } from './features/weekly/WeeklyReviewPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { SchedulePage } from './features/schedule/SchedulePage';
import { ClubSetupPage } from './features/schedule/ClubSetupPage';

const NAV_WIDTH = 168;

function pickStaff(info: SystemInfo | undefined): number | null {
  if (!info || info.staff.length === 0) return null;
  const stored = readActingStaffId();
  if (stored !== null && info.staff.some((s) => s.id === stored)) return stored;
  return info.actingStaff?.id ?? info.staff[0]!.id;
}

function Page({ route, role }: { route: Route; role: StaffRole | null }) {
  switch (route.page) {
    case 'members': return <MembersPage />;
    case 'member': return <MemberPage memberId={route.memberId} />;
    case 'plans': return <PlansPage />;
    case 'plan': return <PlanPage planId={route.planId} />;
    case 'models': return <ModelsPage role={role} />;
    case 'weekly': return <WeeklyReviewPage role={role} adjustmentId={route.adjustmentId ?? null} />;
    case 'settings': return <SettingsPage role={role} />;
    case 'schedule': return <SchedulePage role={role} scenarioId={route.scenarioId ?? null} />;
    case 'club': return <ClubSetupPage role={role} />;
  }
}

export function App() {
  const route = useRoute();
  const { unit, setUnit } = useStudio();
  const info = useLoad(() => api.system.info({}), []);
  const [staffId, setStaffId] = useState<number | null>(null);

  useEffect(() => {
    const id = pickStaff(info.data);
    saveActingStaffId(id);
    setStaffId(id);
  }, [info.data]);

  const chooseStaff = (id: number) => {
    saveActingStaffId(id);
    setStaffId(id);
  };
  const ready = Boolean(info.error) || (info.data !== undefined && (staffId !== null || info.data.staff.length === 0));
  const section = route.page === 'plan' || route.page === 'plans' ? 'plans' : route.page === 'models' ? 'models'
    : route.page === 'weekly' ? 'weekly' : route.page === 'settings' ? 'settings'
    : route.page === 'schedule' ? 'schedule' : route.page === 'club' ? 'club' : 'members';
  const role = info.data?.staff.find((s) => s.id === staffId)?.role ?? null;

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" elevation={0} sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1, fontSize: 18 }} data-testid="app-title">
            Trainer Studio
          </Typography>
          <Typography variant="body2" component="label" htmlFor="acting-staff-select" sx={{ opacity: 0.85 }}>Acting as</Typography>
          <Select
            id="acting-staff-select"
            value={staffId ?? ''}
            onChange={(e) => chooseStaff(Number(e.target.value))}
            data-testid="acting-staff"
            sx={{ minWidth: 200, bgcolor: 'background.paper', my: 0.75, '& .MuiSelect-select': { py: 0.5 } }}
          >
            {(info.data?.staff ?? []).map((s) => (
              <MenuItem key={s.id} value={s.id}>{s.name} · {s.role.replace('_', ' ')}</MenuItem>
            ))}
          </Select>
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
          <ListItemButton selected={section === 'members'} onClick={() => navigate({ page: 'members' })} data-testid="nav-members">
            <ListItemText primary="Members" />
          </ListItemButton>
          <ListItemButton selected={section === 'plans'} onClick={() => navigate({ page: 'plans' })} data-testid="nav-plans">
            <ListItemText primary="Plans" />
          </ListItemButton>
          <ListItemButton selected={section === 'weekly'} onClick={() => navigate({ page: 'weekly' })} data-testid="nav-weekly">
            <ListItemText primary="Weekly review" />
          </ListItemButton>
          <ListItemButton selected={section === 'models'} onClick={() => navigate({ page: 'models' })} data-testid="nav-models">
            <ListItemText primary="Models" />
          </ListItemButton>
          <ListItemButton selected={section === 'schedule'} onClick={() => navigate({ page: 'schedule' })} data-testid="nav-schedule">
            <ListItemText primary="Schedule" />
          </ListItemButton>
          <ListItemButton selected={section === 'club'} onClick={() => navigate({ page: 'club' })} data-testid="nav-club">
            <ListItemText primary="Club setup" />
          </ListItemButton>
          <ListItemButton selected={section === 'settings'} onClick={() => navigate({ page: 'settings' })} data-testid="nav-settings">
            <ListItemText primary="Settings" />
          </ListItemButton>
        </List>
        <Box sx={{ mt: 'auto', p: 1.5, color: 'text.secondary', fontSize: 11 }}>
          {info.data ? `v${info.data.version} · ${info.data.exerciseCount} exercises · ${isDesktop ? 'desktop' : 'browser'}` : ''}
        </Box>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 2, minWidth: 0 }}>
        <Toolbar variant="dense" />
        {ready ? <Page key={`${staffId}`} route={route} role={role} /> : null}
      </Box>
    </Box>
  );
}
