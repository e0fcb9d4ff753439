/** What session/adjust advises: original → adjusted prescription, the load cut, why, and an easier exercise. */
import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import type { SessionAdjustView } from '../../../../main/contract/views';
import { tidyNumbers } from '../../format';
import { formatPrescribed } from '../../prescribed';
import { useStudio } from '../../studio-context';
import { formatLoad } from '../../units';

export function SessionAdjustResult({ result: r }: { result: SessionAdjustView }) {
  const { unit } = useStudio();
  const cut = Math.round(r.loadCutFraction * 1000) / 10;
  const changed = JSON.stringify(r.original) !== JSON.stringify(r.adjusted);
  return (
    <Alert severity={changed || r.alternative ? 'warning' : 'success'} sx={{ mt: 2 }} data-testid="session-adjust-result">
      <AlertTitle>{changed && r.alternative ? 'Lighten the load, or switch to an easier exercise' : changed ? 'Lighten the rest of this exercise' : r.alternative ? 'Consider an easier exercise' : 'Carry on as planned'}</AlertTitle>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 1.5, rowGap: 0.25, mb: 1 }}>
        <Typography variant="body2" color="text.secondary">Load</Typography>
        <Typography variant="body2">
          <span data-testid="session-adjust-original" data-kg={r.original.loadKg ?? ''}>{formatLoad(r.original.loadKg, unit)}</span>
          {' → '}
          <b data-testid="session-adjust-adjusted" data-kg={r.adjusted.loadKg ?? ''}>{formatLoad(r.adjusted.loadKg, unit)}</b>
          {cut > 0 ? <span data-testid="session-adjust-cut">{` (−${cut} %)`}</span> : null}
        </Typography>
        <Typography variant="body2" color="text.secondary">Now</Typography>
        <Typography variant="body2" data-testid="session-adjust-prescribed">{formatPrescribed(r.adjusted, unit)}</Typography>
      </Box>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="session-adjust-reasons">
        {r.reasons.map((reason) => <Typography component="li" variant="body2" key={reason}>{tidyNumbers(reason)}</Typography>)}
      </Box>
      {r.alternative ? (
        <Typography variant="body2" sx={{ mt: 1 }} data-testid="session-adjust-alternative">
          Easier alternative: <b>{r.alternative.exerciseName}</b>
        </Typography>
      ) : null}
    </Alert>
  );
}
