#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `npm start` and `npx clubwatch` need no build step.
// The Docker image runs the compiled JavaScript instead (dist/).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
