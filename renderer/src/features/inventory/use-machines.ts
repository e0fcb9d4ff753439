/** The library's machine and cable exercises, for per-machine stacks. */
import { useMemo } from 'react';
import type { ExerciseView } from '../../../../main/contract/index';
import { api } from '../../api';
import { useLoad } from '../../use-load';

export function useMachines(): ExerciseView[] {
  const all = useLoad(() => api.exercises.list({ limit: 2000 }), []);
  return useMemo(() => (all.data ?? []).filter((e) => e.equipment === 'machine' || e.equipment === 'cable').sort((a, b) => a.name.localeCompare(b.name)), [all.data]);
}
