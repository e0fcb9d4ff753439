/**
 * Payments (issue 16): products, the sync with Stripe, and for managers the mismatches and the
 * reports. The front desk sees the products and the sync; selling happens on the member page.
 */
import { useState } from 'react';
import { Box, Tab, Tabs, Typography } from '@mui/material';
import type { StaffRole } from '../../../../main/contract/index';
import { navigate } from '../../router';
import { MismatchesView } from './MismatchesView';
import { ProductsView } from './ProductsView';
import { ReportsView } from './ReportsView';
import { SyncPanel } from './SyncPanel';

export type PaymentsTab = 'products' | 'mismatches' | 'reports';

export function PaymentsPage({ role, tab }: { role: StaffRole; tab: PaymentsTab }) {
  const manager = role === 'manager';
  const shown: PaymentsTab = manager ? tab : 'products';
  const [version, setVersion] = useState(0);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }} data-testid="payments-page">
      <Typography variant="h5" component="h1">Payments</Typography>
      <SyncPanel onSynced={() => setVersion((v) => v + 1)} />
      {manager ? (
        <Tabs value={shown} onChange={(_, t: PaymentsTab) => navigate({ page: 'payments', tab: t })}>
          <Tab value="products" label="Products" data-testid="payments-tab-products" />
          <Tab value="mismatches" label="Mismatches" data-testid="payments-tab-mismatches" />
          <Tab value="reports" label="Reports" data-testid="payments-tab-reports" />
        </Tabs>
      ) : null}
      {shown === 'products' ? <ProductsView canCreate={manager} /> : null}
      {shown === 'mismatches' ? <MismatchesView version={version} /> : null}
      {shown === 'reports' ? <ReportsView version={version} /> : null}
    </Box>
  );
}
