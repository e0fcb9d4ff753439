/** The alerts of a class, newest first: open ones with an Acknowledge button, then the handled ones. */
import { Box, Button, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import type { LiveAlert } from '../../../../main/contract/index';
import { ALERT_LABELS } from './live-state';

interface Props { alerts: LiveAlert[]; canAcknowledge: boolean; onAcknowledge(alert: LiveAlert): void; busyId: number | null }

export function AlertList({ alerts, canAcknowledge, onAcknowledge, busyId }: Props) {
  if (alerts.length === 0) return <Typography color="text.secondary" data-testid="live-no-alerts">No alerts.</Typography>;
  const sorted = [...alerts].sort((a, b) => Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) || b.id - a.id);
  return (
    <List dense disablePadding data-testid="live-alerts">
      {sorted.map((a) => (
        <ListItem
          key={a.id}
          data-testid={`live-alert-${String(a.id)}`}
          data-kind={a.kind}
          data-acknowledged={a.acknowledgedAt !== null}
          sx={{ bgcolor: a.acknowledgedAt ? 'transparent' : a.clearedAt ? '#fff8e1' : '#ffebee', mb: 0.5, borderRadius: 1, gap: 1 }}
          secondaryAction={a.acknowledgedAt === null && canAcknowledge ? (
            <Button variant="contained" color="error" size="large" disabled={busyId === a.id} onClick={() => onAcknowledge(a)} data-testid="live-acknowledge">
              Acknowledge
            </Button>
          ) : undefined}
        >
          <ListItemText
            sx={{ pr: canAcknowledge && a.acknowledgedAt === null ? 18 : 0 }}
            primary={(
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <Typography sx={{ fontWeight: 700, fontSize: 18 }}>{ALERT_LABELS[a.kind] ?? a.kind}</Typography>
                <Typography variant="body2" color="text.secondary">{new Date(a.raisedAt).toLocaleTimeString()}</Typography>
                {a.clearedAt ? <Chip size="small" label="over" /> : null}
                {a.acknowledgedAt ? <Chip size="small" color="success" label="acknowledged" /> : null}
              </Box>
            )}
            secondary={<span style={{ fontSize: 16 }}>{a.message}</span>}
          />
        </ListItem>
      ))}
    </List>
  );
}
