/** "model: NAME" or "rules mode" (with how to add a model). */
import { Chip, Tooltip } from '@mui/material';
import type { CoachStatusView } from '../../../../main/contract/index';

export function CoachBadge({ status }: { status: CoachStatusView }) {
  if (status.model) {
    const speed = status.model.tokensPerS !== null ? `, ${status.model.tokensPerS} tokens/s` : '';
    return <Chip size="small" color="primary" label={`model: ${status.model.name}`} title={`loaded in ${Math.round(status.model.loadMs)} ms${speed}`} data-testid="coach-mode" />;
  }
  return (
    <Tooltip title={status.hint}>
      <Chip size="small" variant="outlined" label={status.loading ? `rules mode (loading ${Math.round(status.loading.fraction * 100)} %)` : 'rules mode'} data-testid="coach-mode" />
    </Tooltip>
  );
}
