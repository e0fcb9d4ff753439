import { Chip } from '@mui/material';
import type { PlanStatus } from '../../../main/contract/views';

const COLORS: Record<PlanStatus, 'default' | 'warning' | 'success' | 'info'> = {
  draft: 'warning',
  approved: 'success',
  active: 'info',
  archived: 'default',
};

export function StatusChip({ status, testId }: { status: PlanStatus | null; testId?: string }) {
  if (status === null) return <Chip label="no plan" variant="outlined" data-testid={testId} />;
  return <Chip label={status} color={COLORS[status]} data-testid={testId} />;
}
