/** Staff accounts (managers): who can sign in, with what role, when last seen; add, edit, disable, reset. */
import { useState } from 'react';
import {
  Box, Button, Chip, LinearProgress, Menu, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, Typography,
} from '@mui/material';
import type { StaffAccount } from '../../../../main/contract/index';
import { api } from '../../api';
import { formatDateTime } from '../../format';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { roleLabel } from '../auth/roles';
import { AddStaffDialog, EditStaffDialog, ResetPasswordDialog } from './StaffDialogs';

type Confirm = { kind: 'disable' | 'enable' | 'reset-pin'; account: StaffAccount };

function stateOf(a: StaffAccount): { label: string; color: 'default' | 'success' | 'warning' | 'error' } {
  if (a.disabledAt) return { label: 'disabled', color: 'error' };
  if (!a.canSignIn) return { label: 'no password', color: 'default' };
  if (a.mustChangePassword) return { label: 'must change password', color: 'warning' };
  return { label: 'active', color: 'success' };
}

const CONFIRM_TEXT: Record<Confirm['kind'], { title: (n: string) => string; text: string; label: string; done: (n: string) => string }> = {
  disable: { title: (n) => `Disable ${n}?`, text: 'They can no longer sign in, and their open sessions end now. You can enable the account again later.', label: 'Disable', done: (n) => `${n} is disabled` },
  enable: { title: (n) => `Enable ${n}?`, text: 'They can sign in again with their password.', label: 'Enable', done: (n) => `${n} can sign in again` },
  'reset-pin': { title: (n) => `Reset the PIN of ${n}?`, text: 'Their PIN is cleared and their open sessions end; they choose a new PIN after signing in.', label: 'Reset PIN', done: (n) => `The PIN of ${n} is cleared` },
};

export function StaffSection({ myId }: { myId: number }) {
  const { showError, showMessage } = useStudio();
  const staff = useLoad(() => api.staff.list({}), []);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StaffAccount | null>(null);
  const [resetting, setResetting] = useState<StaffAccount | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [menu, setMenu] = useState<{ anchor: HTMLElement; account: StaffAccount } | null>(null);
  const [busy, setBusy] = useState(false);

  const saved = (message: string) => (account: StaffAccount) => {
    setAdding(false);
    setEditing(null);
    setResetting(null);
    showMessage(message.replace('{name}', account.name));
    staff.reload();
  };
  const runConfirm = async () => {
    if (!confirm) return;
    const { kind, account } = confirm;
    setBusy(true);
    try {
      if (kind === 'disable') await api.staff.disable({ staffId: account.id });
      else if (kind === 'enable') await api.staff.enable({ staffId: account.id });
      else await api.staff.resetPin({ staffId: account.id });
      showMessage(CONFIRM_TEXT[kind].done(account.name));
      staff.reload();
    } catch (err) {
      showError(err);
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };
  const act = (run: (a: StaffAccount) => void) => () => { const a = menu!.account; setMenu(null); run(a); };

  return (
    <Section title="Staff" testId="staff-section"
      actions={<Button variant="contained" onClick={() => setAdding(true)} data-testid="add-staff">Add staff member</Button>}>
      {staff.loading ? <LinearProgress /> : <Box sx={{ height: 4 }} />}
      <Table data-testid="staff-table">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell><TableCell>Username</TableCell><TableCell>Role</TableCell><TableCell>State</TableCell>
            <TableCell>Last seen</TableCell><TableCell align="right">Open sessions</TableCell><TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {(staff.data ?? []).map((a) => {
            const state = stateOf(a);
            return (
              <TableRow key={a.id} data-testid="staff-row" data-username={a.username ?? ''} data-staff-id={a.id}>
                <TableCell data-testid="staff-name">{a.name}{a.id === myId ? <Typography component="span" variant="caption" color="text.secondary"> (you)</Typography> : null}</TableCell>
                <TableCell>{a.username ?? '—'}</TableCell>
                <TableCell data-testid="staff-role">{roleLabel(a.role)}</TableCell>
                <TableCell>
                  <Chip label={state.label} color={state.color} variant="outlined" data-testid="staff-state" />
                  {a.hasPin ? <Chip label="PIN" variant="outlined" sx={{ ml: 0.5 }} /> : null}
                </TableCell>
                <TableCell>{formatDateTime(a.lastSeenAt)}</TableCell>
                <TableCell align="right" data-testid="staff-sessions">{a.openSessions}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={(e) => setMenu({ anchor: e.currentTarget, account: a })} data-testid="staff-actions">Actions</Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Menu anchorEl={menu?.anchor ?? null} open={menu !== null} onClose={() => setMenu(null)}>
        <MenuItem onClick={act(setEditing)} data-testid="staff-action-edit">Rename or change role</MenuItem>
        <MenuItem onClick={act(setResetting)} data-testid="staff-action-reset-password">Reset password</MenuItem>
        <MenuItem onClick={act((a) => setConfirm({ kind: 'reset-pin', account: a }))} disabled={!menu?.account.hasPin} data-testid="staff-action-reset-pin">Reset PIN</MenuItem>
        {menu?.account.disabledAt
          ? <MenuItem onClick={act((a) => setConfirm({ kind: 'enable', account: a }))} data-testid="staff-action-enable">Enable</MenuItem>
          : <MenuItem onClick={act((a) => setConfirm({ kind: 'disable', account: a }))} disabled={menu?.account.id === myId} data-testid="staff-action-disable">Disable</MenuItem>}
      </Menu>
      <AddStaffDialog open={adding} onClose={() => setAdding(false)} onSaved={saved('{name} can now sign in')} />
      <EditStaffDialog account={editing} onClose={() => setEditing(null)} onSaved={saved('{name} is saved')} />
      <ResetPasswordDialog account={resetting} onClose={() => setResetting(null)} onSaved={saved('{name} has a new password, to change at the next sign-in')} />
      <ConfirmDialog
        open={confirm !== null} busy={busy}
        title={confirm ? CONFIRM_TEXT[confirm.kind].title(confirm.account.name) : ''}
        text={confirm ? CONFIRM_TEXT[confirm.kind].text : ''}
        confirmLabel={confirm ? CONFIRM_TEXT[confirm.kind].label : ''}
        onConfirm={runConfirm} onClose={() => setConfirm(null)}
      />
    </Section>
  );
}
