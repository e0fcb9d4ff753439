/** The staff dialogs: add an account, rename or change the role, give a new password. Errors show on their field. */
import { useEffect, useState, type ReactNode } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel, MenuItem, Stack,
} from '@mui/material';
import { STAFF_ROLES, type StaffAccount, type StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { FormField, GeneralError, useFormErrors, type FormErrors } from '../../components/form-errors';
import { roleLabel } from '../auth/roles';

interface FrameProps { open: boolean; title: string; testId: string; form: FormErrors; saveLabel: string; onSave(): void; onClose(): void; children: ReactNode }

function FormDialog({ open, title, testId, form, saveLabel, onSave, onClose, children }: FrameProps) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth data-testid={testId}>
      <form noValidate onSubmit={(e) => { e.preventDefault(); onSave(); }}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent><Stack spacing={1.5} sx={{ pt: 1 }}>{children}<GeneralError form={form} testId={`${testId}-error`} /></Stack></DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={form.busy} data-testid={`${testId}-save`}>{saveLabel}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

const roleOptions = STAFF_ROLES.map((r) => <MenuItem key={r} value={r} data-testid={`role-option-${r}`}>{roleLabel(r)}</MenuItem>);

interface CreateProps { open: boolean; onClose(): void; onSaved(account: StaffAccount): void }

export function AddStaffDialog({ open, onClose, onSaved }: CreateProps) {
  const form = useFormErrors(['name', 'username', 'role', 'password']);
  const empty = { name: '', username: '', role: 'trainer' as StaffRole, password: '', mustChangePassword: true };
  const [v, setV] = useState(empty);
  useEffect(() => { if (open) { setV(empty); form.clear(); } }, [open]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = () => { void form.run(async () => onSaved(await api.staff.create(v))); };
  return (
    <FormDialog open={open} title="Add a staff member" testId="add-staff-dialog" form={form} saveLabel="Add" onSave={save} onClose={onClose}>
      <FormField form={form} name="name" testPrefix="staff" label="Name" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
      <FormField form={form} name="username" testPrefix="staff" label="Username" value={v.username} autoComplete="off"
        onChange={(e) => setV({ ...v, username: e.target.value })} />
      <FormField form={form} name="role" testPrefix="staff" label="Role" select value={v.role}
        onChange={(e) => setV({ ...v, role: e.target.value as StaffRole })}>{roleOptions}</FormField>
      <FormField form={form} name="password" testPrefix="staff" label="First password" type="password" autoComplete="new-password"
        helperText="at least 10 characters; tell it to them in person" value={v.password} onChange={(e) => setV({ ...v, password: e.target.value })} />
      <FormControlLabel label="They choose their own password at the first sign-in"
        control={<Checkbox checked={v.mustChangePassword} onChange={(e) => setV({ ...v, mustChangePassword: e.target.checked })} data-testid="staff-must-change" />} />
    </FormDialog>
  );
}

interface AccountProps { account: StaffAccount | null; onClose(): void; onSaved(account: StaffAccount): void }

export function EditStaffDialog({ account, onClose, onSaved }: AccountProps) {
  const form = useFormErrors(['name', 'role']);
  const [v, setV] = useState({ name: '', role: 'trainer' as StaffRole });
  useEffect(() => { if (account) { setV({ name: account.name, role: account.role }); form.clear(); } }, [account]); // eslint-disable-line react-hooks/exhaustive-deps
  const save = () => {
    if (!account) return;
    const patch = { ...(v.name !== account.name ? { name: v.name } : {}), ...(v.role !== account.role ? { role: v.role } : {}) };
    if (Object.keys(patch).length === 0) return onClose();
    void form.run(async () => onSaved(await api.staff.update({ staffId: account.id, ...patch })));
  };
  return (
    <FormDialog open={account !== null} title={`Edit ${account?.name ?? ''}`} testId="edit-staff-dialog" form={form} saveLabel="Save" onSave={save} onClose={onClose}>
      <FormField form={form} name="name" testPrefix="edit-staff" label="Name" value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
      <FormField form={form} name="role" testPrefix="edit-staff" label="Role" select value={v.role}
        onChange={(e) => setV({ ...v, role: e.target.value as StaffRole })}>{roleOptions}</FormField>
    </FormDialog>
  );
}

export function ResetPasswordDialog({ account, onClose, onSaved }: AccountProps) {
  const form = useFormErrors(['password', 'username']);
  const [password, setPassword] = useState('');
  const [username, setUsername] = useState('');
  useEffect(() => { if (account) { setPassword(''); setUsername(''); form.clear(); } }, [account]); // eslint-disable-line react-hooks/exhaustive-deps
  const needsUsername = account !== null && account.username === null;
  const save = () => {
    if (!account) return;
    void form.run(async () => onSaved(await api.staff.resetPassword({ staffId: account.id, password, ...(needsUsername ? { username } : {}) })));
  };
  return (
    <FormDialog open={account !== null} title={`New password for ${account?.name ?? ''}`} testId="reset-password-dialog" form={form}
      saveLabel="Set password" onSave={save} onClose={onClose}>
      <DialogContentText>They choose their own at the next sign-in; their open sessions end now.</DialogContentText>
      {needsUsername ? (
        <FormField form={form} name="username" testPrefix="reset" label="Username" value={username} autoComplete="off"
          onChange={(e) => setUsername(e.target.value)} />
      ) : null}
      <FormField form={form} name="password" testPrefix="reset" label="New password" type="password" autoComplete="new-password"
        value={password} onChange={(e) => setPassword(e.target.value)} />
    </FormDialog>
  );
}
