/** Run the weekly analysis for one member (weekly/analyze): the proposal then waits in the review list. */
import { useState } from 'react';
import { Autocomplete, Box, Button, TextField, Typography } from '@mui/material';
import type { MemberSummary, PlanAdjustmentView } from '../../../main/contract/views';
import { api } from '../api';
import { fieldErrorOf } from '../errors';
import { useStudio } from '../studio-context';
import { useLoad } from '../use-load';

interface Props { onDone(view: PlanAdjustmentView): void }

export function RunWeeklyAnalysis({ onDone }: Props) {
  const { showError, showMessage } = useStudio();
  const members = useLoad(() => api.members.list({}), []);
  const [member, setMember] = useState<MemberSummary | null>(null);
  const [weekStart, setWeekStart] = useState('');
  const [busy, setBusy] = useState(false);
  const [badField, setBadField] = useState<string | null>(null);
  const withPlan = (members.data ?? []).filter((m) => m.planStatus === 'approved' || m.planStatus === 'active');

  const run = async () => {
    if (!member) return;
    setBusy(true);
    setBadField(null);
    try {
      const view = await api.weekly.analyze({ memberId: member.id, ...(weekStart ? { weekStart } : {}) });
      showMessage(`Weekly analysis for ${member.name}: ${view.lines.length} proposed changes`);
      onDone(view);
    } catch (err) {
      setBadField(fieldErrorOf(err)?.field ?? null);
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }} data-testid="weekly-run">
      <Autocomplete
        options={withPlan} value={member} onChange={(_, m) => setMember(m)} loading={members.loading}
        getOptionLabel={(m) => m.name} isOptionEqualToValue={(a, b) => a.id === b.id} sx={{ width: 280 }}
        renderInput={(params) => (
          <TextField {...params} label="Member with an approved plan" error={badField === 'memberId'}
            slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'weekly-member' } }} />
        )}
      />
      <TextField
        label="Week starting (optional)" type="date" value={weekStart} onChange={(e) => setWeekStart(e.target.value)} sx={{ width: 190 }}
        error={badField === 'weekStart'} slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'weekly-week-start' } }}
      />
      <Button variant="contained" onClick={run} disabled={busy || !member} sx={{ mt: 0.25 }} data-testid="run-weekly-analysis">
        {busy ? 'Analysing…' : 'Run weekly analysis'}
      </Button>
      <Typography variant="caption" color="text.secondary" sx={{ flexBasis: '100%' }}>
        Without a date, the last full week is analysed. Volume per muscle against the plan, e1RM trends, adherence, fatigue and
        recovery become next week&apos;s proposed changes, which wait here for a trainer.
      </Typography>
    </Box>
  );
}
