/** Classes in action (issue 12): booking policy, re-publishing, club time, effort and summaries. */
export * from './policy';
export * from './map-week';
export * from './club-time';
export * from './effort';
export * from './summary';
export * from './club-stats';
