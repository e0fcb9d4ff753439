/** Units: kg ↔ lb, display, and rounding to loadable increments. */
export { KG_PER_LB, formatLoad, kgToLb, kgToUnit, lbToKg, unitToKg } from './convert';
export { isLoadable, isLoadedEquipment, loadGrid, roundToLoadable } from './loadable';
export type { LoadGrid, RoundDirection } from './loadable';
