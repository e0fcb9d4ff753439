/** Long work under way: a bar (determinate once the host reports a fraction) and the host's message. */
import { Box, LinearProgress, Typography } from '@mui/material';

export interface Progress { fraction: number; message: string }

export function ProgressBox({ progress, testId }: { progress: Progress; testId: string }) {
  return (
    <Box sx={{ py: 2 }} data-testid={testId}>
      <LinearProgress variant={progress.fraction > 0 ? 'determinate' : 'indeterminate'} value={Math.round(progress.fraction * 100)} />
      <Typography variant="body2" sx={{ mt: 1 }} data-testid={`${testId}-message`}>{progress.message}</Typography>
    </Box>
  );
}
