/**
 * The lock screen and quick switch: the staff signed in at this screen; pick yourself and type
 * your PIN (or password, without a PIN) to unlock your session. Everyone else's session stays
 * locked. "Sign in as someone else" adds a session with the password form.
 */
import { useState } from 'react';
import { Avatar, Button, List, ListItemAvatar, ListItemButton, ListItemText, Typography } from '@mui/material';
import { FormField, GeneralError, useFormErrors } from '../../components/form-errors';
import { roleLabel } from './roles';
import { AuthFrame } from './AuthFrame';
import { useAuth } from './auth-context';

const initials = (name: string) => name.split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 2).toUpperCase();

export function LockScreen({ reason }: { reason: string | null }) {
  const auth = useAuth();
  const form = useFormErrors();
  const { sessions, activeId } = auth.sessions;
  const [picked, setPicked] = useState<number | null>(activeId ?? sessions.at(-1)?.staffId ?? null);
  const [secret, setSecret] = useState('');
  const [usePassword, setUsePassword] = useState(false);
  const who = sessions.find((s) => s.staffId === picked) ?? null;
  const withPin = Boolean(who?.hasPin) && !usePassword;

  const pick = (staffId: number) => {
    setPicked(staffId);
    setSecret('');
    setUsePassword(false);
    form.clear();
  };
  const unlock = () => {
    if (!who) return;
    void form.run(() => auth.unlock(who.staffId, withPin ? { pin: secret } : { password: secret }), { pin: 'secret', password: 'secret' })
      .then(() => setSecret(''));
  };

  return (
    <AuthFrame title="Screen locked" kind="locked" reason={reason} onSubmit={unlock}>
      {sessions.length === 0 ? (
        <Typography color="text.secondary">Nobody is signed in at this screen any more.</Typography>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary">
            {sessions.length > 1 ? 'Signed in at this screen: pick yourself.' : 'Signed in at this screen:'}
          </Typography>
          <List dense disablePadding data-testid="lock-sessions">
            {sessions.map((s) => (
              <ListItemButton key={s.staffId} selected={s.staffId === picked} onClick={() => pick(s.staffId)}
                data-testid="lock-session" data-staff-id={s.staffId} data-name={s.name}>
                <ListItemAvatar><Avatar sx={{ width: 32, height: 32, fontSize: 14 }}>{initials(s.name)}</Avatar></ListItemAvatar>
                <ListItemText primary={s.name} secondary={`${roleLabel(s.role)}${s.staffId === activeId ? ' · was using the screen' : ''}`} />
              </ListItemButton>
            ))}
          </List>
          {who ? (
            <>
              <FormField form={form} name="secret" testPrefix="lock" autoFocus value={secret} type="password"
                label={withPin ? `PIN of ${who.name}` : `Password of ${who.name}`}
                slotProps={{ htmlInput: withPin ? { inputMode: 'numeric', autoComplete: 'off' } : { autoComplete: 'current-password' } }}
                onChange={(e) => setSecret(e.target.value)} />
              <GeneralError form={form} testId="lock-error" />
              <Button type="submit" variant="contained" disabled={form.busy || !secret} data-testid="lock-unlock">Unlock</Button>
              {who.hasPin ? (
                <Button size="small" onClick={() => { setUsePassword(!usePassword); setSecret(''); form.clear(); }} data-testid="lock-toggle-secret">
                  {usePassword ? 'Use the PIN' : 'Use the password instead'}
                </Button>
              ) : null}
            </>
          ) : null}
        </>
      )}
      <Button variant="outlined" onClick={auth.showSignIn} data-testid="lock-sign-in-other">Sign in as someone else</Button>
    </AuthFrame>
  );
}
