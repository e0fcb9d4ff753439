/**
 * Edits a `LoadInventory` as staff type it, in kg or lb (the plates' unit; stored values are kg):
 * bars, plates with pair counts, dumbbells, kettlebells, the default machine stack and each
 * machine's own stack. Parse errors and the host's zod errors name the field.
 */
import { useEffect, useMemo, useState } from 'react';
import { Box, Button, IconButton, MenuItem, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import type { LoadInventory } from '../../../../engine/progression/types';
import type { ExerciseView } from '../../../../main/contract/index';
import { formatMassList, formatPlates, parseMassList, parsePlates } from '../../../../engine/progression/inventory-text';
import { InventoryInputError } from '../../../../engine/progression/inventory-schema';
import { kgToUnit, unitToKg } from '../../../../engine/units/convert';

type Unit = 'kg' | 'lb';
interface MachineDraft { exerciseId: string; min: string; step: string; max: string }
interface Draft {
  unit: Unit; bar: string; ezBar: string; smithBar: string; plates: string; dumbbells: string; kettlebells: string;
  stackMin: string; stackStep: string; machines: MachineDraft[];
}

const show = (kg: number | undefined, unit: Unit): string => (kg === undefined ? '' : String(Math.round(kgToUnit(kg, unit) * 1000) / 1000));

function draftOf(inv: LoadInventory, unit: Unit): Draft {
  return {
    unit, bar: show(inv.barKg, unit), ezBar: show(inv.barKgByEquipment?.ez_bar, unit), smithBar: show(inv.barKgByEquipment?.smith_machine, unit),
    plates: formatPlates(inv.plateKg, inv.platePairs, unit), dumbbells: formatMassList(inv.dumbbellKg, unit), kettlebells: formatMassList(inv.kettlebellKg, unit),
    stackMin: show(inv.stackMinKg, unit), stackStep: show(inv.stackStepKg, unit),
    machines: Object.entries(inv.machineStacks ?? {}).map(([exerciseId, s]) => ({ exerciseId, min: show(s.minKg, unit), step: show(s.stepKg, unit), max: show(s.maxKg, unit) })),
  };
}

function massOf(text: string, unit: Unit, field: string, optional = false): number | undefined {
  if (optional && text.trim() === '') return undefined;
  const n = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) throw new InventoryInputError(field, `"${text}" is not a mass`);
  return unitToKg(n, unit);
}

/** The draft as a `LoadInventory` (kg), or `InventoryInputError` naming the field. */
export function inventoryOf(d: Draft): LoadInventory {
  const u = d.unit;
  const bars: NonNullable<LoadInventory['barKgByEquipment']> = {};
  const ez = massOf(d.ezBar, u, 'inventory.barKgByEquipment.ez_bar', true);
  const smith = massOf(d.smithBar, u, 'inventory.barKgByEquipment.smith_machine', true);
  if (ez !== undefined) bars.ez_bar = ez;
  if (smith !== undefined) bars.smith_machine = smith;
  const machines: NonNullable<LoadInventory['machineStacks']> = {};
  d.machines.forEach((m, i) => {
    if (m.exerciseId === '') throw new InventoryInputError(`inventory.machineStacks.${String(i)}`, 'choose the machine');
    const max = massOf(m.max, u, `inventory.machineStacks.${m.exerciseId}.maxKg`, true);
    machines[m.exerciseId] = {
      minKg: massOf(m.min, u, `inventory.machineStacks.${m.exerciseId}.minKg`)!, stepKg: massOf(m.step, u, `inventory.machineStacks.${m.exerciseId}.stepKg`)!,
      ...(max === undefined ? {} : { maxKg: max }),
    };
  });
  return {
    unit: u, barKg: massOf(d.bar, u, 'inventory.barKg')!, ...(Object.keys(bars).length ? { barKgByEquipment: bars } : {}),
    ...parsePlates(d.plates, u, 'inventory.plateKg'),
    dumbbellKg: parseMassList(d.dumbbells, u, 'inventory.dumbbellKg'), kettlebellKg: parseMassList(d.kettlebells, u, 'inventory.kettlebellKg'),
    stackMinKg: massOf(d.stackMin, u, 'inventory.stackMinKg')!, stackStepKg: massOf(d.stackStep, u, 'inventory.stackStepKg')!,
    ...(Object.keys(machines).length ? { machineStacks: machines } : {}),
  };
}

interface Props {
  value: LoadInventory;
  machines: readonly ExerciseView[];
  canEdit: boolean;
  busy: boolean;
  /** The field the host or the parser named, with its message. */
  bad: { field: string; message: string } | null;
  testId: string;
  onSave(inv: LoadInventory): void;
  onBad(bad: { field: string; message: string }): void;
}

