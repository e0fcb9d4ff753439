/**
 * Run the weekly analysis for one member (weekly/analyze) or for every member with an approved
 * plan (weekly/analyze-all): the proposals then wait in the review list.
 */
import { useState } from 'react';
import { Autocomplete, Box, Button, TextField, Typography } from '@mui/material';
import type { MemberSummary, PlanAdjustmentView, WeeklyRunView } from '../../../../main/contract/views';
import { api } from '../../api';
import { fieldErrorOf } from '../../errors';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';

interface Props { onDone(view: PlanAdjustmentView): void; onAllDone(run: WeeklyRunView): void }

export function RunWeeklyAnalysis({ onDone, onAllDone }: Props) {
  const { showError, showMessage } = useStudio();
  const members = useLoad(() => api.members.list({}), []);
  const [member, setMember] = useState<MemberSummary | null>(null);
  const [weekStart, setWeekStart] = useState('');
  const [busy, setBusy] = useState<'one' | 'all' | null>(null);
  const [badField, setBadField] = useState<string | null>(null);
  const withPlan = (members.data ?? []).filter((m) => m.planStatus === 'approved' || m.planStatus === 'active');

  const run = async () => {
    if (!member) return;
    setBusy('one');
    setBadField(null);
    try {
      const view = await api.weekly.analyze({ memberId: member.id, ...(weekStart ? { weekStart } : {}) });
      showMessage(`Weekly analysis for ${member.name}: ${view.lines.length} proposed changes`);
      onDone(view);
    } catch (err) {
      setBadField(fieldErrorOf(err)?.field ?? null);
      showError(err);
    } finally {
      setBusy(null);
    }
  };

  const runAll = async () => {
    setBusy('all');
    setBadField(null);
    try {
      onAllDone(await api.weekly.analyzeAll(weekStart ? { weekStart } : {}));
    } catch (err) {
      setBadField(fieldErrorOf(err)?.field ?? null);
      showError(err);
    } finally {
      setBusy(null);
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
      <Button variant="contained" onClick={run} disabled={busy !== null || !member} sx={{ mt: 0.25 }} data-testid="run-weekly-analysis">
        {busy === 'one' ? 'Analysing…' : 'Run weekly analysis'}
      </Button>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1.25 }}>or</Typography>
      <Button variant="outlined" onClick={runAll} disabled={busy !== null} sx={{ mt: 0.25 }} data-testid="analyze-all">
        {busy === 'all' ? 'Analysing all…' : 'Analyse all members'}
      </Button>
      <Typography variant="caption" color="text.secondary" sx={{ flexBasis: '100%' }}>
        Without a date, the last full week is analysed. &ldquo;Analyse all members&rdquo; runs it for everyone with an approved plan. Volume per muscle against the plan, e1RM trends, adherence, fatigue and
        recovery become next week&apos;s proposed changes, which wait here for a trainer.
      </Typography>
    </Box>
  );
}
