/**
 * "Sync with Stripe": sends the pending sales (same idempotency keys) and catches up from the
 * events cursor. Shows the stored state (`payments/sync-status`: the last sync, its error, the
 * cursor and the warning when it is older than the 30 days Stripe keeps events, so the next sync
 * lists the Checkout Sessions instead), and the figures of the last sync run in this window with
 * the open mismatches it leaves for a manager.
 */
import { useState, useSyncExternalStore } from 'react';
import { Alert, Box, Button, Chip, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import type { SyncView } from '../../../../main/contract/index';
import { useLoad } from '../../use-load';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../format';
import { useStudio } from '../../studio-context';

/** The last sync of this window, kept across page changes. */
let last: { at: string; view: SyncView } | null = null;
const listeners = new Set<() => void>();
const store = { subscribe: (f: () => void) => { listeners.add(f); return () => listeners.delete(f); }, get: () => last };

export function SyncPanel({ onSynced }: { onSynced?(v: SyncView): void }) {
  const { showError } = useStudio();
  const result = useSyncExternalStore(store.subscribe, store.get);
  const status = useLoad(() => api.payments.syncStatus({}), [result?.at]);
  const [busy, setBusy] = useState(false);
  const sync = async () => {
    setBusy(true);
    try {
      const view = await api.payments.sync({});
      last = { at: new Date().toISOString(), view };
      listeners.forEach((f) => f());
      onSynced?.(view);
    } catch (e) { showError(e); } finally { setBusy(false); }
  };
  const v = result?.view;
  const st = status.data;
  return (
    <Section title="Sync with Stripe" testId="payments-sync" actions={<Button size="small" variant="contained" onClick={sync} disabled={busy} data-testid="sync-run">{busy ? 'Syncing…' : 'Sync with Stripe'}</Button>}>
      {st ? (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1, mb: 1 }} data-testid="sync-status">
          {!st.configured ? <Alert severity="info" data-testid="sync-not-configured">Stripe is not configured on this studio (STRIPE_SECRET_KEY): cash and card-terminal sales work; Checkout sales wait as pending.</Alert> : null}
          <Typography variant="body2" data-testid="sync-last">
            Last sync: {st.lastSyncAt ? formatDateTime(st.lastSyncAt) : 'never'} · events read up to {st.cursorAt ? formatDateTime(st.cursorAt) : '—'} · {st.queued} pending, {st.awaitingPayment} awaiting payment, {st.openMismatches} open mismatches
          </Typography>
          {st.cursorWarning ? <Alert severity="warning" data-testid="sync-cursor-warning">{st.cursorWarning}</Alert> : null}
          {st.lastError && !v ? <Alert severity="warning" data-testid="sync-last-error">The last sync said: {st.lastError}</Alert> : null}
        </Box>
      ) : null}
      {!v || !result ? <Typography variant="body2" color="text.secondary">Not synced in this window yet. The studio needs no webhook: a sync sends the pending sales and reads Stripe's events since the last one.</Typography> : (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }} data-testid="sync-result">
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Chip size="small" label={v.online ? 'online' : 'offline'} color={v.online ? 'success' : 'warning'} data-testid="sync-online" data-online={String(v.online)} />
            <Typography variant="body2" color="text.secondary">the last sync run from this window</Typography>
          </Box>
          {v.warning ? <Alert severity="warning" data-testid="sync-warning">{v.warning}</Alert> : null}
          {v.error ? <Alert severity={v.online ? 'error' : 'warning'} data-testid="sync-error">Stripe could not be reached: {v.error}. Pending sales stay queued and are sent at the next sync.</Alert> : null}
          {v.openMismatches > 0 ? <Alert severity="error" data-testid="sync-mismatches">{v.openMismatches} open mismatch{v.openMismatches === 1 ? '' : 'es'} at this sync, for a manager (Payments → Mismatches); none is resolved by itself.</Alert> : null}
          <Table size="small" sx={{ maxWidth: 420 }}>
            <TableBody>
              {([['Sales sent', v.sent, 'sync-sent'], ['Still pending', v.stillQueued, 'sync-queued'], ['Events applied', v.eventsApplied, 'sync-events'], ['Duplicates ignored', v.duplicates, 'sync-duplicates'], ['Objects checked', v.objectsChecked, 'sync-objects']] as const).map(([label, n, id]) => (
                <TableRow key={id}><TableCell>{label}</TableCell><TableCell align="right" data-testid={id}>{n}</TableCell></TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Section>
  );
}
