/**
 * A member's data rights (managers): "Export data" downloads every file `members/export`
 * returns; "Erase member" deletes the member after their name is typed, then says what was removed.
 */
import { useState } from 'react';
import {
  Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField,
} from '@mui/material';
import type { Member, MemberErasureReport } from '../../../../main/contract/index';
import { api } from '../../api';
import { fieldErrorOf } from '../../errors';
import { navigate } from '../../router';
import { useStudio } from '../../studio-context';
import { downloadText } from '../../components/download';

/** "6,778 sets, 120 sessions and 2 plans removed; 14 audit entries sealed". */
export function describeErasure(name: string, r: MemberErasureReport): string {
  const parts = Object.entries(r.removed).filter(([, n]) => n > 0).map(([table, n]) => `${n.toLocaleString()} ${table.replace(/_/g, ' ')}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0] ?? 'no rows';
  const kept = r.paymentsKept > 0 ? ` ${r.paymentsKept} payment record${r.paymentsKept === 1 ? ' is' : 's are'} kept without their name (financial records).` : '';
  return `${name} was erased: ${list} removed; ${r.auditEntriesSealed} audit entries about them can no longer be read.${kept}`;
}

export function MemberDataActions({ member }: { member: Member }) {
  const { showError, showMessage } = useStudio();
  const [exporting, setExporting] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);

  const exportData = async () => {
    setExporting(true);
    try {
      const files = await api.members.export({ memberId: member.id });
      for (const f of files) downloadText(f.fileName, f.mediaType, f.content);
      showMessage(`Exported ${files.length} files for ${member.name}: ${files.map((f) => f.fileName).join(', ')}`);
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  };
  const erase = async () => {
    setBusy(true);
    setFieldError(null);
    try {
      const report = await api.members.erase({ memberId: member.id, confirmName: typed });
      setErasing(false);
      navigate({ page: 'members' });
      showMessage(describeErasure(member.name, report));
    } catch (err) {
      setFieldError(fieldErrorOf(err)?.message ?? null);
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  const close = () => { setErasing(false); setTyped(''); setFieldError(null); };

  return (
    <>
      <Button variant="outlined" onClick={exportData} disabled={exporting} data-testid="export-member">Export data</Button>
      <Button variant="outlined" color="error" onClick={() => setErasing(true)} data-testid="erase-member">Erase member</Button>
      <Dialog open={erasing} onClose={close} maxWidth="xs" fullWidth data-testid="erase-dialog">
        <form noValidate onSubmit={(e) => { e.preventDefault(); if (typed.trim() === member.name) void erase(); }}>
          <DialogTitle>Erase {member.name}?</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 1.5 }}>
              Everything the studio holds about {member.name} is deleted: profile, training history, plans, check-ins and
              recommendations. Audit entries about them become unreadable; club totals (class attendance counts) stay.
              This cannot be undone (except by restoring a backup). Export their data first if they asked for it.
            </DialogContentText>
            <TextField fullWidth autoFocus label={`Type “${member.name}” to confirm`} value={typed} onChange={(e) => setTyped(e.target.value)}
              error={Boolean(fieldError)} helperText={fieldError} slotProps={{ htmlInput: { 'data-testid': 'erase-confirm-name' } }} />
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Cancel</Button>
            <Button type="submit" variant="contained" color="error" disabled={busy || typed.trim() !== member.name} data-testid="erase-confirm">
              Erase for good
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
