/**
 * Demand prediction for the class scheduler (issue 5, part 2): parse club history, fit a seasonal
 * model (weekday × hour × month, trend, uncertainty), evaluate on held-out weeks, and derive class
 * demand by an assumed share per class type. See each module's header for units and sources.
 */
export { parseHourlyCountsCsv, parseSwipeLog, isIsoDate } from './parse';
export type { HourlyCount, HourlySeries, DemandParseProblem } from './parse';
export { fitDemand, predict } from './model';
export type { DemandModel, DemandFitOptions, DemandQuery, DemandForecast } from './model';
export { dayTotals, dropOutageDays, fitOutageFilter, OUTAGE_WINDOW_DAYS } from './clean';
export type { OutageFilterResult } from './clean';
export { evaluateDemand, splitHoldout, seasonalNaiveTable } from './evaluate';
export type { DemandEvaluation } from './evaluate';
export { classDemand, cappedNormal, DEFAULT_CLASS_SHARES } from './class-demand';
export type { ClassDemandFn, ClassDemandForecast, ClassDemandWhen } from './class-demand';
export { weekdayOf, monthOf, weekNumber, addDays, dateOfWeek, dayIndex } from './calendar';
export { calibrationScores, conformalQuantile, evaluateRolling, lastFourWeeks, rollingCuts, sameWeekLastYear } from './rolling';
export type { DemandForecaster, OriginResult, RollingEvaluation, RollingOptions } from './rolling';
export { YEAR_DAYS, YEARLY_GRID, fitYearly, fitYearlySelected, growthRatio, hourKey, lastWeeksMeanTable } from './yearly';
export type { YearlyOptions, YearlySelection } from './yearly';
export { buildDemandTable, describeDemand, demandFromTable, demandKey, MIN_OCCUPANCY_WEEKS, FLAT_PRIOR_FILL, SLOT_SHRINK } from './club-demand';
export type { AttendanceRecord, DemandTable, DemandTableInput, DemandTableResult, DemandClassType } from './club-demand';
