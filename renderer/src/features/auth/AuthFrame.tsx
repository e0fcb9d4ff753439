/** The frame of the screens shown before the studio: first run, sign-in, lock screen, new password. */
import type { FormEvent, ReactNode } from 'react';
import { Alert, Box, Paper, Typography } from '@mui/material';

interface Props {
  title: string;
  kind: string;
  /** Why this screen is shown (a session that ended, a restore, someone who signed out). */
  reason?: string | null;
  onSubmit?(): void;
  children: ReactNode;
}

export function AuthFrame({ title, kind, reason, onSubmit, children }: Props) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
  };
  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }} data-testid="auth-screen" data-kind={kind}>
      <Paper sx={{ width: 420, maxWidth: '100%', p: 3 }}>
        <Typography variant="overline" color="text.secondary" component="div" data-testid="auth-app-title">Trainer Studio</Typography>
        <Typography variant="h5" component="h1" sx={{ mb: 2 }} data-testid="auth-title">{title}</Typography>
        {reason ? <Alert severity="info" sx={{ mb: 2 }} data-testid="auth-reason">{reason}</Alert> : null}
        <Box component="form" noValidate onSubmit={submit} sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
          {children}
        </Box>
      </Paper>
    </Box>
  );
}
