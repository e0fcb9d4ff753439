/** Member sync: the HLC, the operations and their schemas, the conflict rules, the phone's outbox. */
export * from './hlc';
export * from './ops';
export * from './rules';
export * from './pull';
export * from './client';
export * from './adherence';
export * from './today';
