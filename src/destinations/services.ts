// The services of SPEC §14 beyond chat webhooks: a file of their own in the bundle (services.js),
// loaded only by a run that has a webhook to one of them, so that chat destinations do not pay for
// their modules.
import { bluesky } from './bluesky.js';
import { discourse } from './discourse.js';
import { email } from './email.js';
import { githubDiscussions } from './github-discussions.js';
import { linkedin } from './linkedin.js';
import { matrix } from './matrix.js';
import { opencollective } from './opencollective.js';
import { reddit } from './reddit.js';
import type { Destination } from './types.js';
import { x } from './x.js';
import { zulip } from './zulip.js';

export const SERVICES: Destination[] = [
  bluesky,
  discourse,
  zulip,
  matrix,
  githubDiscussions,
  reddit,
  opencollective,
  email,
  x,
  linkedin
];
