/** One class on the week board, placed by its times and coloured by its class type; draggable in a draft. */
import { Box } from '@mui/material';
import type { DragEvent } from 'react';
import type { ScheduledClassView } from '../../../../main/contract/index';
import { PX_PER_MIN } from './board-layout';
import { hhmm, round1 } from './time';

interface Props { cls: ScheduledClassView; axisStart: number; draggable: boolean; onOpen(): void; onDragStart(e: DragEvent<HTMLDivElement>): void }

/** Black or white text, whichever reads better on the class colour. */
function textOn(color: string): string {
  const n = Number.parseInt(color.slice(1), 16);
  const luminance = (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  return luminance > 0.6 ? '#1b1b1b' : '#ffffff';
}

export function ClassBlock({ cls, axisStart, draggable, onOpen, onDragStart }: Props) {
  const attendance = `${Math.round(cls.predictedAttendance)}/${cls.capacity}`;
  return (
    <Box
      role="button"
      tabIndex={0}
      draggable={draggable}
      onDragStart={onDragStart}
      onClick={onOpen}
      onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onOpen(); } }}
      title={`${cls.classTypeName} ${hhmm(cls.startMin)}–${hhmm(cls.endMin)} · ${cls.trainerName} · ${cls.roomName} · ${round1(cls.predictedAttendance)} ± ${round1(cls.predictedSd)} of ${cls.capacity}`}
      data-testid="class-block" data-index={cls.index} data-weekday={cls.weekday} data-start={cls.startMin} data-end={cls.endMin}
      data-room-id={cls.roomId} data-trainer-id={cls.trainerId} data-class-type={cls.classTypeId}
      sx={{
        position: 'absolute', left: 1, right: 1, top: (cls.startMin - axisStart) * PX_PER_MIN, height: (cls.endMin - cls.startMin) * PX_PER_MIN - 1,
        bgcolor: cls.color, color: textOn(cls.color), borderRadius: '4px', px: '3px', py: '2px', overflow: 'hidden',
        fontSize: 10, lineHeight: 1.2, cursor: draggable ? 'grab' : 'pointer', boxShadow: 1, zIndex: 1,
        '&:focus-visible': { outline: '2px solid #000' },
      }}
    >
      <Box sx={{ fontWeight: 700, whiteSpace: 'nowrap', textOverflow: 'ellipsis', overflow: 'hidden' }}>{cls.classTypeName}</Box>
      <Box sx={{ whiteSpace: 'nowrap', textOverflow: 'ellipsis', overflow: 'hidden' }} data-testid="class-trainer-name">{cls.trainerName}</Box>
      <Box sx={{ whiteSpace: 'nowrap' }} data-testid="class-attendance">{attendance}</Box>
    </Box>
  );
}
