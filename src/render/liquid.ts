// The Liquid engine: strict, bounded, and unable to touch the file system. A file of its own in
// the bundle (dist/liquid.js), loaded only by a run with a template the plain renderer leaves.
import { Liquid, type FS } from 'liquidjs';
import * as filters from './filters.js';

const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async () => refuseFiles(),
  readFileSync: () => refuseFiles(),
  resolve: (_dir, file) => file
};

function refuseFiles(): never {
  throw new Error('templates cannot include files');
}

export function createLiquid(): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    timezoneOffset: 0,
    // Set, so that creating the engine does not initialise Intl (about 15 ms); dates read in English.
    locale: 'en-US',
    fs: NO_FILES,
    relativeReference: false,
    // A runaway loop fails instead of hanging the release.
    parseLimit: 1_000_000,
    renderLimit: 2_000,
    memoryLimit: 64_000_000
  });
  for (const [name, filter] of Object.entries(filters)) liquid.registerFilter(name, filter);
  return liquid;
}
