export * from './policy';
export * from './ledger';
export * from './reconcile';
