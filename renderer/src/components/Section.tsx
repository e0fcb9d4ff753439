/** A titled panel of a page. */
import type { ReactNode } from 'react';
import { Box, Paper, Typography } from '@mui/material';

interface Props { title: string; actions?: ReactNode; children: ReactNode; testId?: string }

export function Section({ title, actions, children, testId }: Props) {
  return (
    <Paper sx={{ p: 1.5, minWidth: 0 }} data-testid={testId}>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 1, gap: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, flexGrow: 1 }}>{title}</Typography>
        {actions}
      </Box>
      {children}
    </Paper>
  );
}
