/** The member's profile at a glance, editable through members/update. */
import { useState } from 'react';
import { Box, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import type { Member, StaffRole } from '../../../../main/contract/index';
import { fieldErrorOf } from '../../errors';
import { api } from '../../api';
import { formatDate, humanize } from '../../format';
import { formatLoad } from '../../units';
import { useStudio } from '../../studio-context';
import { Section } from '../../components/Section';
import { MemberFieldsForm, formToFields, memberToForm, type MemberForm } from './MemberFieldsForm';
import { useTrainers } from './use-trainers';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <Box sx={{ display: 'contents' }}>
      <Typography variant="body2" color="text.secondary">{label}</Typography>
      <Box sx={{ fontSize: 13 }} data-testid={testId}>{children}</Box>
    </Box>
  );
}

function Chips({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <Typography variant="body2" color="text.secondary">{empty}</Typography>;
  return <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>{items.map((i) => <Chip key={i} label={humanize(i)} variant="outlined" />)}</Box>;
}

export function ProfileCard({ member, role, onSaved }: { member: Member; role: StaffRole; onSaved(member: Member): void }) {
  const { unit, showError } = useStudio();
  const trainers = useTrainers(role);
  const canEdit = role !== 'front_desk';
  const [form, setForm] = useState<MemberForm | null>(null);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const exclusions = [...member.excludedMuscles, ...member.excludedPatterns, ...member.excludedExerciseIds];

  const save = async () => {
    if (!form) return;
    setBusy(true);
    setFieldError(null);
    try {
      // The whole profile goes in the patch (the trainer only from a manager's form).
      const patch = { ...formToFields(form, unit, trainers !== undefined), excludedExerciseIds: member.excludedExerciseIds };
      const updated = await api.members.update({ memberId: member.id, patch });
      setForm(null);
      onSaved(updated);
    } catch (err) {
      setFieldError(fieldErrorOf(err));
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Profile" testId="profile" actions={canEdit ? <Button onClick={() => setForm(memberToForm(member, unit))} data-testid="edit-profile">Edit</Button> : null}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.75, alignItems: 'center' }}>
        <Fact label="Goal" testId="profile-goal">{humanize(member.goal)}</Fact>
        <Fact label="Level">{humanize(member.level)}</Fact>
        <Fact label="Trainer" testId="profile-trainer">{member.trainer?.name ?? 'none (any trainer)'}</Fact>
        <Fact label="Schedule" testId="profile-days">{member.daysPerWeek} days/week · {member.sessionMinutes} min</Fact>
        <Fact label="Body mass">{formatLoad(member.bodyMassKg, unit).replace('BW', '—')}</Fact>
        <Fact label="Heart rate" testId="profile-heart">
          {`${member.nickname ? `“${member.nickname}” · ` : ''}born ${member.birthYear ?? '—'} · rest ${member.restingHrBpm ?? '—'} bpm · max seen ${member.maxHrBpm ?? '—'} bpm`}
        </Fact>
        <Fact label="Equipment"><Chips items={member.equipment} empty="none" /></Fact>
        <Fact label="Exclusions" testId="profile-exclusions"><Chips items={exclusions} empty="none" /></Fact>
        <Fact label="History">
          {member.setCount.toLocaleString()} sets in {member.sessionCount} sessions
          {member.firstTrainedAt ? ` · ${formatDate(member.firstTrainedAt)} – ${formatDate(member.lastTrainedAt)}` : ''}
        </Fact>
        {member.notes ? <Fact label="Notes">{member.notes}</Fact> : null}
      </Box>
      <Dialog open={form !== null} onClose={() => setForm(null)} maxWidth="sm" fullWidth data-testid="profile-dialog">
        <DialogTitle>Edit profile</DialogTitle>
        <DialogContent>
          {form ? <MemberFieldsForm form={form} onChange={setForm} unit={unit} fieldError={fieldError} trainers={trainers} /> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setForm(null)}>Cancel</Button>
          <Button variant="contained" onClick={save} disabled={busy} data-testid="save-profile">Save</Button>
        </DialogActions>
      </Dialog>
    </Section>
  );
}
