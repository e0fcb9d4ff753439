/**
 * One member: profile, progress charts, check-ins and recommendations, insights, the RIR model,
 * the home-gym inventory, plans; payments (contact, memberships, packs, receipts; selling at the front desk); data
 * export and erasure for managers; the coach chat. Front desk sees the profile, the
 * check-in and the coach only.
 */
import { useState } from 'react';
import { Box, Button, Chip, LinearProgress, Typography } from '@mui/material';
import { MemberCardButton } from '../classes/MemberCardButton';
import { MemberBookings } from '../classes/MemberBookings';
import type { CheckInView, Member, StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { ProfileCard } from './ProfileCard';
import { E1rmChart } from './E1rmChart';
import { VolumeChart } from './VolumeChart';
import { RecentSetsTable } from './RecentSetsTable';
import { PlansTable } from '../plans/PlansTable';
import { GeneratePlanForm } from '../plans/GeneratePlanForm';
import { StatusChip } from '../../components/StatusChip';
import { RirSection } from '../rir/RirSection';
import { CheckInDialog } from '../progression/CheckInDialog';
import { RecommendationsSection } from '../progression/RecommendationsSection';
import { InsightsPanel } from '../progression/InsightsPanel';
import { MemberDataActions } from './MemberDataActions';
import { PhonesSection } from '../phones/PhonesSection';
import { PhoneSetsSection } from '../phones/PhoneSetsSection';
import { useMemberChanges } from '../phones/use-member-changes';
import { CoachPanel } from '../coach/CoachPanel';
import { MemberPaymentsSection } from '../payments/MemberPaymentsSection';
import { MemberInventorySection } from '../inventory/MemberInventorySection';

export function MemberPage({ memberId, role }: { memberId: number; role: StaffRole }) {
  const member = useLoad(() => api.members.get({ memberId }), [memberId]);
  const checkins = useLoad(() => api.checkins.list({ memberId }), [memberId]);
  const [checkInOpen, setCheckInOpen] = useState(false);
  // Moves when a phone syncs for this member (server-sent events): the phone panels reload.
  const phoneVersion = useMemberChanges(memberId);

  const m = member.data;
  if (!m) return member.loading ? <LinearProgress /> : <Typography>Member not found.</Typography>;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="member-page">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h5" component="h1" data-testid="member-name">{m.name}</Typography>
        {m.isDemo ? <Chip label="demo" color="secondary" variant="outlined" /> : null}
        <StatusChip status={m.planStatus} testId="member-plan-status" />
        <Box sx={{ flexGrow: 1 }} />
        {role === 'manager' ? <MemberDataActions member={m} /> : null}
        <Button variant="outlined" onClick={() => setCheckInOpen(true)} data-testid="open-checkin">Check-in</Button>
        <MemberCardButton memberId={memberId} />
      </Box>
      <CoachPanel memberId={memberId} />
      {role === 'front_desk'
        ? <Box sx={{ maxWidth: 480 }}><ProfileCard member={m} role={role} onSaved={member.set} /></Box>
        : <Coaching memberId={memberId} member={m} role={role} latestCheckIn={checkins.data?.[0]} onSaved={member.set} phoneVersion={phoneVersion} />}
      <MemberPaymentsSection memberId={memberId} memberName={m.name} role={role} />
      <MemberBookings memberId={memberId} />
      <PhonesSection memberId={memberId} version={phoneVersion} />
      <CheckInDialog
        memberId={memberId} memberName={m.name} open={checkInOpen} onClose={() => setCheckInOpen(false)}
        onSaved={() => { setCheckInOpen(false); checkins.reload(); }}
      />
    </Box>
  );
}

interface CoachingProps {
  memberId: number;
  member: Member;
  role: StaffRole;
  latestCheckIn: CheckInView | undefined;
  onSaved(member: Member): void;
  phoneVersion: number;
}

/** What trainers and managers see of a member: charts, recommendations, insights, RIR, plans, sets. */
function Coaching({ memberId, member: m, role, latestCheckIn, onSaved, phoneVersion }: CoachingProps) {
  const { unit } = useStudio();
  const e1rm = useLoad(() => api.history.e1rm({ memberId, limit: 4 }), [memberId, phoneVersion]);
  const volume = useLoad(() => api.history.volume({ memberId }), [memberId, phoneVersion]);
  const sets = useLoad(() => api.history.sets({ memberId, limit: 100 }), [memberId, phoneVersion]);
  const plans = useLoad(() => api.plans.list({ memberId }), [memberId]);
  const [feedbackCount, setFeedbackCount] = useState(0);
  return (
    <>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '360px 1fr 1fr' }, gap: 1.5 }}>
        <ProfileCard member={m} role={role} onSaved={onSaved} />
        <Section title="Estimated 1RM" testId="e1rm-section">
          {e1rm.data ? <E1rmChart series={e1rm.data} unit={unit} /> : <LinearProgress />}
        </Section>
        <Section title="Weekly volume" testId="volume-section">
          {volume.data ? <VolumeChart weeks={volume.data} unit={unit} /> : <LinearProgress />}
        </Section>
      </Box>
      <PhoneSetsSection memberId={memberId} unit={unit} version={phoneVersion} />
      <RecommendationsSection memberId={memberId} checkIn={latestCheckIn} onFeedback={() => setFeedbackCount((n) => n + 1)} />
      <InsightsPanel memberId={memberId} version={feedbackCount} />
      <RirSection memberId={memberId} memberName={m.name} unit={unit} />
      <MemberInventorySection memberId={memberId} />
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
    </>
  );
}
