/** Settings: the club's load inventory (inventory/set-club), which every plan and recommendation rounds to. */
import { useState } from 'react';
import { Button, LinearProgress, Typography } from '@mui/material';
import type { LoadInventory } from '../../../../engine/progression/types';
import { api } from '../../api';
import { fieldErrorOf } from '../../errors';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { InventoryEditor } from './InventoryEditor';
import { useMachines } from './use-machines';

export function ClubInventorySection({ canEdit }: { canEdit: boolean }) {
  const { showError, showMessage } = useStudio();
  const club = useLoad(() => api.inventory.club({}), []);
  const machines = useMachines();
  const [bad, setBad] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (inventory: LoadInventory | null) => {
    setBusy(true);
    setBad(null);
    try {
      club.set(await api.inventory.setClub({ inventory }));
      showMessage(inventory === null ? 'Club inventory reset to the default' : 'Club inventory saved: plans and recommendations round to it');
    } catch (err) {
      setBad(fieldErrorOf(err));
      showError(err);
    } finally { setBusy(false); }
  };
  return (
    <Section title="Equipment inventory" testId="club-inventory"
      actions={club.data?.stored && canEdit ? <Button size="small" onClick={() => void send(null)} data-testid="club-inventory-reset">Reset to default</Button> : null}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="club-inventory-status">
        {club.data ? (club.data.stored ? 'Loads round to this inventory.' : 'Not set: loads round to a standard commercial gym (shown below).') : ''}
        {canEdit ? '' : ' Only a manager can change it.'}
      </Typography>
      {club.data ? (
        <InventoryEditor value={club.data.inventory} machines={machines} canEdit={canEdit} busy={busy} bad={bad} testId="club-inventory-form"
          onSave={(inv) => void send(inv)} onBad={(b) => { setBad(b); showError(new Error(b.message)); }} />
      ) : club.loading ? <LinearProgress /> : <Typography color="text.secondary">The inventory could not be loaded.</Typography>}
    </Section>
  );
}
