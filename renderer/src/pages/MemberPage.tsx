/** One member: profile, progress charts, the RIR model, recent sets, plans and plan generation. */
import { Box, Chip, LinearProgress, Typography } from '@mui/material';
import { api } from '../api';
import { useStudio } from '../studio-context';
import { useLoad } from '../use-load';
import { Section } from '../components/Section';
import { ProfileCard } from '../components/ProfileCard';
import { E1rmChart } from '../components/E1rmChart';
import { VolumeChart } from '../components/VolumeChart';
import { RecentSetsTable } from '../components/RecentSetsTable';
import { PlansTable } from '../components/PlansTable';
import { GeneratePlanForm } from '../components/GeneratePlanForm';
import { StatusChip } from '../components/StatusChip';
import { RirSection } from '../components/RirSection';

export function MemberPage({ memberId }: { memberId: number }) {
  const { unit } = useStudio();
  const member = useLoad(() => api.members.get({ memberId }), [memberId]);
  const e1rm = useLoad(() => api.history.e1rm({ memberId, limit: 4 }), [memberId]);
  const volume = useLoad(() => api.history.volume({ memberId }), [memberId]);
  const sets = useLoad(() => api.history.sets({ memberId, limit: 100 }), [memberId]);
  const plans = useLoad(() => api.plans.list({ memberId }), [memberId]);

  const m = member.data;
  if (!m) return member.loading ? <LinearProgress /> : <Typography>Member not found.</Typography>;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="member-page">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h5" component="h1" data-testid="member-name">{m.name}</Typography>
        {m.isDemo ? <Chip label="demo" color="secondary" variant="outlined" /> : null}
        <StatusChip status={m.planStatus} testId="member-plan-status" />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '360px 1fr 1fr' }, gap: 1.5 }}>
        <ProfileCard member={m} onSaved={member.set} />
        <Section title="Estimated 1RM" testId="e1rm-section">
          {e1rm.data ? <E1rmChart series={e1rm.data} unit={unit} /> : <LinearProgress />}
        </Section>
        <Section title="Weekly volume" testId="volume-section">
          {volume.data ? <VolumeChart weeks={volume.data} unit={unit} /> : <LinearProgress />}
        </Section>
      </Box>
      <RirSection memberId={memberId} memberName={m.name} unit={unit} />
      <Section title="Generate a plan">
        <GeneratePlanForm member={m} />
      </Section>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', xl: '1fr 1fr' }, gap: 1.5 }}>
        <Section title="Plans" testId="member-plans">
          {plans.data ? <PlansTable plans={plans.data} showMember={false} /> : <LinearProgress />}
        </Section>
        <Section title="Recent sets">
          {sets.data ? <RecentSetsTable sets={sets.data} unit={unit} /> : <LinearProgress />}
        </Section>
      </Box>
    </Box>
  );
}
