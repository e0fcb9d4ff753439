/** What a refit did: the new model activated, or kept as a candidate, and why. */
import { Alert, AlertTitle } from '@mui/material';
import type { RefitReport } from '../../../../main/contract/views';

export function RefitResult({ report: r, onClose }: { report: RefitReport; onClose(): void }) {
  const mae = `Held-out error ${r.entry.maeReps.toFixed(2)} reps`;
  const reason = r.reason.charAt(0).toUpperCase() + r.reason.slice(1) + (/[.!?]$/.test(r.reason) ? '' : '.');
  const against = r.previousMaeReps === null ? '' : ` against ${r.previousMaeReps.toFixed(2)} for the active model`;
  return (
    <Alert severity={r.activated ? 'success' : 'info'} onClose={onClose} data-testid="refit-result" data-activated={String(r.activated)}>
      <AlertTitle>{r.activated ? `Model ${r.entry.version} activated` : `Model ${r.entry.version} not activated`}</AlertTitle>
      {mae}{against}, 80 % interval coverage {Math.round(r.entry.coverage80 * 100)} %, trained on {r.entry.trainingSamples.toLocaleString()} sets
      in {r.seconds.toFixed(1)} s. {reason}
    </Alert>
  );
}
