/** Where the model is unsure (widest intervals) and where it and the member often disagree. */
import { List, ListItem, ListItemText, Typography } from '@mui/material';
import type { RirMemberView } from '../../../../main/contract/views';
import { round1 } from '../../units';

function Empty({ text }: { text: string }) {
  return <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>{text}</Typography>;
}

export function RirUnsureList({ items }: { items: RirMemberView['unsure'] }) {
  if (items.length === 0) return <Empty text="Nothing stands out." />;
  return (
    <List dense disablePadding data-testid="rir-unsure">
      {items.map((e) => (
        <ListItem key={e.exerciseId} disableGutters data-testid="rir-unsure-item">
          <ListItemText primary={e.exerciseName} secondary={`80 % interval about ${round1(e.meanWidth80)} reps wide (± ${round1(e.meanWidth80 / 2)})`} />
        </ListItem>
      ))}
    </List>
  );
}

export function RirDisagreeList({ items }: { items: RirMemberView['disagree'] }) {
  if (items.length === 0) return <Empty text="No exercise where they often disagree (by 2 reps or more on 30 % of sets)." />;
  return (
    <List dense disablePadding data-testid="rir-disagree">
      {items.map((e) => (
        <ListItem key={e.exerciseId} disableGutters data-testid="rir-disagree-item">
          <ListItemText
            primary={e.exerciseName}
            secondary={`off by 2+ reps on ${Math.round(e.disagreeShare * 100)} % of ${e.sets} sets`}
          />
        </ListItem>
      ))}
    </List>
  );
}
