// node:fs for @actions/core, which imports it whole to append to the runner's command files:
// named, esbuild's interop copies none of its properties at start-up (copying them makes Node
// load its directory API too).
export { appendFileSync, existsSync } from 'node:fs';
