// Boots the inference worker from TypeScript sources: registers tsx, then loads the worker.
// (Bundled builds point STUDIO_COACH_WORKER_ENTRY at a compiled worker instead.)
import { register } from 'tsx/esm/api';

register();
await import('./inference-worker.ts');
