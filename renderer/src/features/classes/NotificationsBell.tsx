/** The bell in the app bar: studio notifications (promotions from waitlists, class changes), unread count, mark all read. */
import { useEffect, useState } from 'react';
import { Badge, Box, Button, IconButton, Popover, Typography } from '@mui/material';
import { api } from '../../api';
import { useLoad } from '../../use-load';
import { formatDateTime } from '../../format';
import { onNotificationsChanged } from './notifications-events';

export function NotificationsBell() {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const loaded = useLoad(() => api.notifications.list({ limit: 30 }), []);
  useEffect(() => { const t = setInterval(() => loaded.reload(), 20_000); return () => clearInterval(t); }, [loaded.reload]);
  useEffect(() => onNotificationsChanged(() => loaded.reload()), [loaded.reload]);
  const n = loaded.data;
  return (
    <>
      <IconButton color="inherit" size="small" aria-label="Notifications" data-testid="notifications-bell"
        onClick={(e) => { setAnchor(e.currentTarget); loaded.reload(); }}>
        <Badge badgeContent={n?.unread ?? 0} color="error" data-testid="notifications-count"><svg aria-hidden width="20" height="20" viewBox="0 0 24 24" fill="currentColor"><path d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z" /></svg></Badge>
      </IconButton>
      <Popover open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ width: 380, maxHeight: 420, overflow: 'auto', p: 1.5 }} data-testid="notifications-list">
          <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
            <Typography variant="subtitle2" sx={{ flexGrow: 1 }}>Notifications</Typography>
            <Button size="small" onClick={async () => { await api.notifications.read({}); loaded.reload(); }}>Mark all read</Button>
          </Box>
          {n?.items.length === 0 && <Typography variant="body2" color="text.secondary">Nothing yet.</Typography>}
          {n?.items.map((i) => (
            <Box key={i.id} sx={{ mb: 1, opacity: i.readAt ? 0.6 : 1 }} data-testid="notification">
              <Typography variant="body2">{i.message}</Typography>
              <Typography variant="caption" color="text.secondary">{formatDateTime(i.createdAt)} · for {i.audience.replace('_', ' ')}</Typography>
            </Box>
          ))}
        </Box>
      </Popover>
    </>
  );
}
