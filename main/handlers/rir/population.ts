/**
 * Which population model the host uses: the registry's active one, else the published-figures
 * default. The registry lives beside the database (`<db name>-models/rir`), so each database
 * keeps its own models. A corrupted active model is refused (checksum) and the default is used.
 */
import { basename, dirname, extname, join } from 'node:path';
import { DEFAULT_POPULATION } from '../../../engine/rir/population';
import type { PopulationModel } from '../../../engine/rir/types';
import { createRegistry, type ModelRegistry } from '../../../models/rir/registry';

export function registryDir(dbPath: string): string {
  return join(dirname(dbPath), `${basename(dbPath, extname(dbPath))}-models`, 'rir');
}

export function modelRegistry(dbPath: string): ModelRegistry {
  return createRegistry(registryDir(dbPath));
}

export function activePopulation(dbPath: string): PopulationModel {
  if (dbPath === ':memory:') return DEFAULT_POPULATION;
  try {
    return modelRegistry(dbPath).active()?.population ?? DEFAULT_POPULATION;
  } catch (err) {
    console.error(`[studio] the active RIR model cannot be used, falling back to the default: ${(err as Error).message}`);
    return DEFAULT_POPULATION;
  }
}
