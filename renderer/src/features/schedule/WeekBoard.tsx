/**
 * The week as a grid: a column per open weekday, split into a sub-column per room, time running
 * down from opening to closing. In a draft, classes are dragged to another day, time (snapped to
 * the slot grid) or room; the host checks the move and the block stays put if it is refused.
 */
import { Fragment, useRef, useState, type DragEvent } from 'react';
import { Box, Typography } from '@mui/material';
import type { RoomSetup, ScheduledClassView } from '../../../../main/contract/index';
import type { WeeklyWindow } from '../../../../engine/scheduler/types';
import { ClassBlock } from './ClassBlock';
import { boardAxis, closedStretches, PX_PER_MIN, ROOM_COLUMN_PX, snapStart } from './board-layout';
import { addDays, hhmm, weekdayName } from './time';

export interface MoveTarget { weekday: number; startMin: number; roomId: string }

interface Props {
  weekStart: string;
  classes: ScheduledClassView[];
  rooms: RoomSetup[];
  openingHours: WeeklyWindow[];
  slotMin: number;
  editable: boolean;
  onMove(cls: ScheduledClassView, to: MoveTarget): void;
  onOpen(cls: ScheduledClassView): void;
}

const GUTTER_PX = 48;

export function WeekBoard({ weekStart, classes, rooms, openingHours, slotMin, editable, onMove, onOpen }: Props) {
  const axis = boardAxis(openingHours, classes);
  const height = (axis.endMin - axis.startMin) * PX_PER_MIN;
  const grab = useRef<{ index: number; offsetY: number } | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  const hoursOnAxis: number[] = [];
  for (let m = axis.startMin; m <= axis.endMin; m += 60) hoursOnAxis.push(m);

  const startDrag = (cls: ScheduledClassView) => (e: DragEvent<HTMLDivElement>) => {
    grab.current = { index: cls.index, offsetY: e.clientY - e.currentTarget.getBoundingClientRect().top };
    e.dataTransfer.setData('text/plain', String(cls.index));
    e.dataTransfer.effectAllowed = 'move';
  };
  const drop = (weekday: number, roomId: string) => (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setHover(null);
    const index = grab.current?.index ?? Number(e.dataTransfer.getData('text/plain'));
    const cls = classes.find((c) => c.index === index);
    if (!cls) return;
    const top = e.clientY - e.currentTarget.getBoundingClientRect().top - (grab.current?.offsetY ?? 0);
    const startMin = snapStart(axis.startMin + top / PX_PER_MIN, weekday, openingHours, slotMin);
    grab.current = null;
    if (cls.weekday === weekday && cls.startMin === startMin && cls.roomId === roomId) return;
    onMove(cls, { weekday, startMin, roomId });
  };

  return (
    <Box sx={{ overflowX: 'auto' }} data-testid="week-board" data-axis-start={axis.startMin} data-px-per-min={PX_PER_MIN}
      data-slot-min={slotMin} data-editable={editable}>
      <Box sx={{ display: 'grid', gridTemplateColumns: `${GUTTER_PX}px repeat(${axis.days.length}, minmax(${rooms.length * ROOM_COLUMN_PX}px, 1fr))` }}>
        <Box />
        {axis.days.map((d) => (
          <Box key={d} sx={{ borderLeft: '2px solid', borderColor: 'divider', textAlign: 'center' }} data-testid="board-day" data-weekday={d}>
            <Typography variant="subtitle2">{weekdayName(d)} {addDays(weekStart, d).slice(8)}</Typography>
            <Box sx={{ display: 'flex' }}>
              {rooms.map((r) => (
                <Typography key={r.id} variant="caption" color="text.secondary" noWrap title={`${r.name} (${r.capacity})`}
                  sx={{ flex: '1 1 0', minWidth: 0, px: 0.25, fontSize: 10 }}>{r.name}</Typography>
              ))}
            </Box>
          </Box>
        ))}
        <Box sx={{ position: 'relative', height }}>
          {hoursOnAxis.map((m) => (
            <Typography key={m} variant="caption" color="text.secondary"
              sx={{ position: 'absolute', top: (m - axis.startMin) * PX_PER_MIN - 8, right: 6, fontSize: 10 }}>{hhmm(m)}</Typography>
          ))}
        </Box>
        {axis.days.map((d) => (
          <Box key={d} sx={{ display: 'flex', borderLeft: '2px solid', borderColor: 'divider' }}>
            {rooms.map((r) => {
              const key = `${d}:${r.id}`;
              return (
                <Box key={r.id} data-testid="board-cell" data-weekday={d} data-room-id={r.id}
                  onDragOver={editable ? (e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; if (hover !== key) setHover(key); } : undefined}
                  onDragLeave={editable ? () => setHover((h) => (h === key ? null : h)) : undefined}
                  onDrop={editable ? drop(d, r.id) : undefined}
                  sx={{
                    position: 'relative', flex: '1 1 0', minWidth: ROOM_COLUMN_PX, height, borderLeft: '1px solid', borderColor: 'divider',
                    bgcolor: hover === key ? 'action.hover' : undefined,
                  }}>
                  {hoursOnAxis.map((m) => (
                    <Box key={m} sx={{ position: 'absolute', left: 0, right: 0, top: (m - axis.startMin) * PX_PER_MIN, borderTop: '1px dashed', borderColor: 'divider' }} />
                  ))}
                  {closedStretches(d, openingHours, axis).map(([a, b]) => (
                    <Box key={a} sx={{ position: 'absolute', left: 0, right: 0, top: (a - axis.startMin) * PX_PER_MIN, height: (b - a) * PX_PER_MIN,
                      bgcolor: 'action.disabledBackground' }} />
                  ))}
                  {classes.filter((c) => c.weekday === d && c.roomId === r.id).map((c) => (
                    <Fragment key={c.index}>
                      <ClassBlock cls={c} axisStart={axis.startMin} draggable={editable} onOpen={() => onOpen(c)} onDragStart={startDrag(c)} />
                    </Fragment>
                  ))}
                </Box>
              );
            })}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
