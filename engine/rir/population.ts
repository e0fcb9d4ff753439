/**
 * The population part of the RIR model: the prior every member starts from.
 * - `DEFAULT_POPULATION` (defaults.ts): from published figures (Epley; Hoeger et al. 1990;
 *   Halperin et al. 2022; Refalo et al. 2023), documented there.
 * - `populationLnK`, `exerciseFeatures` (features.ts): the linear map exported to ONNX.
 * - `fitPopulation` (fit.ts): the empirical-Bayes refit from many members' data.
 */
export { DEFAULT_POPULATION } from './defaults';
export { exerciseFeatures, linearLnK, populationLnK, DEFAULT_FEATURE_NAMES } from './features';
export { fitPopulation } from './fit';
export type { FitOptions, FitData } from './fit';
