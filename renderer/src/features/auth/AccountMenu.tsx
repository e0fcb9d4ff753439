/** The app bar's account part: who is signed in (name · role), Lock, and a menu with PIN, password and Sign out. */
import { useState } from 'react';
import { Button, Divider, ListItemText, Menu, MenuItem } from '@mui/material';
import { useAuth } from './auth-context';
import { roleLabel } from './roles';
import { ChangePasswordDialog, SetPinDialog } from './AccountDialogs';

export function AccountMenu() {
  const auth = useAuth();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialog, setDialog] = useState<'pin' | 'password' | null>(null);
  const me = auth.me;
  if (!me) return null;
  const close = () => setAnchor(null);
  const pinPrompt = auth.askForPin && !me.hasPin && dialog === null;
  return (
    <>
      <Button color="inherit" onClick={(e) => setAnchor(e.currentTarget)} data-testid="account-button"
        aria-haspopup="menu" sx={{ fontWeight: 500 }}>
        <span data-testid="signed-in-as" data-staff-id={me.staff.id} data-role={me.staff.role}>{me.staff.name} · {roleLabel(me.staff.role)}</span>
      </Button>
      <Button variant="outlined" color="inherit" onClick={() => void auth.lock()} data-testid="lock-button"
        sx={{ borderColor: 'rgba(255,255,255,0.6)' }}>Lock</Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={close} data-testid="account-menu">
        <MenuItem disabled><ListItemText primary={me.staff.name} secondary={`${roleLabel(me.staff.role)} · session until ${new Date(me.expiresAt).toTimeString().slice(0, 5)}`} /></MenuItem>
        <Divider />
        <MenuItem onClick={() => { close(); setDialog('pin'); }} data-testid="menu-set-pin">{me.hasPin ? 'Change PIN' : 'Set a PIN'}</MenuItem>
        <MenuItem onClick={() => { close(); setDialog('password'); }} data-testid="menu-change-password">Change password</MenuItem>
        <MenuItem onClick={() => { close(); void auth.signOut(); }} data-testid="menu-sign-out">Sign out</MenuItem>
      </Menu>
      <SetPinDialog open={dialog === 'pin' || pinPrompt} prompt={pinPrompt}
        onClose={() => { setDialog(null); auth.dismissPinPrompt(); }} />
      <ChangePasswordDialog open={dialog === 'password'} onClose={() => setDialog(null)} />
    </>
  );
}
