/** The member page: the member's home-gym inventory (inventory/set-member), or the club's. */
import { useState } from 'react';
import { Box, Button, Chip, LinearProgress, Typography } from '@mui/material';
import type { LoadInventory } from '../../../../engine/progression/types';
import { api } from '../../api';
import { fieldErrorOf } from '../../errors';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';
import { Section } from '../../components/Section';
import { InventoryEditor } from './InventoryEditor';
import { useMachines } from './use-machines';

const SOURCES = { member: 'home gym', club: "the club's inventory", default: 'the default inventory' } as const;

export function MemberInventorySection({ memberId }: { memberId: number }) {
  const { showError, showMessage } = useStudio();
  const view = useLoad(() => api.inventory.member({ memberId }), [memberId]);
  const machines = useMachines();
  const [editing, setEditing] = useState(false);
  const [bad, setBad] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (inventory: LoadInventory | null) => {
    setBusy(true);
    setBad(null);
    try {
      view.set(await api.inventory.setMember({ memberId, inventory }));
      setEditing(inventory !== null);
      showMessage(inventory === null ? 'Home gym removed: loads round to the club\'s inventory' : 'Home gym saved: this member\'s loads round to it');
    } catch (err) {
      setBad(fieldErrorOf(err));
      showError(err);
    } finally { setBusy(false); }
  };
  const v = view.data;
  return (
    <Section title="Home gym" testId="member-inventory"
      actions={v ? <Chip size="small" label={`loads round to ${SOURCES[v.source]}`} data-testid="member-inventory-source" data-source={v.source} /> : null}>
      {!v ? (view.loading ? <LinearProgress /> : <Typography color="text.secondary">The inventory could not be loaded.</Typography>) : (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          {v.override === null && !editing ? (
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>Trains at the club. Set a home gym when the member trains with their own equipment.</Typography>
              <Button size="small" onClick={() => setEditing(true)} data-testid="member-inventory-edit">Set a home gym</Button>
            </Box>
          ) : (
            <>
              <InventoryEditor value={v.override ?? v.effective} machines={machines} canEdit busy={busy} bad={bad} testId="member-inventory-form"
                onSave={(inv) => void send(inv)} onBad={(b) => { setBad(b); showError(new Error(b.message)); }} />
              <Box><Button size="small" color="inherit" onClick={() => (v.override === null ? setEditing(false) : void send(null))} data-testid="member-inventory-clear">
                {v.override === null ? 'Cancel' : 'Remove the home gym'}
              </Button></Box>
            </>
          )}
        </Box>
      )}
    </Section>
  );
}
