/** First run: the studio has no manager who can sign in yet; create the first one (and sign in). */
import { useState } from 'react';
import { Button, Typography } from '@mui/material';
import { FormField, GeneralError, useFormErrors } from '../../components/form-errors';
import { AuthFrame } from './AuthFrame';
import { useAuth } from './auth-context';

export function FirstRunScreen() {
  const auth = useAuth();
  const form = useFormErrors();
  const [v, setV] = useState({ name: '', username: '', password: '', passwordAgain: '', pin: '' });
  const field = (name: keyof typeof v, label: string, extra: { type?: string; helperText?: string; autoComplete?: string } = {}) => (
    <FormField form={form} name={name} testPrefix="first-run" label={label} value={v[name]}
      onChange={(e) => setV({ ...v, [name]: e.target.value })} {...extra} />
  );

  const create = () => {
    if (v.password !== v.passwordAgain) return form.fail('passwordAgain', 'the two passwords differ');
    const pin = v.pin.trim();
    void form.run(() => auth.createFirst({ name: v.name, username: v.username, password: v.password, ...(pin ? { pin } : {}) }));
  };

  return (
    <AuthFrame title="Set up the studio" kind="first-run" onSubmit={create}>
      <Typography variant="body2" color="text.secondary">
        Nobody can sign in yet. Create the first manager account: managers add the other staff in Settings.
      </Typography>
      {field('name', 'Your name', { autoComplete: 'name' })}
      {field('username', 'Username', { autoComplete: 'username', helperText: 'letters, digits, dot, dash or underscore' })}
      {field('password', 'Password', { type: 'password', autoComplete: 'new-password', helperText: 'at least 10 characters, not your name' })}
      {field('passwordAgain', 'Password again', { type: 'password', autoComplete: 'new-password' })}
      {field('pin', 'PIN (optional)', { type: 'password', helperText: '4–8 digits, to unlock the screen quickly' })}
      <GeneralError form={form} testId="first-run-error" />
      <Button type="submit" variant="contained" disabled={form.busy} data-testid="first-run-create">Create manager and sign in</Button>
    </AuthFrame>
  );
}
