/** Publish a draft as the club's week; replacing an already published week needs an explicit tick. */
import { useState } from 'react';
import {
  Button, Checkbox, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControlLabel,
} from '@mui/material';
import type { ScenarioSummary } from '../../../../main/contract/index';
import { dayLabel } from './time';

interface Props { draft: ScenarioSummary; published: ScenarioSummary | null; busy: boolean; onPublish(replacePublished: boolean): void; onClose(): void }

export function PublishDialog({ draft, published, busy, onPublish, onClose }: Props) {
  const [replace, setReplace] = useState(false);
  return (
    <Dialog open onClose={onClose} data-testid="publish-dialog">
      <DialogTitle>Publish "{draft.name}"?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          It becomes the club&apos;s timetable for the week of {dayLabel(draft.weekStart)} ({draft.classCount} classes) and can be exported
          to calendars. A published week is read-only; duplicate it to make changes.
        </DialogContentText>
        {published ? (
          <FormControlLabel sx={{ mt: 1 }} data-testid="publish-replace"
            control={<Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)} slotProps={{ input: { 'aria-label': 'Replace the published week' } }} />}
            label={`This replaces the published "${published.name}", which is kept as superseded.`} />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={busy || (published !== null && !replace)} onClick={() => onPublish(published !== null && replace)}
          data-testid="publish-confirm">{published ? 'Replace and publish' : 'Publish'}</Button>
      </DialogActions>
    </Dialog>
  );
}