export function InventoryEditor({ value, machines, canEdit, busy, bad, testId, onSave, onBad }: Props) {
  const [d, setD] = useState<Draft>(() => draftOf(value, value.unit));
  useEffect(() => setD(draftOf(value, value.unit)), [value]);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const names = useMemo(() => new Map(machines.map((m) => [m.id, m.name])), [machines]);
  const err = (field: string) => (bad !== null && (bad.field === field || bad.field.startsWith(`${field}.`)) ? bad.message : undefined);
  /** Switching kg ↔ lb converts what is typed (the plates are made in that unit). */
  const switchUnit = (unit: Unit) => {
    try { setD(draftOf(inventoryOf(d), unit)); } catch (e) { if (e instanceof InventoryInputError) onBad({ field: e.field, message: e.message }); }
  };
  const save = () => {
    try { onSave(inventoryOf(d)); } catch (e) {
      if (e instanceof InventoryInputError) onBad({ field: e.field, message: e.message }); else throw e;
    }
  };
  const field = (label: string, key: keyof Draft, path: string, width = 110, help?: string) => (
    <TextField size="small" label={`${label} (${d.unit})`} value={d[key] as string} disabled={!canEdit} sx={{ width }}
      onChange={(e) => set({ [key]: e.target.value } as Partial<Draft>)} error={err(path) !== undefined} helperText={err(path) ?? help}
      slotProps={{ htmlInput: { 'data-testid': `${testId}-${String(key)}` } }} />
  );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.25 }} data-testid={testId}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="body2" color="text.secondary">Plates and steps are made in</Typography>
        <ToggleButtonGroup size="small" exclusive value={d.unit} disabled={!canEdit} onChange={(_e, u: Unit | null) => { if (u) switchUnit(u); }}>
          <ToggleButton value="kg" data-testid={`${testId}-unit-kg`}>kg</ToggleButton>
          <ToggleButton value="lb" data-testid={`${testId}-unit-lb`}>lb</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {field('Barbell', 'bar', 'inventory.barKg')}
        {field('EZ bar', 'ezBar', 'inventory.barKgByEquipment.ez_bar', 110, 'blank: as barbell')}
        {field('Smith bar', 'smithBar', 'inventory.barKgByEquipment.smith_machine', 110, 'blank: as barbell')}
      </Box>
      {field('Plates, mass × pairs', 'plates', 'inventory.plateKg', 520, 'e.g. 25 × 6, 20 × 4, 1.25 × 2; a mass alone: as many as needed')}
      {field('Dumbbells', 'dumbbells', 'inventory.dumbbellKg', 520, 'e.g. 2–10 by 1, 12–50 by 2')}
      {field('Kettlebells', 'kettlebells', 'inventory.kettlebellKg', 520)}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        {field('Stack from', 'stackMin', 'inventory.stackMinKg', 130, 'every machine')}
        {field('Stack step', 'stackStep', 'inventory.stackStepKg', 130, 'unless set below')}
      </Box>
      <Typography variant="body2" color="text.secondary">Machines with their own stack</Typography>
      {d.machines.map((m, i) => {
        const edit = (patch: Partial<MachineDraft>) => set({ machines: d.machines.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        const path = `inventory.machineStacks.${m.exerciseId}`;
        return (
          <Box key={i} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }} data-testid={`${testId}-machine`}>
            <TextField select size="small" label="Machine" value={m.exerciseId} disabled={!canEdit} sx={{ width: 240 }} onChange={(e) => edit({ exerciseId: e.target.value })}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-machine-exercise` } }}>
              {machines.map((x) => <MenuItem key={x.id} value={x.id}>{x.name}</MenuItem>)}
              {m.exerciseId !== '' && !names.has(m.exerciseId) ? <MenuItem value={m.exerciseId}>{m.exerciseId}</MenuItem> : null}
            </TextField>
            {(['min', 'step', 'max'] as const).map((k) => (
              <TextField key={k} size="small" label={`${k === 'min' ? 'from' : k === 'step' ? 'step' : 'up to'} (${d.unit})`} value={m[k]} disabled={!canEdit} sx={{ width: 110 }}
                onChange={(e) => edit({ [k]: e.target.value })} error={err(`${path}.${k}Kg`) !== undefined} helperText={err(`${path}.${k}Kg`)}
                slotProps={{ htmlInput: { 'data-testid': `${testId}-machine-${k}` } }} />
            ))}
            <IconButton aria-label="remove machine" disabled={!canEdit} onClick={() => set({ machines: d.machines.filter((_x, j) => j !== i) })}>×</IconButton>
          </Box>
        );
      })}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button size="small" disabled={!canEdit} data-testid={`${testId}-add-machine`}
          onClick={() => set({ machines: [...d.machines, { exerciseId: '', min: d.stackMin, step: d.stackStep, max: '' }] })}>Add a machine</Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" disabled={!canEdit || busy} onClick={save} data-testid={`${testId}-save`}>Save</Button>
      </Box>
    </Box>
  );
}
