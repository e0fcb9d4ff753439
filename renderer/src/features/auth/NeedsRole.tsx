/** Shown instead of a page the signed-in role may not use (reached by a direct URL). */
import { Alert, AlertTitle, Box } from '@mui/material';
import type { StaffRole } from '../../../../main/contract/index';
import { roleLabel, rolesNeeded, type Section } from './roles';

const TITLES: Record<Section, string> = {
  members: 'Members', plans: 'Plans', weekly: 'Weekly review', models: 'Models', schedule: 'Schedule', club: 'Club setup',
  settings: 'Settings', audit: 'Audit', today: 'Today', classes: 'Classes', summary: 'Class summary', dashboard: 'Club dashboard', live: 'Live class monitor', onboarding: 'Onboarding', payments: 'Payments',
};

export function NeedsRole({ section, role }: { section: Section; role: StaffRole | null }) {
  return (
    <Box sx={{ maxWidth: 640 }} data-testid="needs-role" data-section={section}>
      <Alert severity="warning">
        <AlertTitle>{TITLES[section]} needs {rolesNeeded(section)}</AlertTitle>
        You are signed in as {role ? roleLabel(role) : 'nobody'}. Ask a manager if you need this page, or sign in as someone who has that role.
      </Alert>
    </Box>
  );
}
