/**
 * A new password: forced (a manager reset it, `mustChangePassword`: nothing else works until it
 * is changed) or chosen from the account menu. Changing it ends one's other sessions.
 */
import { useState } from 'react';
import { Button, Typography } from '@mui/material';
import { FormField, GeneralError, useFormErrors } from '../../components/form-errors';
import { AuthFrame } from './AuthFrame';
import { useAuth } from './auth-context';

export function usePasswordForm(onDone: () => void) {
  const auth = useAuth();
  const form = useFormErrors();
  const [v, setV] = useState({ currentPassword: '', newPassword: '', newPasswordAgain: '' });
  const submit = () => {
    if (v.newPassword !== v.newPasswordAgain) return form.fail('newPasswordAgain', 'the two passwords differ');
    void form.run(() => auth.changePassword(v.currentPassword, v.newPassword)).then((ok) => { if (ok) onDone(); });
  };
  const fields = (
    <>
      <FormField form={form} name="currentPassword" testPrefix="password" label="Current password" type="password" autoComplete="current-password"
        value={v.currentPassword} onChange={(e) => setV({ ...v, currentPassword: e.target.value })} />
      <FormField form={form} name="newPassword" testPrefix="password" label="New password" type="password" autoComplete="new-password"
        helperText="at least 10 characters, not your name" value={v.newPassword} onChange={(e) => setV({ ...v, newPassword: e.target.value })} />
      <FormField form={form} name="newPasswordAgain" testPrefix="password" label="New password again" type="password" autoComplete="new-password"
        value={v.newPasswordAgain} onChange={(e) => setV({ ...v, newPasswordAgain: e.target.value })} />
      <GeneralError form={form} testId="password-error" />
    </>
  );
  return { form, submit, fields };
}

export function ChangePasswordScreen() {
  const auth = useAuth();
  const { form, submit, fields } = usePasswordForm(() => undefined);
  return (
    <AuthFrame title="Choose a new password" kind="change-password" onSubmit={submit}>
      <Typography variant="body2" color="text.secondary" data-testid="must-change-password">
        {auth.me?.staff.name}, a manager gave you this password: choose your own before you go on.
      </Typography>
      {fields}
      <Button type="submit" variant="contained" disabled={form.busy} data-testid="password-save">Save the new password</Button>
      <Button onClick={() => void auth.signOut()} data-testid="password-sign-out">Sign out</Button>
    </AuthFrame>
  );
}
