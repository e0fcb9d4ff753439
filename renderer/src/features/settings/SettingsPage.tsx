/** Club settings (managers): staff accounts, the session policy, backups, the booking and payments policies, the live monitor's zones, the coach's models, the equipment inventory and the safety constraints. */
import { Box, LinearProgress, Typography } from '@mui/material';
import type { StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { useAuth } from '../auth/auth-context';
import { SafetyConstraintsForm } from './SafetyConstraintsForm';
import { StaffSection } from './StaffSection';
import { SecuritySection } from './SecuritySection';
import { BackupsSection } from './BackupsSection';
import { PolicySection } from '../classes/PolicySection';
import { PaymentsPolicySection } from '../payments/PaymentsPolicySection';
import { LiveZonesSection } from './LiveZonesSection';
import { PhoneSettingsSection } from '../phones/PhoneSettingsSection';
import { CoachModelsSection } from '../coach/CoachModelsSection';
import { ClubInventorySection } from '../inventory/ClubInventorySection';

export function SettingsPage({ role }: { role: StaffRole | null }) {
  const { me } = useAuth();
  const constraints = useLoad(() => api.safety.constraints({}), []);
  const settings = useLoad(() => api.system.settings({}), []);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="settings-page">
      <Typography variant="h5" component="h1">Settings</Typography>
      <StaffSection myId={me?.staff.id ?? 0} />
      {settings.data ? (
        <>
          <SecuritySection settings={settings.data} onSaved={settings.set} />
          <BackupsSection settings={settings.data} onSaved={settings.set} />
        </>
      ) : settings.loading ? <LinearProgress /> : null}
      {role === 'manager' && <PolicySection />}
      {role === 'manager' && <PaymentsPolicySection />}
      <LiveZonesSection />
      <PhoneSettingsSection canEdit={role === 'manager'} />
      <CoachModelsSection role={role} />
      <ClubInventorySection canEdit={role === 'manager'} />
      <Section title="Safety constraints" testId="safety-constraints">
        {constraints.data ? (
          <SafetyConstraintsForm constraints={constraints.data} canEdit={role === 'manager'} onSaved={constraints.set} />
        ) : constraints.loading ? <LinearProgress /> : <Typography color="text.secondary">The safety constraints could not be loaded.</Typography>}
      </Section>
    </Box>
  );
}
