/** The live class monitor's pure parts: the 0x2A37 parser, Karvonen zones, the alerting state and the simulated feed. */
export * from './errors';
export * from './hrm';
export * from './zones';
export * from './types';
export * from './monitor';
export * from './simulate';
