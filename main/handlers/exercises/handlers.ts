/** Exercise-library handlers: search and name mapping (the free-exercise-db file import is in imports/). */
import { getExercises, mapExerciseName, searchExercises } from '../../../db/exercises';
import { recordAudit } from '../../../db/audit';
import { StudioError } from '../../contract/errors';
import type { PartialHandlers } from '../../host/registry';

export const exerciseHandlers: PartialHandlers = {
  'exercises/list': ({ query, limit }, { store }) => searchExercises(store.db, query, limit),
  'exercises/map-name': ({ name, exerciseId, source }, { store, caller }) => {
    if (!getExercises(store.db, [exerciseId]).has(exerciseId)) {
      throw new StudioError('not_found', `there is no exercise with id "${exerciseId}"`, 'exerciseId');
    }
    return store.db.transaction((tx) => {
      const updatedSets = mapExerciseName(tx, source, name, exerciseId, 'manual');
      recordAudit(tx, { actorStaffId: caller.staff?.id ?? null, via: caller.transport, action: 'exercise.map-name', entity: 'exercise_name', entityId: name, after: { exerciseId, source, updatedSets } });
      return { updatedSets };
    });
  },
};
