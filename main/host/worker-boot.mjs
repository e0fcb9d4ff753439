// Boots a worker thread from TypeScript sources: registers tsx, then loads the entry.
// (Bundled builds point STUDIO_WORKER_ENTRY at a compiled entry instead.)
import { register } from 'tsx/esm/api';

register();
await import('./worker-entry.ts');
