/** The trainers a member can be assigned to (`staff/trainers`), loaded only for managers. */
import type { Staff, StaffRole } from '../../../../main/contract/index';
import { api } from '../../api';
import { useLoad } from '../../use-load';

export function useTrainers(role: StaffRole | null): readonly Staff[] | undefined {
  const manager = role === 'manager';
  const trainers = useLoad(() => (manager ? api.staff.trainers({}) : Promise.resolve(undefined)), [manager]);
  return manager ? trainers.data ?? [] : undefined;
}
