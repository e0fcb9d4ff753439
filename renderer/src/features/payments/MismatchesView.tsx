/** Mismatches between Stripe and the studio (managers): flagged, never resolved by the studio; a manager resolves each with a note. */
import { useState } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, LinearProgress, Table, TableBody, TableCell, TableHead,
  TableRow, TextField, Typography,
} from '@mui/material';
import type { MismatchView } from '../../../../main/contract/index';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { formatDateTime, humanize } from '../../format';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';

export function MismatchesView({ version }: { version: number }) {
  const { showError, showMessage } = useStudio();
  const [openOnly, setOpenOnly] = useState(true);
  const loaded = useLoad(() => api.payments.mismatches({ openOnly }), [openOnly, version]);
  const [resolving, setResolving] = useState<MismatchView | null>(null);
  const [note, setNote] = useState('');
  const resolve = async () => {
    if (!resolving) return;
    try {
      await api.payments.resolveMismatch({ mismatchId: resolving.id, resolution: note });
      showMessage('The mismatch is resolved with your note');
      setResolving(null); setNote(''); loaded.reload();
    } catch (e) { showError(e, 'resolution'); }
  };
  const list = loaded.data;
  return (
    <Section title="Mismatches" testId="payments-mismatches" actions={<FormControlLabel control={<Checkbox size="small" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />} label="Open only" />}>
      {!list ? <LinearProgress /> : list.length === 0 ? <Typography variant="body2" color="text.secondary" data-testid="mismatches-none">{openOnly ? 'No open mismatches: Stripe and the studio agree.' : 'No mismatches.'}</Typography> : (
        <Table size="small">
          <TableHead><TableRow><TableCell>Flagged</TableCell><TableCell>Kind</TableCell><TableCell>What</TableCell><TableCell>Sale</TableCell><TableCell>Stripe object</TableCell><TableCell>Resolution</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>{list.map((m) => (
            <TableRow key={m.id} data-testid={`mismatch-${m.id}`}>
              <TableCell>{formatDateTime(m.createdAt)}</TableCell>
              <TableCell>{humanize(m.kind)}</TableCell>
              <TableCell>{m.message}</TableCell>
              <TableCell>{m.saleId ?? '—'}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{m.stripeObjectId ?? '—'}</TableCell>
              <TableCell>{m.resolvedAt ? `${m.resolution} (${formatDateTime(m.resolvedAt)})` : 'open'}</TableCell>
              <TableCell align="right">{m.resolvedAt ? null : <Button size="small" onClick={() => { setResolving(m); setNote(''); }} data-testid="mismatch-resolve">Resolve…</Button>}</TableCell>
            </TableRow>
          ))}</TableBody>
        </Table>
      )}
      <Dialog open={resolving !== null} onClose={() => setResolving(null)} data-testid="resolve-dialog">
        <DialogTitle>Resolve the mismatch</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>{resolving?.message}</DialogContentText>
          <DialogContentText variant="body2" sx={{ mb: 1.5 }}>
            The studio changes nothing itself: correct the sale in Stripe or record a payment by hand if needed, then note what you did.
          </DialogContentText>
          <TextField fullWidth multiline minRows={2} label="What was done (kept in the audit log)" value={note} onChange={(e) => setNote(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'resolve-note', maxLength: 500 } }} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setResolving(null)}>Cancel</Button>
          <Button variant="contained" disabled={note.trim().length < 3} onClick={resolve} data-testid="resolve-save">Resolve</Button>
        </DialogActions>
      </Dialog>
    </Section>
  );
}
