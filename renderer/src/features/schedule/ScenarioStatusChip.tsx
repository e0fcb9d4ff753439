import { Chip } from '@mui/material';
import type { ScenarioStatus } from '../../../../main/contract/index';

const COLORS: Record<ScenarioStatus, 'warning' | 'success' | 'default'> = { draft: 'warning', published: 'success', superseded: 'default' };

export function ScenarioStatusChip({ status }: { status: ScenarioStatus }) {
  return <Chip size="small" label={status} color={COLORS[status]} data-testid="scenario-status" data-status={status} />;
}
