import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { fieldErrorOf } from '../../errors';
import type { Member, StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { useStudio } from '../../studio-context';
import { MemberFieldsForm, emptyMemberForm, formToFields } from './MemberFieldsForm';
import { useTrainers } from './use-trainers';

interface Props { open: boolean; role: StaffRole; onClose(): void; onCreated(member: Member): void }

export function NewMemberDialog({ open, role, onClose, onCreated }: Props) {
  const { unit, showError } = useStudio();
  const trainers = useTrainers(role);
  const [form, setForm] = useState(emptyMemberForm);
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);

  const create = async () => {
    setBusy(true);
    setFieldError(null);
    try {
      const member = await api.members.create(formToFields(form, unit, trainers !== undefined));
      setForm(emptyMemberForm());
      onCreated(member);
    } catch (err) {
      setFieldError(fieldErrorOf(err));
      showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth data-testid="new-member-dialog">
      <DialogTitle>New member</DialogTitle>
      <DialogContent>
        <MemberFieldsForm form={form} onChange={setForm} unit={unit} fieldError={fieldError} trainers={trainers} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" onClick={create} disabled={busy} data-testid="create-member">Create member</Button>
      </DialogActions>
    </Dialog>
  );
}
