/** A sale's status as a chip: pending (queued, offline) is loud; the host's sentence is the tooltip. */
import { Chip, Tooltip } from '@mui/material';
import type { SaleView } from '../../../../main/contract/index';

const LOOK: Record<SaleView['status'], { label: string; color: 'default' | 'warning' | 'success' | 'info' | 'error' }> = {
  queued: { label: 'pending (not sent)', color: 'warning' },
  awaiting_payment: { label: 'awaiting payment', color: 'info' },
  paid: { label: 'paid', color: 'success' },
  expired: { label: 'expired', color: 'default' },
  mismatch: { label: 'mismatch', color: 'error' },
};

export function SaleStatusChip({ sale }: { sale: Pick<SaleView, 'status' | 'statusText' | 'lastError'> }) {
  const look = LOOK[sale.status];
  const tip = sale.lastError ? `${sale.statusText} — last error: ${sale.lastError}` : sale.statusText;
  return <Tooltip title={tip}><Chip size="small" label={look.label} color={look.color} data-testid="sale-status" data-status={sale.status} /></Tooltip>;
}
