/** A pending action the coach proposed: Confirm applies it (as the person confirming), Reject drops it. */
import { useState } from 'react';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import type { CoachActionView } from '../../../../main/contract/index';
import { api } from '../../api';
import { useStudio } from '../../studio-context';
import { hrefOf } from '../../router';

export function ActionCard({ action, onDecided }: { action: CoachActionView; onDecided(a: CoachActionView): void }) {
  const { showError } = useStudio();
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'confirm' | 'reject') => {
    setBusy(true);
    try { onDecided(await api.coach.decide({ actionId: action.id, decision })); } catch (e) { showError(e); } finally { setBusy(false); }
  };
  const planId = action.op === 'plans/generate' && action.status === 'confirmed' ? (action.result as { id?: number } | null)?.id : undefined;
  return (
    <Paper variant="outlined" sx={{ p: 1, display: 'flex', flexDirection: 'column', gap: 0.5 }} data-testid={`coach-action-${action.id}`} data-status={action.status}>
      <Typography variant="body2"><b>{action.status === 'pending' ? 'Proposed' : action.status}:</b> {action.summary}</Typography>
      {action.status === 'pending' ? (
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button size="small" variant="contained" disabled={busy} onClick={() => void decide('confirm')} data-testid="coach-action-confirm">Confirm</Button>
          <Button size="small" disabled={busy} onClick={() => void decide('reject')} data-testid="coach-action-reject">Reject</Button>
        </Box>
      ) : null}
      {action.status === 'failed' && action.error ? <Alert severity="error">{action.error}</Alert> : null}
      {planId ? <a href={hrefOf({ page: 'plan', planId })} data-testid="coach-action-plan-link">Open the draft plan (awaiting approval)</a> : null}
    </Paper>
  );
}
