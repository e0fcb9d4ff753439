/** Club settings: the safety constraints every suggestion and plan change is clamped to. */
import { Box, LinearProgress, Typography } from '@mui/material';
import type { StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { SafetyConstraintsForm } from './SafetyConstraintsForm';

export function SettingsPage({ role }: { role: StaffRole | null }) {
  const constraints = useLoad(() => api.safety.constraints({}), []);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="settings-page">
      <Typography variant="h5" component="h1">Settings</Typography>
      <Section title="Safety constraints" testId="safety-constraints">
        {constraints.data ? (
          <SafetyConstraintsForm constraints={constraints.data} canEdit={role === 'manager'} onSaved={constraints.set} />
        ) : constraints.loading ? <LinearProgress /> : <Typography color="text.secondary">The safety constraints could not be loaded.</Typography>}
      </Section>
    </Box>
  );
}
