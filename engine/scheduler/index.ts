/**
 * The class scheduler's public API (issue 5), one import for `main/` and the bench:
 * club model and validation, the seeded club generator, the MIP (model, backends, solve),
 * scores, infeasibility explanations, the hard-rule checker, adjustments / substitutes / absence
 * repair, the iCalendar export, and the demand prediction (`demand/`).
 * Units throughout: minutes after midnight, weekday 0 = Monday, hours for trainer limits.
 */
export * from './types';
export * from './validate';
export * from './candidates';
export * from './generate';
export * from './model';
export * from './score';
export * from './solve';
export * from './explain';
export * from './check';
export * from './adjust';
export * from './ical';
export * from './backends/types';
export { solveWithHighs } from './backends/highs';
export { solveWithJslp } from './backends/jslp';
export { toLpText } from './backends/lpText';
export * from './demand';
