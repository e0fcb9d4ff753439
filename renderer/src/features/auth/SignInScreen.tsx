/** Sign-in with username and password; "Back" returns to the quick switch when someone is signed in here. */
import { useState } from 'react';
import { Button } from '@mui/material';
import { FormField, GeneralError, useFormErrors } from '../../components/form-errors';
import { AuthFrame } from './AuthFrame';
import { useAuth } from './auth-context';

export function SignInScreen({ reason }: { reason: string | null }) {
  const auth = useAuth();
  const form = useFormErrors();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const othersHere = auth.sessions.sessions.length > 0;

  const signIn = () => { void form.run(() => auth.signIn(username, password)); };

  return (
    <AuthFrame title={othersHere ? 'Sign in as someone else' : 'Sign in'} kind="sign-in" reason={reason} onSubmit={signIn}>
      <FormField form={form} name="username" testPrefix="sign-in" label="Username" value={username} autoFocus
        autoComplete="username" onChange={(e) => setUsername(e.target.value)} />
      <FormField form={form} name="password" testPrefix="sign-in" label="Password" type="password" value={password}
        autoComplete="current-password" onChange={(e) => setPassword(e.target.value)} />
      <GeneralError form={form} testId="sign-in-error" />
      <Button type="submit" variant="contained" disabled={form.busy} data-testid="sign-in-submit">Sign in</Button>
      {othersHere ? <Button onClick={auth.backToLock} data-testid="sign-in-back">Back to the people signed in here</Button> : null}
    </AuthFrame>
  );
}
