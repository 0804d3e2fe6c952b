#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx): `npx clubwatch` and the tests need no build step.
// `npm start` and the Docker image run the compiled JavaScript instead (dist/, built by `npm install`).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
