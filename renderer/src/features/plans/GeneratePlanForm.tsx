/** Generate a draft plan for a member from their profile and history (plans/generate). */
import { useState } from 'react';
import { Box, Button, MenuItem, TextField } from '@mui/material';
import { GOALS, type Goal } from '../../../../engine/exercises/vocabulary';
import type { Member } from '../../../../main/contract/views';
import { fieldErrorOf } from '../../errors';
import { api } from '../../api';
import { humanize } from '../../format';
import { navigate } from '../../router';
import { useStudio } from '../../studio-context';

export function GeneratePlanForm({ member }: { member: Member }) {
  const { showError } = useStudio();
  const [weeks, setWeeks] = useState('4');
  const [days, setDays] = useState(String(member.daysPerWeek));
  const [goal, setGoal] = useState<Goal>(member.goal);
  const [minutes, setMinutes] = useState(String(member.sessionMinutes));
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const errorOf = (name: string) => (fieldError?.field.split('.').pop() === name ? fieldError.message : undefined);

  const generate = async () => {
    setBusy(true);
    setFieldError(null);
    try {
      const plan = await api.plans.generate({
        memberId: member.id, weeks: Number(weeks), daysPerWeek: Number(days), goal, sessionMinutes: Number(minutes),
      });
      navigate({ page: 'plan', planId: plan.id });
    } catch (err) {
      setFieldError(fieldErrorOf(err));
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  const numberField = (label: string, value: string, set: (v: string) => void, name: string, min: number, max: number) => (
    <TextField
      label={label} type="number" value={value} onChange={(e) => set(e.target.value)} sx={{ width: 130 }}
      error={Boolean(errorOf(name))} helperText={errorOf(name)}
      slotProps={{ htmlInput: { min, max, 'data-testid': `generate-${name}` } }}
    />
  );

  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }} data-testid="generate-form">
      {numberField('Weeks (1–12)', weeks, setWeeks, 'weeks', 1, 12)}
      {numberField('Days / week (2–6)', days, setDays, 'daysPerWeek', 2, 6)}
      <TextField select label="Goal" value={goal} onChange={(e) => setGoal(e.target.value as Goal)} sx={{ width: 170 }} data-testid="generate-goal">
        {GOALS.map((g) => <MenuItem key={g} value={g}>{humanize(g)}</MenuItem>)}
      </TextField>
      {numberField('Session minutes', minutes, setMinutes, 'sessionMinutes', 20, 180)}
      <Button variant="contained" onClick={generate} disabled={busy} sx={{ mt: 0.25 }} data-testid="generate-plan">
        {busy ? 'Generating…' : 'Generate plan'}
      </Button>
    </Box>
  );
}
