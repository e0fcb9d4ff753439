/** Settings: the payments policy (grace days of a past-due membership, whether booking needs a credit, late cancels and no-shows, the currency of new products). */
import { useEffect, useState } from 'react';
import { Box, Button, Checkbox, FormControlLabel, LinearProgress, TextField } from '@mui/material';
import type { PaymentsPolicy } from '../../../../engine/payments/policy';
import { api } from '../../api';
import { Section } from '../../components/Section';
import { useStudio } from '../../studio-context';
import { useLoad } from '../../use-load';

export function PaymentsPolicySection() {
  const { showError, showMessage } = useStudio();
  const loaded = useLoad(() => api.payments.policy({}), []);
  const [p, setP] = useState<PaymentsPolicy | null>(null);
  useEffect(() => { if (loaded.data) setP(loaded.data); }, [loaded.data]);
  if (!p) return <LinearProgress />;
  const save = async () => {
    try { setP(await api.payments.setPolicy({ policy: { ...p, currency: p.currency.toLowerCase() } })); showMessage('The payments policy is saved'); } catch (e) { showError(e); }
  };
  return (
    <Section title="Payments policy" testId="payments-policy" actions={<Button size="small" variant="contained" onClick={save} data-testid="payments-policy-save">Save policy</Button>}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField size="small" type="number" label="Past-due grace (days)" value={p.pastDueGraceDays} onChange={(e) => setP({ ...p, pastDueGraceDays: Number(e.target.value) })}
          helperText="a past-due membership still books this long after its renewal date" sx={{ width: 260 }} slotProps={{ htmlInput: { min: 0, max: 30, 'data-testid': 'payments-policy-grace' } }} />
        <TextField size="small" label="Currency of new products" value={p.currency} onChange={(e) => setP({ ...p, currency: e.target.value })}
          helperText="ISO code, e.g. eur, gbp, usd" sx={{ width: 200 }} slotProps={{ htmlInput: { maxLength: 3, 'data-testid': 'payments-policy-currency' } }} />
      </Box>
      <FormControlLabel control={<Checkbox checked={p.requireCredit} onChange={(e) => setP({ ...p, requireCredit: e.target.checked })} data-testid="payments-policy-require" />}
        label="Booking needs a membership or a paid class-pack credit (pending sales do not count)" />
      <FormControlLabel control={<Checkbox checked={p.lateCancelForfeits} onChange={(e) => setP({ ...p, lateCancelForfeits: e.target.checked })} />} label="A late cancel keeps the credit spent" />
      <FormControlLabel control={<Checkbox checked={p.noShowForfeits} onChange={(e) => setP({ ...p, noShowForfeits: e.target.checked })} />} label="A no-show keeps the credit spent" />
    </Section>
  );
}
