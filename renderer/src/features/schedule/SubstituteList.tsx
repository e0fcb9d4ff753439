/** Trainers who could take a class instead, best first, with why; "Assign" in a draft. */
import { Box, Button, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { SubstituteView } from '../../../../main/contract/index';
import { round1 } from './time';

const PREFERENCE = { 1: 'prefers this time', 0: '', [-1]: 'avoids this time' } as const;

interface Props { substitutes: SubstituteView[]; onAssign?: (trainerId: string) => void; busy?: boolean; testId?: string }

export function SubstituteList({ substitutes, onAssign, busy, testId = 'substitutes' }: Props) {
  if (substitutes.length === 0) return <Typography variant="body2" color="text.secondary" data-testid={`${testId}-none`}>No qualified trainer is free then.</Typography>;
  return (
    <List dense disablePadding data-testid={testId}>
      {substitutes.map((s, rank) => (
        <ListItem key={s.trainerId} disableGutters data-testid="substitute" data-trainer-id={s.trainerId}
          secondaryAction={onAssign ? <Button size="small" disabled={busy} onClick={() => onAssign(s.trainerId)} data-testid="assign-substitute">Assign</Button> : null}>
          <ListItemText
            primary={
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <b>{rank + 1}. {s.name}</b>
                <Chip size="small" variant="outlined" label={`${round1(s.remainingHours)} h left`} />
                {PREFERENCE[s.preference] ? <Chip size="small" variant="outlined" label={PREFERENCE[s.preference]} /> : null}
              </Box>
            }
            secondary={s.reasons.join(' · ')}
          />
        </ListItem>
      ))}
    </List>
  );
}
