// Where the bundle under test is: the one built from src/ for this test run (build-once.js).
import path from 'node:path';

export const BUILT = process.env.RELEASE_WEBHOOKS_DIST ?? path.resolve('dist');
