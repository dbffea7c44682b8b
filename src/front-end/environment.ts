import type { GitHubEnvironment } from '../context/types.js';

/**
 * The GITHUB_* variables of a job. `local` answers for what they leave empty, asked only then
 * (the CLI asks the git checkout).
 */
export function githubEnvironment(
  env: NodeJS.ProcessEnv,
  local: (fact: 'repository' | 'sha' | 'tag') => string = () => ''
): GitHubEnvironment {
  // Outside a job, the checkout's tag (when HEAD has one) is the ref.
  const tag = env.GITHUB_REF_NAME ? '' : local('tag');
  return {
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    repository: env.GITHUB_REPOSITORY || local('repository'),
    sha: env.GITHUB_SHA || local('sha'),
    ref: env.GITHUB_REF || '',
    refName: env.GITHUB_REF_NAME || tag,
    refType: env.GITHUB_REF_TYPE || (tag ? 'tag' : ''),
    runId: env.GITHUB_RUN_ID || '',
    actor: env.GITHUB_ACTOR || '',
    eventName: env.GITHUB_EVENT_NAME || ''
  };
}
