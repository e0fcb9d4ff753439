/** From the account menu (and after sign-in without a PIN): set the quick-switch PIN, change the password. */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { FormField, GeneralError, useFormErrors } from '../../components/form-errors';
import { useStudio } from '../../studio-context';
import { useAuth } from './auth-context';
import { usePasswordForm } from './ChangePasswordScreen';

interface Props { open: boolean; onClose(): void; prompt?: boolean }

export function SetPinDialog({ open, onClose, prompt }: Props) {
  const auth = useAuth();
  const { showMessage } = useStudio();
  const form = useFormErrors();
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const save = () => {
    void form.run(() => auth.setPin(password, pin)).then((ok) => {
      if (!ok) return;
      setPassword('');
      setPin('');
      showMessage('Your PIN is set: use it to unlock the screen');
      onClose();
    });
  };
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth data-testid="set-pin-dialog">
      <form noValidate onSubmit={(e) => { e.preventDefault(); save(); }}>
        <DialogTitle>{prompt ? 'Set your PIN' : auth.me?.hasPin ? 'Change your PIN' : 'Set a PIN'}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1.5 }}>
            With a PIN (4–8 digits) you unlock the screen and switch back to yourself quickly. Your password confirms it is you.
          </DialogContentText>
          <Stack spacing={1.5}>
            <FormField form={form} name="password" testPrefix="set-pin" label="Your password" type="password" autoComplete="current-password"
              value={password} onChange={(e) => setPassword(e.target.value)} />
            <FormField form={form} name="pin" testPrefix="set-pin" label="New PIN" type="password" value={pin}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }} onChange={(e) => setPin(e.target.value)} />
            <GeneralError form={form} testId="set-pin-error" />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} data-testid="set-pin-skip">{prompt ? 'Not now' : 'Cancel'}</Button>
          <Button type="submit" variant="contained" disabled={form.busy} data-testid="set-pin-save">Save PIN</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function ChangePasswordDialog({ open, onClose }: Props) {
  const { showMessage } = useStudio();
  const { form, submit, fields } = usePasswordForm(() => {
    showMessage('Password changed; your other sessions were signed out');
    onClose();
  });
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth data-testid="change-password-dialog">
      <form noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <DialogTitle>Change your password</DialogTitle>
        <DialogContent><Stack spacing={1.5} sx={{ pt: 1 }}>{fields}</Stack></DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={form.busy} data-testid="password-save">Save</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
