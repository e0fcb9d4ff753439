/** What can be done with the shown scenario: undo, publish, duplicate, delete a draft; a hint on published weeks. */
import { Box, Button, Tooltip, Typography } from '@mui/material';
import type { ScenarioView } from '../../../../main/contract/index';
import { ScenarioStatusChip } from './ScenarioStatusChip';

interface Props {
  scenario: ScenarioView;
  canEdit: boolean;
  busy: boolean;
  onUndo(): void;
  onPublish(): void;
  onDuplicate(): void;
  onDelete(): void;
}

export function ScenarioToolbar({ scenario, canEdit, busy, onUndo, onPublish, onDuplicate, onDelete }: Props) {
  const draft = scenario.status === 'draft';
  const onlyManagers = canEdit ? '' : 'Only a manager can do this';
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }} data-testid="scenario-toolbar" data-scenario-id={scenario.id}>
      <Typography variant="h6" component="h2" data-testid="scenario-title">{scenario.name}</Typography>
      <ScenarioStatusChip status={scenario.status} />
      <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }} data-testid="board-hint">
        {draft ? (canEdit ? 'Drag a class to another day, time or room; click it for details.' : 'Click a class for details.')
          : 'Published weeks are read-only. Duplicate to edit.'}
      </Typography>
      {draft ? (
        <Tooltip title={onlyManagers || (scenario.canUndo ? '' : 'No manual change to undo')}>
          <span><Button size="small" disabled={!canEdit || busy || !scenario.canUndo} onClick={onUndo} data-testid="undo-move">Undo</Button></span>
        </Tooltip>
      ) : null}
      <Tooltip title={onlyManagers}>
        <span><Button size="small" variant="outlined" disabled={!canEdit || busy} onClick={onDuplicate} data-testid="duplicate-scenario">Duplicate</Button></span>
      </Tooltip>
      {draft ? (
        <>
          <Tooltip title={onlyManagers}>
            <span><Button size="small" color="error" disabled={!canEdit || busy} onClick={onDelete} data-testid="delete-scenario">Delete draft</Button></span>
          </Tooltip>
          <Tooltip title={onlyManagers}>
            <span><Button size="small" variant="contained" disabled={!canEdit || busy} onClick={onPublish} data-testid="publish-scenario">Publish</Button></span>
          </Tooltip>
        </>
      ) : null}
    </Box>
  );
}
