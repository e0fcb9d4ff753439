/** Real-time session modifications; see modify.ts. */
export * from './modify';
