/** The RIR population models: registry, active version, switch history; refit and roll back (managers). */
import { useState } from 'react';
import { Box, Button, LinearProgress, Paper, Tooltip, Typography } from '@mui/material';
import type { RefitReport, StaffRole } from '../../../../main/contract/index';
import { api, callWithProgress } from '../../api';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ModelRegistryTable } from './ModelRegistryTable';
import { ModelHistoryTable } from './ModelHistoryTable';
import { RefitResult } from './RefitResult';

interface Progress { fraction: number; message: string }

export function ModelsPage({ role }: { role: StaffRole | null }) {
  const { showError, showMessage } = useStudio();
  const canView = role === 'trainer' || role === 'manager';
  const models = useLoad(() => (canView ? api.models.list({}) : Promise.resolve(undefined)), [canView]);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<RefitReport | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const manager = role === 'manager';

  const refit = async () => {
    setResult(null);
    setProgress({ fraction: 0, message: 'Starting the refit…' });
    try {
      setResult(await callWithProgress('models/refit', {}, setProgress));
      models.reload();
    } catch (err) {
      showError(err);
    } finally {
      setProgress(null);
    }
  };

  const rollback = async () => {
    setBusy(true);
    try {
      const view = await api.models.rollback({});
      models.set(view);
      showMessage(`Rolled back: ${view.activeVersion ?? 'the published-figures default'} is active`);
    } catch (err) {
      showError(err);
    } finally {
      setConfirm(false);
      setBusy(false);
    }
  };

  if (!canView) return <Typography color="text.secondary">Only trainers and managers can see the RIR models.</Typography>;
  const m = models.data;
  const running = progress !== null;
  // The host rolls back to the model that was active before; the published-figures default is not one.
  const canRollBack = m?.canRollBack ?? false;
  const onlyManagers = manager ? '' : 'Only a manager can do this';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="models-page">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>RIR models</Typography>
        <Tooltip title={onlyManagers || (m && !canRollBack ? 'No earlier model to roll back to' : '')}>
          <span>
            <Button variant="outlined" color="inherit" disabled={!manager || running || busy || !canRollBack}
              onClick={() => setConfirm(true)} data-testid="rollback-model">Roll back</Button>
          </span>
        </Tooltip>
        <Tooltip title={onlyManagers}>
          <span>
            <Button variant="contained" disabled={!manager || running || busy} onClick={refit} data-testid="refit-model">Refit now</Button>
          </span>
        </Tooltip>
      </Box>
      <Paper sx={{ p: 1.5 }}>
        <Typography variant="body2" data-testid="active-model">
          Active: <b>{m ? (m.activeVersion ?? `published-figures default (${m.defaultVersion})`) : '…'}</b>
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          A refit trains the population part of the model on every member&apos;s sets; the new model is activated only if it beats the
          active one on held-out sets. Members&apos; own adjustments are kept.
        </Typography>
        {running ? (
          <Box sx={{ mt: 1.5 }} data-testid="refit-progress">
            <LinearProgress variant={progress.fraction > 0 ? 'determinate' : 'indeterminate'} value={Math.round(progress.fraction * 100)} />
            <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="refit-progress-message">{progress.message}</Typography>
          </Box>
        ) : null}
        {result ? <Box sx={{ mt: 1.5 }}><RefitResult report={result} onClose={() => setResult(null)} /></Box> : null}
      </Paper>
      <Section title="Registry" testId="models-registry">
        {m ? <ModelRegistryTable entries={m.entries} /> : <LinearProgress />}
      </Section>
      <Section title="Switch history" testId="models-history">
        {m ? <ModelHistoryTable history={m.history} /> : <LinearProgress />}
      </Section>
      <ConfirmDialog
        open={confirm}
        busy={busy}
        title="Roll back the RIR model?"
        text="The previously active model becomes active again, for every member's predictions and new plans. The switch is recorded."
        confirmLabel="Roll back"
        onConfirm={rollback}
        onClose={() => setConfirm(false)}
      />
    </Box>
  );
}
