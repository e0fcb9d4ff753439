/** Sync status: unsent changes, last sync, rejected changes with the studio's reason, offline capability, unpairing. */
import { useState } from 'react';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { canReopenOffline, PLAIN_HTTP_ADVICE } from './offline';
import type { MemberApp } from './use-member';

export function SyncScreen({ app, online }: { app: MemberApp; online: boolean }) {
  const [warning, setWarning] = useState<string | null>(null);
  const rejected = app.state?.rejected ?? [];
  return (
    <Stack spacing={1.5} sx={{ p: 2 }}>
      <Typography variant="h5">Sync</Typography>
      <Typography data-testid="sync-pending">{app.status.pending} change{app.status.pending === 1 ? '' : 's'} waiting to be sent</Typography>
      <Typography data-testid="sync-last">Last sync: {app.status.lastSyncAt ? new Date(app.status.lastSyncAt).toLocaleString() : 'never'}</Typography>
      {app.status.lastError && <Alert severity="warning">{app.status.lastError}</Alert>}
      <Button variant="contained" onClick={() => void app.syncNow()} disabled={!online || app.status.syncing} data-testid="sync-now">Sync now</Button>
      {rejected.length > 0 && (
        <Alert severity="error" data-testid="sync-rejected">
          The studio did not accept {rejected.length} change{rejected.length === 1 ? '' : 's'}:
          {rejected.slice(-10).map((r) => <div key={r.id}>{r.kind}: {r.reason}</div>)}
        </Alert>
      )}
      {canReopenOffline()
        ? <Alert severity="success">This app reopens without the studio's Wi-Fi (saved on this phone).</Alert>
        : <Alert severity="warning" data-testid="plain-http">{PLAIN_HTTP_ADVICE}</Alert>}
      {warning && <Alert severity="error">{warning}</Alert>}
      <Button color="error" variant="outlined" onClick={() => void app.unpair().then(setWarning)}>Unpair this phone</Button>
    </Stack>
  );
}
