/** A class of the board: who, where, predicted attendance, ranked substitutes; in a draft, move or reassign it. */
import { useState } from 'react';
import {
  Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Divider, LinearProgress, MenuItem, TextField, Typography,
} from '@mui/material';
import type { RoomSetup, ScheduledClassView } from '../../../../main/contract/index';
import { api } from '../../api';
import { useLoad } from '../../use-load';
import { SubstituteList } from './SubstituteList';
import type { MoveTarget } from './WeekBoard';
import { dayLabel, hhmm, parseHhmm, round1, WEEKDAYS } from './time';

interface Props {
  scenarioId: number;
  cls: ScheduledClassView;
  rooms: RoomSetup[];
  editable: boolean;
  busy: boolean;
  onMove(to: MoveTarget & { trainerId?: string }): void;
  /** Removes the class from the draft (undo brings it back). */
  onRemove(): void;
  onClose(): void;
}

export function ClassDetailsDialog({ scenarioId, cls, rooms, editable, busy, onMove, onRemove, onClose }: Props) {
  const subs = useLoad(() => api.schedule.substitutes({ scenarioId, classIndex: cls.index }), [scenarioId, cls.index]);
  const [weekday, setWeekday] = useState(cls.weekday);
  const [time, setTime] = useState(hhmm(cls.startMin));
  const [roomId, setRoomId] = useState(cls.roomId);
  const start = parseHhmm(time);
  const place = { weekday: cls.weekday, startMin: cls.startMin, roomId: cls.roomId };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth data-testid="class-details">
      <DialogTitle>{cls.classTypeName} · {dayLabel(cls.date)} {hhmm(cls.startMin)}–{hhmm(cls.endMin)}</DialogTitle>
      <DialogContent dividers>
        <Box sx={{ display: 'grid', gridTemplateColumns: '170px 1fr', rowGap: 0.5, mb: 1.5 }}>
          <Typography variant="body2" color="text.secondary">Trainer</Typography><Typography variant="body2" data-testid="class-trainer">{cls.trainerName}</Typography>
          <Typography variant="body2" color="text.secondary">Room</Typography><Typography variant="body2" data-testid="class-room">{cls.roomName}</Typography>
          <Typography variant="body2" color="text.secondary">Predicted attendance</Typography>
          <Typography variant="body2" data-testid="class-prediction">{round1(cls.predictedAttendance)} ± {round1(cls.predictedSd)} people of {cls.capacity} places</Typography>
        </Box>
        <Divider />
        <Typography variant="subtitle2" sx={{ mt: 1 }}>Substitutes</Typography>
        {subs.data ? (
          <SubstituteList substitutes={subs.data.substitutes} busy={busy}
            onAssign={editable ? (trainerId) => onMove({ ...place, trainerId }) : undefined} />
        ) : subs.loading ? <LinearProgress /> : null}
        {editable ? (
          <>
            <Divider sx={{ my: 1 }} />
            <Typography variant="subtitle2" sx={{ mb: 1 }}>Move to</Typography>
            <Box sx={{ display: 'flex', gap: 1 }}>
              <TextField select size="small" label="Day" value={weekday} onChange={(e) => setWeekday(Number(e.target.value))} data-testid="move-day">
                {WEEKDAYS.map((d, i) => <MenuItem key={d} value={i}>{d}</MenuItem>)}
              </TextField>
              <TextField size="small" type="time" label="Start" value={time} onChange={(e) => setTime(e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': 'move-time' }, inputLabel: { shrink: true } }} />
              <TextField select size="small" label="Room" value={roomId} onChange={(e) => setRoomId(e.target.value)} sx={{ minWidth: 140 }} data-testid="move-room">
                {rooms.map((r) => <MenuItem key={r.id} value={r.id}>{r.name}</MenuItem>)}
              </TextField>
              <Button variant="outlined" disabled={busy || start === null} onClick={() => start !== null && onMove({ weekday, startMin: start, roomId })}
                data-testid="move-apply">Move</Button>
            </Box>
          </>
        ) : null}
      </DialogContent>
      <DialogActions>
        {editable ? <Button color="error" disabled={busy} onClick={onRemove} data-testid="remove-class" sx={{ mr: 'auto' }}>Remove class</Button> : null}
        <Button onClick={onClose} data-testid="class-details-close">Close</Button>
      </DialogActions>
    </Dialog>
  );
}
