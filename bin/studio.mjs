#!/usr/bin/env node
// The `studio` CLI. TypeScript sources run through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/index.ts');
await main(process.argv);
