// Stands in for undici in the bundle (416 KB that every `uses:` would download): @actions/core's
// http-client imports its ProxyAgent and @actions/github its fetch, but the action's requests go
// through node:http (./exchange.ts), and Octokit is given a fetch made of the same exchange.
// Constructing a ProxyAgent (@actions/github does under a proxy) is harmless; using one says why.
const notBundled = (what: string) => (): never => {
  throw new Error(`${what} is not bundled: the action makes its requests with node:http`);
};

export class ProxyAgent {
  constructor(readonly options: unknown) {}
  dispatch = notBundled("undici's ProxyAgent");
}

export const fetch = notBundled("undici's fetch");
